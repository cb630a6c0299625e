-- The public CV of each user, computed once (after a collection changed their numbers, or when it got old) and served
-- from here: the page, the card and the JSON API never aggregate per request. document is the CvDocument as JSON;
-- stale marks one whose numbers changed since it was built (a collection in another process), rebuilt on next read.
CREATE TABLE cv_snapshots (
    user_id   BIGINT  NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    document  TEXT    NOT NULL,
    built_at  BIGINT  NOT NULL,
    stale     BOOLEAN NOT NULL DEFAULT FALSE
);
