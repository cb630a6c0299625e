-- Commit facts: numbers mined from one commit of one repository, never code or messages. Keyed by (repository, sha)
-- so that collection can upsert and a rerun after a crash changes nothing. Times are epoch seconds (UTC).
-- The same DDL as PostgreSQL's, plus WITHOUT ROWID: rows are clustered by primary key, so an aggregate over a
-- repository reads one contiguous range with no lookup from an index into the table.
--
-- local_day / local_weekday / local_hour are derived at write time from author_time + author_offset_minutes (the
-- commit's own calendar), so SQLite and PostgreSQL group by the same integers without date functions.
-- additions / deletions are the honest totals (sum over commit_languages), kept here so series need no join.
CREATE TABLE commit_facts (
    repository_id          BIGINT   NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    sha                    TEXT     NOT NULL,
    author_email           TEXT     NOT NULL,
    author_time            BIGINT   NOT NULL,
    author_offset_minutes  INTEGER  NOT NULL,
    committer_time         BIGINT   NOT NULL,
    parent_count           INTEGER  NOT NULL,
    type                   TEXT     NOT NULL,
    breaking               BOOLEAN  NOT NULL,
    additions              BIGINT   NOT NULL,
    deletions              BIGINT   NOT NULL,
    local_day              INTEGER  NOT NULL,
    local_weekday          SMALLINT NOT NULL,
    local_hour             SMALLINT NOT NULL,
    PRIMARY KEY (repository_id, sha)
) WITHOUT ROWID;
CREATE INDEX commit_facts_by_time ON commit_facts (author_time);
-- finds the same commit in a user's other repositories (forks, mirrors)
CREATE INDEX commit_facts_by_sha ON commit_facts (sha, repository_id);

-- Commits that another repository of the same user with a lower id may hold too (forks, mirrors). Filled at write
-- time and never pruned: a superset that lets aggregates find the few copies to leave out without scanning for them.
CREATE TABLE commit_copies (
    repository_id           BIGINT NOT NULL,
    sha                     TEXT   NOT NULL,
    -- the lowest repository holding the sha when the copy was recorded; lets a read see cheaply that none is inactive
    original_repository_id  BIGINT NOT NULL,
    PRIMARY KEY (repository_id, sha),
    FOREIGN KEY (repository_id, sha) REFERENCES commit_facts (repository_id, sha) ON DELETE CASCADE
) WITHOUT ROWID;

-- author_email and local_day repeat the fact's, so per-language aggregates read this table alone
CREATE TABLE commit_languages (
    repository_id  BIGINT  NOT NULL,
    sha            TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    files          INTEGER NOT NULL,
    PRIMARY KEY (repository_id, sha, language),
    FOREIGN KEY (repository_id, sha) REFERENCES commit_facts (repository_id, sha) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE commit_exclusions (
    repository_id  BIGINT  NOT NULL,
    sha            TEXT    NOT NULL,
    bucket         TEXT    NOT NULL,
    author_email   TEXT    NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    files          INTEGER NOT NULL,
    PRIMARY KEY (repository_id, sha, bucket),
    FOREIGN KEY (repository_id, sha) REFERENCES commit_facts (repository_id, sha) ON DELETE CASCADE,
    CHECK (bucket IN ('vendored', 'generated', 'moved', 'bulk', 'binary'))
) WITHOUT ROWID;

-- position keeps the detector's order and makes a key without a nullable ecosystem in it
CREATE TABLE commit_detections (
    repository_id  BIGINT  NOT NULL,
    sha            TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    ecosystem      TEXT,
    name           TEXT    NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    PRIMARY KEY (repository_id, sha, position),
    FOREIGN KEY (repository_id, sha) REFERENCES commit_facts (repository_id, sha) ON DELETE CASCADE
) WITHOUT ROWID;

-- the only file paths kept: files in the bulk bucket, shown to their owner for review. included is the owner's
-- decision and survives rewrites of the commit's facts.
CREATE TABLE outlier_files (
    repository_id  BIGINT  NOT NULL,
    sha            TEXT    NOT NULL,
    path           TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    included       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (repository_id, sha, path),
    FOREIGN KEY (repository_id, sha) REFERENCES commit_facts (repository_id, sha) ON DELETE CASCADE
) WITHOUT ROWID;

-- Rollups: what the CV aggregates read, so that they scan days rather than commits. Per repository and author, over
-- the facts that are not in commit_copies. Maintained in the transaction that writes or deletes facts, by subtracting
-- the affected commits' old contributions and adding their new ones.
-- No foreign key to repositories: checking it costs a trigger call per upserted row on PostgreSQL, a third of the
-- rollup cost. Rows left by a deleted repository are never read (ids are not reused); a cleanup may drop them.
CREATE TABLE rollup_days (
    repository_id  BIGINT  NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    commits        BIGINT  NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, author_email, local_day)
) WITHOUT ROWID;

CREATE TABLE rollup_types (
    repository_id  BIGINT  NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    commits        BIGINT  NOT NULL,
    breaking       BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, author_email, local_day, type)
) WITHOUT ROWID;

CREATE TABLE rollup_hours (
    repository_id  BIGINT   NOT NULL,
    author_email   TEXT     NOT NULL,
    local_weekday  SMALLINT NOT NULL,
    local_hour     SMALLINT NOT NULL,
    commits        BIGINT   NOT NULL,
    PRIMARY KEY (repository_id, author_email, local_weekday, local_hour)
) WITHOUT ROWID;

CREATE TABLE rollup_languages (
    repository_id  BIGINT  NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    language       TEXT    NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    files          BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, author_email, local_day, language)
) WITHOUT ROWID;

CREATE TABLE rollup_exclusions (
    repository_id  BIGINT  NOT NULL,
    author_email   TEXT    NOT NULL,
    bucket         TEXT    NOT NULL,
    additions      BIGINT  NOT NULL,
    deletions      BIGINT  NOT NULL,
    files          BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, author_email, bucket)
) WITHOUT ROWID;

-- ecosystem is '' for tools, so that it can be part of the key
CREATE TABLE rollup_detections (
    repository_id  BIGINT  NOT NULL,
    author_email   TEXT    NOT NULL,
    local_day      INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    ecosystem      TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    detections     BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, author_email, local_day, kind, ecosystem, name)
) WITHOUT ROWID;

-- The commits of the batch being written, so rollup maintenance can be set-based; emptied before the transaction ends.
CREATE TABLE pending_commits (
    repository_id  BIGINT NOT NULL,
    sha            TEXT   NOT NULL,
    PRIMARY KEY (repository_id, sha)
) WITHOUT ROWID;
