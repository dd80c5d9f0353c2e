-- The cost ledger summed per show, week (the Monday it starts on) and everything the reports break costs down by, so a
-- report reads one row per line and week instead of every ledger row. LedgerRepository adds each appended row to its
-- line in the same transaction as the append; the INSERT below sums the rows already there, once.
--
-- booked_source is the source of the booking a row belongs to: its own source, or for a reversal the source of the
-- row it reverses (reports put a reversal in the cost line of what it corrects).
-- The line's columns are NOT NULL so that a line is one key for ON CONFLICT / MERGE on both databases: 0 stands for
-- no shot, discipline or GPU pool (ids start at 1), '' for no device or model.
CREATE TABLE cost_ledger_rollup (
    show_id       BIGINT         NOT NULL REFERENCES show (id) ON DELETE CASCADE,
    week_start    DATE           NOT NULL,
    shot_id       BIGINT         NOT NULL,
    discipline_id BIGINT         NOT NULL,
    gpu_pool_id   BIGINT         NOT NULL,
    source        VARCHAR(16)    NOT NULL,
    booked_source VARCHAR(16)    NOT NULL,
    currency      CHAR(3)        NOT NULL,
    device        VARCHAR(100)   NOT NULL,
    model         VARCHAR(200)   NOT NULL,
    amount        NUMERIC(24, 4) NOT NULL,
    gpu_seconds   NUMERIC(22, 4) NOT NULL,
    artist_days   NUMERIC(20, 4) NOT NULL,
    row_count     BIGINT         NOT NULL,
    CONSTRAINT cost_ledger_rollup_pk PRIMARY KEY (show_id, week_start, shot_id, discipline_id, gpu_pool_id, source,
        booked_source, currency, device, model)
);

-- A report takes whole weeks from the rollup and the days of the as-of week from the ledger, by this range.
CREATE INDEX cost_ledger_show_occurred_idx ON cost_ledger (show_id, occurred_on);

INSERT INTO cost_ledger_rollup (show_id, week_start, shot_id, discipline_id, gpu_pool_id, source, booked_source,
                                currency, device, model, amount, gpu_seconds, artist_days, row_count)
SELECT l.show_id, l.occurred_on - CAST(EXTRACT(ISODOW FROM l.occurred_on) - 1 AS INTEGER),
       COALESCE(l.shot_id, 0), COALESCE(l.discipline_id, 0), COALESCE(l.gpu_pool_id, 0), l.source,
       COALESCE(o.source, l.source), l.currency, COALESCE(l.device, ''), COALESCE(l.model, ''),
       SUM(l.amount), SUM(l.gpu_seconds), SUM(l.artist_days), COUNT(*)
FROM cost_ledger l
LEFT JOIN cost_ledger o ON o.id = l.reverses_id
GROUP BY l.show_id, l.occurred_on - CAST(EXTRACT(ISODOW FROM l.occurred_on) - 1 AS INTEGER),
         COALESCE(l.shot_id, 0), COALESCE(l.discipline_id, 0), COALESCE(l.gpu_pool_id, 0), l.source,
         COALESCE(o.source, l.source), l.currency, COALESCE(l.device, ''), COALESCE(l.model, '');
