-- The weekly digest (the digest module). Times are epoch milliseconds; weeks are ISO weeks written 2026-W47.

-- Who wants the digest by e-mail, where to, and the last week already mailed (a cheap filter for the hourly job;
-- digest_deliveries below is what guarantees one e-mail per user and week). No row: not opted in.
CREATE TABLE digest_preferences (
    user_id        BIGINT  NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email_opt_in   BOOLEAN NOT NULL DEFAULT FALSE,
    address        TEXT,
    last_sent_week TEXT,
    updated_at     BIGINT  NOT NULL
);

-- One row per e-mail that an instance claimed before sending it: the primary key lets exactly one claimant through
-- per (user, week), whatever the number of instances or retries. sent_at is set once the SMTP server accepted it; a
-- claim whose sending failed is deleted so that a retry may send it, and a claim left by a process that died while
-- sending stays, so that week's e-mail is never sent twice (at most once).
CREATE TABLE digest_deliveries (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week       TEXT   NOT NULL,
    claimed_at BIGINT NOT NULL,
    claimed_by TEXT   NOT NULL,
    sent_at    BIGINT,
    PRIMARY KEY (user_id, week)
);
