package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import io.shotplan.sql.money.RateCardsInForce;
import io.shotplan.sql.schema.tables.records.GenerationJobRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The job queue in the {@code generation_job} table, and the ledger rows it appends.
 *
 * <p>Protocol: a worker claims the oldest due job with {@code SELECT … FOR UPDATE SKIP LOCKED} (so concurrent workers
 * on any number of machines never take the same row) and holds it under a lease it renews with heartbeats; each beat
 * also records the frames finished since the last one ({@link FramesDone}), so a frame costs no round trip. Every later
 * write is conditional on still holding the lease ({@code lease_owner = me AND state = 'RUNNING'}); a worker that was
 * paused, cancelled or presumed dead gets "false" back and drops the job. A job whose lease expired is claimable again.
 * Completion flips the job to SUCCEEDED and appends its ledger row, keyed by the job's idempotency key, in the
 * same transaction.
 *
 * <p>Billing: every device second a job spends is billed exactly once. {@code billed_seconds} is what the ledger
 * already has of the job's {@code device_seconds}; each bill appends the difference (completion, a final failure, a
 * cancel) and moves {@code billed_seconds} up in the same transaction. A frame that finishes after its job was paused,
 * cancelled or taken over still adds its seconds to the job, and is billed at once when the job has already ended.
 * A worker killed outright loses what it finished since its last beat: those frames are rendered again by the worker
 * that takes the job over, and their first device time, recorded nowhere, is not billed (at most one heartbeat's).
 */
public final class JobRepository {

    private static final int ERROR_LENGTH = 4000;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** The {@code gpu_type} of a pool of CPU hosts: the only pool whose rate applies to CPU time. */
    public static final String CPU_POOL_TYPE = "CPU";

    private final DSLContext dsl;
    private final Clock clock;

    public JobRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Claims the next due job for {@code owner}, whatever its capability or pool (tests and tools). */
    public Optional<GenerationJob> claim(String owner, Duration lease) {
        return claim(owner, lease, null);
    }

    /**
     * Claims the next due job {@code profile} can run (its capabilities, its GPU pools) for {@code owner}, or nothing
     * when none is due.
     */
    public Optional<GenerationJob> claim(String owner, Duration lease, WorkerProfile profile) {
        Condition runnable = profile == null ? DSL.noCondition() : runnableBy(profile);
        while (true) {
            ClaimOutcome outcome = dsl.transactionResult(cfg -> claimOnce(cfg.dsl(), owner, lease, runnable));
            switch (outcome) {
                case ClaimOutcome.None none -> {
                    return Optional.empty();
                }
                case ClaimOutcome.Claimed claimed -> {
                    return Optional.of(claimed.job());
                }
                case ClaimOutcome.GaveUp gaveUp -> {
                    // an abandoned job out of attempts was failed; look for another
                }
            }
        }
    }

    private sealed interface ClaimOutcome {
        record None() implements ClaimOutcome {
        }

        record Claimed(GenerationJob job) implements ClaimOutcome {
        }

        record GaveUp() implements ClaimOutcome {
        }
    }

    /** Jobs of the profile's capabilities and, when it names pools, of those pools or of none. */
    private static Condition runnableBy(WorkerProfile profile) {
        var j = GENERATION_JOB;
        Condition capability = j.CAPABILITY_CODE.in(profile.capabilities());
        if (profile.gpuPools().isEmpty()) {
            return capability;
        }
        return capability.and(j.GPU_POOL_ID.isNull()
                .or(j.GPU_POOL_ID.in(select(GPU_POOL.ID).from(GPU_POOL).where(GPU_POOL.CODE.in(profile.gpuPools())))));
    }

    private ClaimOutcome claimOnce(DSLContext tx, String owner, Duration lease, Condition runnable) {
        OffsetDateTime now = now();
        var j = GENERATION_JOB;
        GenerationJobRecord row = tx.selectFrom(j)
                .where(j.STATE.eq(JobState.QUEUED.name()).and(j.NEXT_ATTEMPT_AT.le(now))
                        .or(j.STATE.eq(JobState.RUNNING.name()).and(j.LEASE_EXPIRES_AT.lt(now))))
                .and(runnable)
                .orderBy(j.NEXT_ATTEMPT_AT, j.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOne();
        if (row == null) {
            return new ClaimOutcome.None();
        }
        if (row.getState().equals(JobState.RUNNING.name()) && row.getAttempts() >= row.getMaxAttempts()) {
            failInTransaction(tx, row, "worker %s lost its lease (died or hung) on attempt %d of %d"
                    .formatted(row.getLeaseOwner(), row.getAttempts(), row.getMaxAttempts()), now);
            bill(tx, row, row.getCapabilityCode(), now.toLocalDate(), false);
            return new ClaimOutcome.GaveUp();
        }
        tx.update(j)
                .set(j.STATE, JobState.RUNNING.name())
                .set(j.LEASE_OWNER, owner)
                .set(j.LEASE_EXPIRES_AT, now.plus(lease))
                .set(j.HEARTBEAT_AT, now)
                .set(j.ATTEMPTS, j.ATTEMPTS.plus(1))
                .set(j.STARTED_AT, coalesce(j.STARTED_AT, now))
                .where(j.ID.eq(row.getId()))
                .execute();
        tx.update(SHOT).set(SHOT.STATUS, "IN_PROGRESS")
                .where(SHOT.ID.eq(row.getShotId())).and(SHOT.STATUS.eq("NOT_STARTED"))
                .execute();
        Record codes = tx.select(SHOW.CODE, SHOT.CODE).from(SHOT).join(SHOW).on(SHOW.ID.eq(SHOT.SHOW_ID))
                .where(SHOT.ID.eq(row.getShotId())).fetchSingle();
        return new ClaimOutcome.Claimed(new GenerationJob(row.getId(), row.getShowId(), codes.get(SHOW.CODE),
                row.getShotId(), codes.get(SHOT.CODE), row.getCapabilityCode(), row.getGpuPoolId(), row.getFrameFrom(),
                row.getFrameTo(), row.getAttempts() + 1, row.getMaxAttempts(), row.getFramesDone(),
                row.getDeviceSeconds() == null ? BigDecimal.ZERO : row.getDeviceSeconds(), row.getIdempotencyKey()));
    }

    /**
     * Renews the lease and records the frames finished since the last beat; false when the job is no longer this
     * worker's (paused, cancelled, or taken over). Their device time is recorded either way (see
     * {@link #recordLateFrame}); their frames count as done only while the job is still this worker's.
     */
    public boolean heartbeat(long jobId, String owner, FramesDone done, Duration lease) {
        OffsetDateTime now = now();
        var j = GENERATION_JOB;
        boolean mine = dsl.update(j)
                .set(j.FRAMES_DONE, j.FRAMES_DONE.plus(done.frames()))
                .set(j.DEVICE_SECONDS, coalesce(j.DEVICE_SECONDS, BigDecimal.ZERO).plus(seconds(done.deviceSeconds())))
                .set(j.DEVICE, done.device() == null ? j.DEVICE : val(done.device()))
                .set(j.HEARTBEAT_AT, now)
                .set(j.LEASE_EXPIRES_AT, now.plus(lease))
                .where(j.ID.eq(jobId)).and(j.LEASE_OWNER.eq(owner)).and(j.STATE.eq(JobState.RUNNING.name()))
                .execute() == 1;
        if (!mine && !done.isEmpty()) {
            recordLateFrame(jobId, done.deviceSeconds(), done.device(), null);
        }
        return mine;
    }

    /**
     * A frame that finished after its job stopped being this worker's (paused, cancelled, taken over): the device
     * time was spent all the same. It is added to the job's device seconds (the frame itself is not counted as done:
     * a resumed job renders it again), and billed at once when the job has already ended and been billed; otherwise
     * the job's own completion, failure or cancel bills it.
     */
    private void recordLateFrame(long jobId, double deviceSeconds, String device, String model) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            var j = GENERATION_JOB;
            GenerationJobRecord row = tx.selectFrom(j).where(j.ID.eq(jobId)).forUpdate().fetchOne();
            if (row == null) {
                return;
            }
            BigDecimal spent = row.getDeviceSeconds() == null ? BigDecimal.ZERO : row.getDeviceSeconds();
            row.setDeviceSeconds(spent.add(seconds(deviceSeconds)));
            if (row.getDevice() == null) {
                row.setDevice(device);
            }
            tx.update(j).set(j.DEVICE_SECONDS, row.getDeviceSeconds()).set(j.DEVICE, row.getDevice())
                    .where(j.ID.eq(jobId)).execute();
            if (JobState.valueOf(row.getState()).terminal()) {
                bill(tx, row, model == null ? row.getCapabilityCode() : model, now().toLocalDate(), false);
            }
        });
    }

    /**
     * Marks the job SUCCEEDED and appends its ledger row in one transaction, with the frames finished since the last
     * heartbeat.
     *
     * @return the ledger row's id, or empty when the job was no longer this worker's (nothing was written)
     */
    public Optional<Long> complete(long jobId, String owner, String model, FramesDone unrecorded) {
        // null: the job was no longer this worker's
        Optional<Long> billed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var j = GENERATION_JOB;
            OffsetDateTime now = now();
            GenerationJobRecord row = tx.selectFrom(j)
                    .where(j.ID.eq(jobId)).and(j.LEASE_OWNER.eq(owner)).and(j.STATE.eq(JobState.RUNNING.name()))
                    .forUpdate().fetchOne();
            if (row == null) {
                return null;
            }
            if (!unrecorded.isEmpty()) {
                BigDecimal before = row.getDeviceSeconds() == null ? BigDecimal.ZERO : row.getDeviceSeconds();
                row.setDeviceSeconds(before.add(seconds(unrecorded.deviceSeconds())));
                row.setDevice(unrecorded.device());
            }
            // lease_owner stays: it records which worker finished the job
            tx.update(j).set(j.STATE, JobState.SUCCEEDED.name()).set(j.FINISHED_AT, now)
                    .set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                    .set(j.DEVICE_SECONDS, row.getDeviceSeconds()).set(j.DEVICE, row.getDevice())
                    .set(j.FRAMES_DONE, row.getFrameTo() - row.getFrameFrom() + 1).set(j.ERROR, (String) null)
                    .where(j.ID.eq(jobId)).execute();
            markShotDoneIfFinished(tx, row.getShotId());
            return bill(tx, row, model, now.toLocalDate(), true);
        });
        if (billed != null) {
            return billed;
        }
        Optional<Long> earlier = completedBy(jobId, owner);
        if (earlier.isPresent()) {
            return earlier;
        }
        if (!unrecorded.isEmpty()) {
            // paused, cancelled or taken over since the last heartbeat: the device time was spent all the same
            recordLateFrame(jobId, unrecorded.deviceSeconds(), unrecorded.device(), model);
        }
        return Optional.empty();
    }

    /**
     * The ledger row of a job this owner already completed: a completion retried because its answer was lost (the
     * connection broke after the commit) finds its own first one and bills nothing more.
     */
    private Optional<Long> completedBy(long jobId, String owner) {
        var j = GENERATION_JOB;
        return dsl.select(COST_LEDGER.ID).from(j).join(COST_LEDGER).on(COST_LEDGER.IDEMPOTENCY_KEY.eq(j.IDEMPOTENCY_KEY))
                .where(j.ID.eq(jobId)).and(j.LEASE_OWNER.eq(owner)).and(j.STATE.eq(JobState.SUCCEEDED.name()))
                .fetchOptional(COST_LEDGER.ID);
    }

    /**
     * Records a failed attempt: the job goes back to QUEUED after a back-off, or — when {@code permanent} or out of
     * attempts — to FAILED with the error, and its shot to REPLAN.
     *
     * @return the state the job is now in; empty when it was no longer this worker's
     */
    public Optional<JobState> fail(long jobId, String owner, String error, boolean permanent, QueueSettings settings,
                                   String model) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var j = GENERATION_JOB;
            OffsetDateTime now = now();
            GenerationJobRecord row = tx.selectFrom(j)
                    .where(j.ID.eq(jobId)).and(j.LEASE_OWNER.eq(owner)).and(j.STATE.eq(JobState.RUNNING.name()))
                    .forUpdate().fetchOne();
            if (row == null) {
                return Optional.<JobState>empty();
            }
            if (permanent || row.getAttempts() >= row.getMaxAttempts()) {
                String message = permanent ? error
                        : "%s (gave up after %d attempts)".formatted(error, row.getAttempts());
                failInTransaction(tx, row, message, now);
                bill(tx, row, model, now.toLocalDate(), false);
                return Optional.of(JobState.FAILED);
            }
            tx.update(j).set(j.STATE, JobState.QUEUED.name()).set(j.ERROR, truncate(error))
                    .set(j.NEXT_ATTEMPT_AT, now.plus(settings.backoff(row.getAttempts())))
                    .set(j.LEASE_OWNER, (String) null).set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                    .where(j.ID.eq(jobId)).execute();
            return Optional.of(JobState.QUEUED);
        });
    }

    private void failInTransaction(DSLContext tx, GenerationJobRecord row, String error, OffsetDateTime now) {
        var j = GENERATION_JOB;
        tx.update(j).set(j.STATE, JobState.FAILED.name()).set(j.ERROR, truncate(error)).set(j.FINISHED_AT, now)
                .set(j.LEASE_OWNER, (String) null).set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                .where(j.ID.eq(row.getId())).execute();
        tx.update(SHOT).set(SHOT.STATUS, "REPLAN").where(SHOT.ID.eq(row.getShotId())).execute();
    }

    private void markShotDoneIfFinished(DSLContext tx, long shotId) {
        var j = GENERATION_JOB;
        // the shot's row serialises the completions of its jobs, so the last one sees all the others
        tx.select(SHOT.ID).from(SHOT).where(SHOT.ID.eq(shotId)).forUpdate().fetch();
        tx.update(SHOT).set(SHOT.STATUS, "DONE")
                .where(SHOT.ID.eq(shotId)).and(SHOT.STATUS.eq("IN_PROGRESS"))
                .andNotExists(selectOne().from(j).where(j.SHOT_ID.eq(shotId)).and(j.STATE.ne(JobState.SUCCEEDED.name())))
                .execute();
    }

    /**
     * Bills the job's device seconds the ledger does not have yet: one row of (device seconds − billed seconds) × the
     * pool's hourly rate on the show's rate card in force today ({@link RateCardsInForce}, the rule planning prices
     * days by; 0 without a pool or rate), in the card's currency (the ledger converts it to the show's), and {@code billed_seconds} moved up to match. The first bill of a job is keyed by the job's
     * idempotency key, a later one (seconds that came after a cancel) by the key and the seconds billed before it.
     * The rate applies when the device that ran the job is of the pool's kind (see {@link #billedAtPoolRate}).
     * {@code row} was read under the job's row lock, so its totals are final.
     *
     * @param completing a completed job gets its ledger row even at zero seconds (each finished job has one)
     */
    private Optional<Long> bill(DSLContext tx, GenerationJobRecord row, String model, LocalDate today,
                                boolean completing) {
        BigDecimal spent = row.getDeviceSeconds() == null ? BigDecimal.ZERO : row.getDeviceSeconds();
        BigDecimal billed = row.getBilledSeconds();
        BigDecimal deviceSeconds = spent.subtract(billed);
        if (deviceSeconds.signum() < 0 || (deviceSeconds.signum() == 0 && !(completing && billed.signum() == 0))) {
            return Optional.empty();
        }
        String key = billed.signum() == 0 ? row.getIdempotencyKey()
                : row.getIdempotencyKey() + ":after-" + billed.stripTrailingZeros().toPlainString() + "s";
        BigDecimal amount = BigDecimal.ZERO.setScale(4);
        String currency = null;
        if (row.getGpuPoolId() != null) {
            Record rate = RateCardsInForce.cardOn(tx, row.getShowId(), today)
                    .map(card -> tx.select(RATE_CARD_GPU_POOL.HOURLY_RATE, RATE_CARD.CURRENCY, GPU_POOL.GPU_TYPE)
                            .from(RATE_CARD_GPU_POOL).join(RATE_CARD).on(RATE_CARD.ID.eq(RATE_CARD_GPU_POOL.RATE_CARD_ID))
                            .join(GPU_POOL).on(GPU_POOL.ID.eq(RATE_CARD_GPU_POOL.GPU_POOL_ID))
                            .where(RATE_CARD.ID.eq(card), RATE_CARD_GPU_POOL.GPU_POOL_ID.eq(row.getGpuPoolId()))
                            .fetchOne())
                    .orElse(null);
            if (rate != null) {
                currency = rate.get(RATE_CARD.CURRENCY);
                if (billedAtPoolRate(row.getDevice(), rate.get(GPU_POOL.GPU_TYPE))) {
                    amount = deviceSeconds.multiply(rate.get(RATE_CARD_GPU_POOL.HOURLY_RATE))
                            .divide(SECONDS_PER_HOUR, 4, RoundingMode.HALF_EVEN);
                }
            }
        }
        if (currency == null) {
            currency = tx.select(SHOW.CURRENCY).from(SHOW).where(SHOW.ID.eq(row.getShowId())).fetchSingle(SHOW.CURRENCY);
        }
        LedgerEntry entry = new LedgerEntry(row.getShowId(), row.getShotId(), LedgerSource.GENERATION, amount, currency,
                deviceSeconds, BigDecimal.ZERO, null, row.getGpuPoolId(), row.getDevice(), model, today,
                "generation_job:" + row.getId(), null, key);
        tx.update(GENERATION_JOB).set(GENERATION_JOB.BILLED_SECONDS, spent)
                .where(GENERATION_JOB.ID.eq(row.getId())).execute();
        row.setBilledSeconds(spent);
        return new LedgerRepository(tx).append(entry);
    }

    /**
     * Whether a job that ran on {@code device} is charged at its pool's rate: a GPU pool's hourly rate is for GPU time,
     * so a GPU pool's job that ran on a CPU (a host whose CUDA set-up failed, a laptop) is recorded with its device
     * seconds and device {@code cpu} but charged nothing; a CPU pool ({@code gpu_type} CPU) charges CPU time.
     */
    static boolean billedAtPoolRate(String device, String poolGpuType) {
        return WorkerProfile.isGpu(device) || CPU_POOL_TYPE.equalsIgnoreCase(poolGpuType);
    }

    /** Hands a job back untouched (a worker shutting down): QUEUED again, the attempt not counted. */
    public boolean release(long jobId, String owner) {
        var j = GENERATION_JOB;
        return dsl.update(j).set(j.STATE, JobState.QUEUED.name()).set(j.NEXT_ATTEMPT_AT, now())
                .set(j.ATTEMPTS, greatest(j.ATTEMPTS.minus(1), inline(0)))
                .set(j.LEASE_OWNER, (String) null).set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                .where(j.ID.eq(jobId)).and(j.LEASE_OWNER.eq(owner)).and(j.STATE.eq(JobState.RUNNING.name()))
                .execute() == 1;
    }

    /** QUEUED and RUNNING jobs of the show → PAUSED; running workers drop them at their next heartbeat. */
    public int pauseShow(long showId) {
        var j = GENERATION_JOB;
        return dsl.update(j).set(j.STATE, JobState.PAUSED.name())
                // a running attempt interrupted by a pause does not count against the job
                .set(j.ATTEMPTS, when(j.STATE.eq(JobState.RUNNING.name()), greatest(j.ATTEMPTS.minus(1), inline(0)))
                        .otherwise(j.ATTEMPTS))
                .set(j.LEASE_OWNER, (String) null).set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                .where(j.SHOW_ID.eq(showId)).and(j.STATE.in(JobState.QUEUED.name(), JobState.RUNNING.name()))
                .execute();
    }

    public int resumeShow(long showId) {
        var j = GENERATION_JOB;
        return dsl.update(j).set(j.STATE, JobState.QUEUED.name()).set(j.NEXT_ATTEMPT_AT, now())
                .where(j.SHOW_ID.eq(showId)).and(j.STATE.eq(JobState.PAUSED.name()))
                .execute();
    }

    /**
     * Every unfinished job of the show → CANCELLED, in one transaction that also bills the device seconds each has
     * spent and the ledger does not have yet (finished frames stay on disk). A frame still running on a worker is
     * billed when it finishes (see {@link #recordFrame}).
     */
    public int cancelShow(long showId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var j = GENERATION_JOB;
            OffsetDateTime now = now();
            var cancelled = tx.selectFrom(j).where(j.SHOW_ID.eq(showId))
                    .and(j.STATE.in(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.PAUSED.name()))
                    .orderBy(j.ID).forUpdate().fetch();
            for (GenerationJobRecord row : cancelled) {
                tx.update(j).set(j.STATE, JobState.CANCELLED.name()).set(j.FINISHED_AT, now)
                        .set(j.LEASE_OWNER, (String) null).set(j.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                        .where(j.ID.eq(row.getId())).execute();
                bill(tx, row, row.getCapabilityCode(), now.toLocalDate(), false);
            }
            return cancelled.size();
        });
    }

    /** Frames done / total and job states per shot of the show. */
    public List<ShotProgress> progress(long showId) {
        var j = GENERATION_JOB;
        Field<Integer> total = sum(j.FRAME_TO.minus(j.FRAME_FROM).plus(1)).cast(Integer.class);
        Field<Integer> done = sum(j.FRAMES_DONE).cast(Integer.class);
        return dsl.select(SHOT.ID, SHOT.CODE, SHOT.STATUS, done, total,
                        count(), stateCount(JobState.QUEUED), stateCount(JobState.RUNNING),
                        stateCount(JobState.SUCCEEDED), stateCount(JobState.FAILED), stateCount(JobState.PAUSED),
                        stateCount(JobState.CANCELLED))
                .from(j).join(SHOT).on(SHOT.ID.eq(j.SHOT_ID))
                .where(j.SHOW_ID.eq(showId))
                .groupBy(SHOT.ID, SHOT.CODE, SHOT.STATUS)
                .orderBy(SHOT.CODE)
                .fetch(r -> {
                    Map<JobState, Integer> states = new EnumMap<>(JobState.class);
                    int i = 6;
                    for (JobState s : JobState.values()) {
                        states.put(s, r.get(i++, Integer.class));
                    }
                    return new ShotProgress(r.get(SHOT.ID), r.get(SHOT.CODE), r.get(SHOT.STATUS), r.get(done),
                            r.get(total), r.get(5, Integer.class), states);
                });
    }

    private static Field<Integer> stateCount(JobState state) {
        return count().filterWhere(GENERATION_JOB.STATE.eq(state.name()));
    }

    /** Jobs per state over all shows (for metrics). */
    public Map<JobState, Integer> countByState() {
        var j = GENERATION_JOB;
        Map<JobState, Integer> out = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            out.put(s, 0);
        }
        dsl.select(j.STATE, count()).from(j).groupBy(j.STATE)
                .forEach(r -> out.put(JobState.valueOf(r.value1()), r.value2()));
        return out;
    }

    /** Measured device time and generation cost per episode of a show, from the ledger. */
    public List<EpisodeCost> costByEpisode(long showId) {
        var l = COST_LEDGER;
        return dsl.select(EPISODE.CODE, l.CURRENCY, sum(l.GPU_SECONDS), sum(l.AMOUNT), count())
                .from(l).join(SHOT).on(SHOT.ID.eq(l.SHOT_ID)).join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(l.SHOW_ID.eq(showId)).and(l.SOURCE.eq(LedgerSource.GENERATION.name()))
                .groupBy(EPISODE.CODE, l.CURRENCY)
                .orderBy(EPISODE.CODE)
                .fetch(r -> new EpisodeCost(r.value1(), r.value3(), r.value4(), r.value2(), r.value5()));
    }

    private static BigDecimal seconds(double s) {
        return BigDecimal.valueOf(s).setScale(4, RoundingMode.HALF_UP);
    }

    private static String truncate(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() <= ERROR_LENGTH ? e : e.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
