-- What a complete collection saw (branch tips, identities, rules version), so that a run with nothing new can stop
-- after reading the branch tips instead of walking the history again.
ALTER TABLE repositories ADD COLUMN collected_fingerprint TEXT;
