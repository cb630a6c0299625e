-- The counting rules (MiningRules.VERSION) a repository's stored facts were mined with; NULL = before versions were
-- recorded. Facts mined under other rules are mined again by the next collection.
ALTER TABLE repositories ADD COLUMN rules_version INTEGER;
