-- The part of a generation job's device seconds already on the cost ledger. Every bill of a job (completion, final
-- failure, cancel, a frame that finished after a cancel) appends device_seconds - billed_seconds and moves this up in
-- the same transaction, so each device second is billed once, however often a job is cancelled and resumed.
ALTER TABLE generation_job ADD COLUMN billed_seconds NUMERIC(14, 4) NOT NULL DEFAULT 0;

-- jobs billed before this column: what their ledger row has
UPDATE generation_job SET billed_seconds = (
    SELECT COALESCE(SUM(l.gpu_seconds), 0) FROM cost_ledger l WHERE l.idempotency_key = generation_job.idempotency_key);
