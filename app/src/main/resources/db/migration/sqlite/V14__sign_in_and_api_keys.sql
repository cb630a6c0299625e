-- Sign-in: a password hash for local accounts (null for accounts that sign in with OAuth), the instance's admins, the
-- avatar shown in the navigation bar and the last sign-in. Times are epoch seconds.
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN avatar_url TEXT;
ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;

-- Personal API keys: only a SHA-256 hash of the key is stored (keys are 32 random bytes, so a fast hash is enough);
-- the prefix lets the owner recognise a key. Scopes are comma-separated ids (read,write,refresh,push).
CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    prefix        TEXT    NOT NULL,
    key_hash      TEXT    NOT NULL UNIQUE,
    scopes        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_keys_user ON api_keys (user_id);

-- Spring Session JDBC's tables (its schema-sqlite.sql), created here rather than by its initializer, so that every
-- instance sharing the database shares the sessions and the schema has one owner: Flyway.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         INTEGER      NOT NULL,
    LAST_ACCESS_TIME      INTEGER      NOT NULL,
    MAX_INACTIVE_INTERVAL INTEGER      NOT NULL,
    EXPIRY_TIME           INTEGER      NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB         NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
