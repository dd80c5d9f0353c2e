package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.sql.schema.tables.records.GenerationJobRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Turns a plan's in-house AI shots ({@code plan_item.mode = 'AI'}) into generation jobs: one per shot, or one per
 * range of {@link QueueSettings#framesPerJob()} frames for longer shots.
 *
 * <p>Idempotent per shot, capability and frame range across plans, whatever plan dispatched them before: a range that
 * already has a job is not rendered (nor billed) again. Its job stays as it is when it is queued, running, paused or
 * done; a cancelled or failed one is queued again and resumes after the frames it finished (their device time is
 * already on the ledger). Only an explicit re-render of a shot creates new jobs for ranges that were rendered: their
 * keys name the re-render ({@code :redo-N}), so they are billed as new ledger lines.
 */
public final class PlanDispatcher {

    /** An in-house AI shot of a plan, as plates and jobs need it. */
    public record AiShot(long planItemId, long shotId, long showId, String code, int frameCount, int width, int height,
                         String status, String capability, Long gpuPoolId) {
    }

    private record Range(long shotId, String capability, int from, int to) {
    }

    private final QueueSettings settings;
    private final ModelRegistry registry;

    public PlanDispatcher(QueueSettings settings, ModelRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /** The plan's in-house AI shots, by code. */
    public List<AiShot> aiShots(DSLContext dsl, long planId) {
        return dsl.select(PLAN_ITEM.ID, SHOT.ID, SHOT.SHOW_ID, SHOT.CODE, SHOT.FRAME_COUNT, SHOT.WIDTH, SHOT.HEIGHT,
                        SHOT.STATUS, PLAN_ITEM.CAPABILITY_CODE, AI_CAPABILITY.GPU_POOL_ID)
                .from(PLAN_ITEM)
                .join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .leftJoin(AI_CAPABILITY).on(AI_CAPABILITY.SHOW_ID.eq(SHOT.SHOW_ID)
                        .and(AI_CAPABILITY.CODE.eq(PLAN_ITEM.CAPABILITY_CODE)))
                .where(PLAN_ITEM.PLAN_ID.eq(planId)).and(PLAN_ITEM.MODE.eq("AI"))
                .orderBy(SHOT.CODE)
                .fetch(r -> new AiShot(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** Why a shot is not dispatched, or null when it is. */
    public String whyNot(AiShot shot) {
        if (shot.capability() == null) {
            return shot.code() + ": the plan item names no AI capability";
        }
        if (registry.find(shot.capability()).isEmpty()) {
            return shot.code() + ": no model is registered for capability " + shot.capability();
        }
        if ("OMITTED".equals(shot.status())) {
            return shot.code() + ": omitted";
        }
        return null;
    }

    /**
     * Creates, inside the caller's transaction, the jobs the plan's AI shots lack.
     *
     * @param rerender codes of shots to render again even where their ranges were rendered (an explicit request)
     */
    public DispatchResult dispatch(DSLContext tx, long planId, Collection<AiShot> shots, Set<String> rerender,
                                   OffsetDateTime now) {
        Map<Range, List<GenerationJobRecord>> earlier = earlierJobs(tx, shots);
        int dispatched = 0;
        int created = 0;
        int existing = 0;
        int resumed = 0;
        int rerendered = 0;
        List<String> skipped = new ArrayList<>();
        for (AiShot shot : shots) {
            String why = whyNot(shot);
            if (why != null) {
                skipped.add(why);
                continue;
            }
            dispatched++;
            boolean again = rerender.contains(shot.code());
            int perJob = settings.framesPerJob();
            // long: at Integer.MAX_VALUE frames an int range start would wrap and the loop would never end
            for (long start = 1; start <= shot.frameCount(); start += perJob) {
                int from = (int) start;
                int to = (int) Math.min(shot.frameCount(), start + perJob - 1);
                Range range = new Range(shot.shotId(), shot.capability(), from, to);
                List<GenerationJobRecord> jobs = earlier.getOrDefault(range, List.of());
                GenerationJobRecord latest = jobs.isEmpty() ? null : jobs.getLast();
                if (latest == null) {
                    created += insert(tx, shot, range, key(range), now);
                } else if (!JobState.valueOf(latest.getState()).terminal()) {
                    existing++; // queued, running or paused: it will render
                } else if (again) {
                    rerendered += insert(tx, shot, range, key(range) + ":redo-" + jobs.size(), now);
                } else if (latest.getState().equals(JobState.SUCCEEDED.name())) {
                    existing++; // rendered and billed: not again
                } else {
                    resumed += requeue(tx, latest, shot, now);
                }
            }
        }
        return new DispatchResult(planId, dispatched, created, existing, resumed, rerendered, List.copyOf(skipped),
                MissingModel.of(shots, registry));
    }

    /** The jobs already there for the shots' ranges, oldest first, from any plan. */
    private static Map<Range, List<GenerationJobRecord>> earlierJobs(DSLContext tx, Collection<AiShot> shots) {
        Map<Range, List<GenerationJobRecord>> byRange = new HashMap<>();
        if (shots.isEmpty()) {
            return byRange;
        }
        var j = GENERATION_JOB;
        // the show's jobs rather than an IN list of its shots: a long show would pass PostgreSQL's bind limit
        tx.selectFrom(j).where(j.SHOW_ID.eq(shots.iterator().next().showId()))
                .orderBy(j.ID)
                .forEach(r -> byRange.computeIfAbsent(new Range(r.getShotId(), r.getCapabilityCode(), r.getFrameFrom(),
                        r.getFrameTo()), k -> new ArrayList<>()).add(r));
        return byRange;
    }

    /** The key of a range's first job; no plan in it, so a later plan's dispatch finds it. */
    private static String key(Range range) {
        return "gen:shot-%d:%s:%d-%d".formatted(range.shotId(), range.capability(), range.from(), range.to());
    }

    private int insert(DSLContext tx, AiShot shot, Range range, String key, OffsetDateTime now) {
        return tx.insertInto(GENERATION_JOB)
                .set(GENERATION_JOB.SHOW_ID, shot.showId())
                .set(GENERATION_JOB.SHOT_ID, shot.shotId())
                .set(GENERATION_JOB.PLAN_ITEM_ID, shot.planItemId())
                .set(GENERATION_JOB.CAPABILITY_CODE, shot.capability())
                .set(GENERATION_JOB.GPU_POOL_ID, shot.gpuPoolId())
                .set(GENERATION_JOB.FRAME_FROM, range.from())
                .set(GENERATION_JOB.FRAME_TO, range.to())
                .set(GENERATION_JOB.MAX_ATTEMPTS, settings.maxAttempts())
                .set(GENERATION_JOB.NEXT_ATTEMPT_AT, now)
                .set(GENERATION_JOB.IDEMPOTENCY_KEY, key)
                // a concurrent dispatch of the same range got there first
                .onConflict(GENERATION_JOB.IDEMPOTENCY_KEY).doNothing()
                .execute();
    }

    /** A cancelled or failed job queued again: it resumes after its finished frames, with fresh attempts. */
    private static int requeue(DSLContext tx, GenerationJobRecord job, AiShot shot, OffsetDateTime now) {
        var j = GENERATION_JOB;
        return tx.update(j).set(j.STATE, JobState.QUEUED.name()).set(j.ATTEMPTS, 0).set(j.ERROR, (String) null)
                .set(j.NEXT_ATTEMPT_AT, now).set(j.FINISHED_AT, (OffsetDateTime) null)
                .set(j.PLAN_ITEM_ID, shot.planItemId())
                .where(j.ID.eq(job.getId())).and(j.STATE.eq(job.getState()))
                .execute();
    }
}
