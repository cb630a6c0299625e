-- What a provider account says about the repositories it discovered, and what discovery needs to remember.
-- token_id: the provider account (token) a repository was discovered through and is fetched with; NULL for a
-- repository added by URL or path (it then uses a token of the same host, if the user has one).
ALTER TABLE repositories ADD COLUMN token_id BIGINT REFERENCES tokens (id) ON DELETE SET NULL;
ALTER TABLE repositories ADD COLUMN owner_kind TEXT;
ALTER TABLE repositories ADD COLUMN is_fork BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE repositories ADD COLUMN is_archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE repositories ADD COLUMN is_open_source BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE repositories ADD COLUMN default_branch TEXT;
ALTER TABLE repositories ADD COLUMN stars INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN web_url TEXT;
-- the host's last push (epoch seconds), and when discovery last asked the host (epoch milliseconds: a collection may
-- skip the fetch only when the host was asked after the collection started, and reported no push since)
ALTER TABLE repositories ADD COLUMN last_push_at BIGINT;
ALTER TABLE repositories ADD COLUMN push_checked_at BIGINT;
-- what the last complete collection started from: the host's last push it knew (epoch seconds), when it started
-- (epoch milliseconds), and a digest of the identities and counting rules it used
ALTER TABLE repositories ADD COLUMN collected_push_at BIGINT;
ALTER TABLE repositories ADD COLUMN collected_started_at BIGINT;
ALTER TABLE repositories ADD COLUMN collected_inputs TEXT;

-- An owner group (organisation, group, project, workspace) the user switched off or on: every repository of it
-- follows, including those discovered later.
CREATE TABLE owner_groups (
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    is_active  BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, name)
);
