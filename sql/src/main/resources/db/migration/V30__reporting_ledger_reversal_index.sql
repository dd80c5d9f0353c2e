-- Reporting lists every correction next to the row it corrects: reversal rows are found by reverses_id IS NOT NULL
-- and the corrected rows through reverses_id. Without this index both are full scans of the ledger.
CREATE INDEX cost_ledger_reverses_idx ON cost_ledger (reverses_id);
