-- Applies other than the address book (Genesys data actions, …) record what they did per item
-- as JSON, next to their plan.
ALTER TABLE apply_runs ADD COLUMN progress TEXT;
