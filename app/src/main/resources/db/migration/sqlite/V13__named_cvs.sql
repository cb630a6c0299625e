-- Several CVs per user. The default CV (/cv/{login}) has no row here: it is the user's, published with the account
-- (users.published), and its snapshot is cv_id 0. A named CV (/cv/{login}/{name}) counts a selection of the user's
-- numbers: the listed repositories (every active one when none is listed) minus the hidden ones, the listed emails
-- (every identity when none is listed), and the days from first_day to last_day (ISO dates, open-ended when null).
CREATE TABLE cv_pages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    title       TEXT,
    first_day   TEXT,
    last_day    TEXT,
    published   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    UNIQUE (user_id, name)
);
CREATE INDEX cv_pages_published ON cv_pages (published, user_id);

-- hidden = FALSE: a listed repository (the CV counts only the listed ones); TRUE: a repository left out
CREATE TABLE cv_page_repositories (
    cv_id          BIGINT  NOT NULL REFERENCES cv_pages (id) ON DELETE CASCADE,
    repository_id  BIGINT  NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    hidden         BOOLEAN NOT NULL,
    PRIMARY KEY (cv_id, repository_id)
);

CREATE TABLE cv_page_emails (
    cv_id  BIGINT NOT NULL REFERENCES cv_pages (id) ON DELETE CASCADE,
    email  TEXT   NOT NULL,
    PRIMARY KEY (cv_id, email)
);

-- Snapshots per CV: (user, 0) is the default CV, (user, cv_pages.id) a named one. SQLite cannot change a primary key
-- in place, so the table is rebuilt and the default CVs' snapshots copied over. document is null until a first build
-- succeeds; commits, additions, active_days and languages (the top three) are its headline, listed by /cvs;
-- building_since marks a rebuild under way, refresh_error the reason the last one failed.
CREATE TABLE cv_snapshots_v13 (
    user_id         BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cv_id           BIGINT  NOT NULL DEFAULT 0,
    document        TEXT,
    built_at        BIGINT  NOT NULL DEFAULT 0,
    stale           BOOLEAN NOT NULL DEFAULT FALSE,
    building_since  BIGINT,
    refresh_error   TEXT,
    commits         BIGINT  NOT NULL DEFAULT 0,
    additions       BIGINT  NOT NULL DEFAULT 0,
    active_days     BIGINT  NOT NULL DEFAULT 0,
    languages       TEXT,
    PRIMARY KEY (user_id, cv_id)
);
-- stale: rebuilt on their next read, which fills the headline numbers that /cvs lists
INSERT INTO cv_snapshots_v13 (user_id, cv_id, document, built_at, stale)
SELECT user_id, 0, document, built_at, TRUE FROM cv_snapshots;
DROP TABLE cv_snapshots;
ALTER TABLE cv_snapshots_v13 RENAME TO cv_snapshots;
