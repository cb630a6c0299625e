-- What the owner of a repository set aside in it: path patterns (.gitignore-like globs) and single commits (full
-- shas). Skipped commits have no fact; skipped paths are left out of every commit's numbers. Times are epoch seconds.
CREATE TABLE repository_skipped_paths (
    repository_id BIGINT       NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    pattern       VARCHAR(500) NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (repository_id, pattern)
);

CREATE TABLE repository_skipped_commits (
    repository_id BIGINT      NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    sha           VARCHAR(40) NOT NULL,
    created_at    BIGINT      NOT NULL,
    PRIMARY KEY (repository_id, sha)
);

-- A digest of the skipped paths the repository's stored facts were mined with; NULL = none. When the owner's
-- patterns differ from it, the next collection mines the stored commits again.
ALTER TABLE repositories ADD COLUMN mined_path_skips TEXT;
