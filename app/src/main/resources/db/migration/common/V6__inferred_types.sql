-- Commit types inferred from the wording of messages that declare none (counting rules version 3): whether a fact's
-- type was inferred, and how many of a rollup row's commits have an inferred type, so that a CV can show which types
-- were declared and which inferred. Facts stored before are mined again by the next collection (the rules changed).
ALTER TABLE commit_facts ADD COLUMN type_inferred BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE rollup_types ADD COLUMN inferred BIGINT NOT NULL DEFAULT 0;
