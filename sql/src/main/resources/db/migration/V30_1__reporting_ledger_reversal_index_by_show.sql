-- Reporting finds a show's reversals with show_id = ? AND reverses_id > 0. H2 only picks an index for that when it
-- covers both columns (with reverses_id alone it walks the show_id index over the whole ledger), so the index from
-- V30 is replaced by one on (show_id, reverses_id), which serves PostgreSQL as well.
DROP INDEX cost_ledger_reverses_idx;
CREATE INDEX cost_ledger_show_reverses_idx ON cost_ledger (show_id, reverses_id);
