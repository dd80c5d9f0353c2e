-- Reports join the ledger's rollups to shots. H2 runs those joins as one lookup of the rollup per shot, which without
-- an index on the shot is a scan of the rollup per shot; the ledger has the same index (cost_ledger_show_shot_idx).
CREATE INDEX cost_ledger_rollup_show_shot_idx ON cost_ledger_rollup (show_id, shot_id);
CREATE INDEX cost_ledger_rollup_period_show_shot_idx ON cost_ledger_rollup_period (show_id, shot_id);
