-- Personal access tokens, one row per provider account a user added. secret is the base64 Tink AEAD ciphertext of
-- the token, bound to (user_id, id) by its associated data, so a row's secret does not decrypt in another row; the
-- clear token is never stored. The columns after it are the last check's verdict. Times are epoch seconds (UTC).
CREATE TABLE tokens (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    provider        TEXT    NOT NULL,
    base_url        TEXT    NOT NULL,
    username        TEXT,
    secret          TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    status_message  TEXT    NOT NULL,
    account_login   TEXT,
    scopes          TEXT,
    warning         TEXT,
    expires_at      BIGINT,
    checked_at      BIGINT,
    retry_at        BIGINT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (user_id, name)
);
