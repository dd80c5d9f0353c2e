-- The same sums as cost_ledger_rollup (V31), per period of four weeks instead of per week: a report takes the periods
-- before the as-of date from here, the rest of the weeks from cost_ledger_rollup and the as-of week's days from the
-- ledger, so what it reads grows with a show's length four times slower. Periods are counted from Monday 1900-01-01,
-- like the reports' weeks: period_start is that day plus a multiple of 28 days. LedgerRepository adds each appended row
-- here too, in the same transaction; the INSERT below sums the weekly rows already there, once.
CREATE TABLE cost_ledger_rollup_period (
    show_id       BIGINT         NOT NULL REFERENCES show (id) ON DELETE CASCADE,
    period_start  DATE           NOT NULL,
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
    CONSTRAINT cost_ledger_rollup_period_pk PRIMARY KEY (show_id, period_start, shot_id, discipline_id, gpu_pool_id,
        source, booked_source, currency, device, model)
);

-- 1970-01-01 is day 25,567 after 1900-01-01
INSERT INTO cost_ledger_rollup_period (show_id, period_start, shot_id, discipline_id, gpu_pool_id, source,
                                       booked_source, currency, device, model, amount, gpu_seconds, artist_days,
                                       row_count)
SELECT w.show_id, w.week_start - CAST(MOD(CAST(EXTRACT(EPOCH FROM w.week_start) AS BIGINT) / 86400 + 25567, 28) AS INTEGER),
       w.shot_id, w.discipline_id, w.gpu_pool_id, w.source, w.booked_source, w.currency, w.device, w.model,
       SUM(w.amount), SUM(w.gpu_seconds), SUM(w.artist_days), SUM(w.row_count)
FROM cost_ledger_rollup w
GROUP BY w.show_id, w.week_start - CAST(MOD(CAST(EXTRACT(EPOCH FROM w.week_start) AS BIGINT) / 86400 + 25567, 28) AS INTEGER),
         w.shot_id, w.discipline_id, w.gpu_pool_id, w.source, w.booked_source, w.currency, w.device, w.model;
