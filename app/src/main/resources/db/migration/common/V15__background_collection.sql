-- Background collection (the collection module). Times are epoch milliseconds. JobRunr's own tables (jobrunr_*)
-- are created by JobRunr itself on the same database when the server starts; they are not Flyway's.

-- Each user's webhook secret, encrypted with the instance keyset (associated data binds it to the user). hook_id is
-- the random public id in the user's webhook URLs (/webhooks/<provider>/<hook_id>): one lookup per delivery.
CREATE TABLE webhook_secrets (
    user_id           BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    hook_id           TEXT   NOT NULL UNIQUE,
    secret_ciphertext TEXT   NOT NULL,
    created_at        BIGINT NOT NULL
);

-- Delivery ids already accepted, so that a repeated delivery is ignored; kept for the delivery retention.
CREATE TABLE webhook_deliveries (
    provider    TEXT   NOT NULL,
    delivery_id TEXT   NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider, delivery_id)
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at);

-- Repositories whose last collection failed for a reason retrying cannot cure (token refused, repository gone,
-- access denied): the schedule leaves them alone until their token is replaced or a collection succeeds.
CREATE TABLE collection_blocked (
    repository_id BIGINT NOT NULL PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
    reason        TEXT   NOT NULL,
    blocked_at    BIGINT NOT NULL
);

-- The periodic delta over all users: one row (id 1), for the status page.
CREATE TABLE collection_schedule (
    id               INTEGER NOT NULL PRIMARY KEY,
    last_started_at  BIGINT,
    last_finished_at BIGINT,
    users            INTEGER,
    enqueued         INTEGER
);
