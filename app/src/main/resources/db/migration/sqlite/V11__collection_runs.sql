-- Every collection run: which repository, what started it, when, what it found and how it ended. Kept for
-- commitstats.collection.runs-retention (90 days by default). Times are epoch milliseconds.
CREATE TABLE collection_runs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    repository_id  BIGINT  NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    trigger_kind   TEXT    NOT NULL,
    started_at     BIGINT  NOT NULL,
    finished_at    BIGINT  NOT NULL,
    new_commits    INTEGER NOT NULL,
    outcome        TEXT    NOT NULL,
    message        TEXT
);
CREATE INDEX collection_runs_by_repository ON collection_runs (repository_id, started_at);
CREATE INDEX collection_runs_by_start ON collection_runs (started_at);
