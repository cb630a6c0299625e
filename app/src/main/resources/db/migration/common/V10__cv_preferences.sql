-- What the owner of a CV chose to show: the punch card (working hours are personal), a place in the instance's
-- ranking (opt-in), and the private repositories whose names the public CV may show (all others are masked).
CREATE TABLE cv_preferences (
    user_id          BIGINT  NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    show_punch_card  BOOLEAN NOT NULL DEFAULT TRUE,
    in_ranking       BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE cv_named_repositories (
    repository_id BIGINT NOT NULL PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE
);
