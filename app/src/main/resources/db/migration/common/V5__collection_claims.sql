-- One collection per repository at a time, across threads, processes and instances: a collection inserts (or takes
-- over an expired) row before it mines, renews expires_at while it runs and deletes the row when it ends. A killed
-- process leaves a row that expires after the lease. Times are epoch seconds (UTC).
CREATE TABLE collection_claims (
    repository_id BIGINT NOT NULL PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
    holder        TEXT   NOT NULL,
    expires_at    BIGINT NOT NULL
);
