-- Accounts and the repositories they collect from. Times are epoch seconds (UTC) on both databases.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    login         TEXT    NOT NULL UNIQUE,
    display_name  TEXT,
    time_zone     TEXT    NOT NULL DEFAULT 'UTC',
    published     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE identities (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email     TEXT    NOT NULL,
    verified  BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (user_id, email)
);

CREATE TABLE repositories (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id                BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clone_url              TEXT    NOT NULL,
    provider               TEXT    NOT NULL,
    owner_group            TEXT,
    name                   TEXT    NOT NULL,
    visibility             TEXT    NOT NULL DEFAULT 'private',
    is_active              BOOLEAN NOT NULL DEFAULT TRUE,
    is_extra               BOOLEAN NOT NULL DEFAULT FALSE,
    status                 TEXT    NOT NULL DEFAULT 'pending',
    error_message          TEXT,
    last_update            BIGINT,
    last_commit_sha        TEXT,
    last_commit_time       BIGINT,
    all_commits_processed  BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (user_id, clone_url),
    CHECK (status IN ('pending', 'collecting', 'up_to_date', 'error'))
);
