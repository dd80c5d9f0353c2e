package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.generation.model.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Turns a plan's in-house AI shots ({@code plan_item.mode = 'AI'}) into generation jobs: one per shot, or one per
 * range of {@link QueueSettings#framesPerJob()} frames for longer shots. Each job's idempotency key names the plan,
 * shot, capability and frame range, so dispatching the same plan again creates nothing new.
 */
public final class PlanDispatcher {

    private final DSLContext dsl;
    private final QueueSettings settings;
    private final ModelRegistry registry;

    public PlanDispatcher(DSLContext dsl, QueueSettings settings, ModelRegistry registry) {
        this.dsl = dsl;
        this.settings = settings;
        this.registry = registry;
    }

    public DispatchResult dispatch(long planId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var items = tx.select(PLAN_ITEM.ID, PLAN_ITEM.CAPABILITY_CODE, SHOT.ID, SHOT.SHOW_ID, SHOT.CODE,
                            SHOT.FRAME_COUNT, SHOT.STATUS, AI_CAPABILITY.GPU_POOL_ID)
                    .from(PLAN_ITEM)
                    .join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                    .leftJoin(AI_CAPABILITY).on(AI_CAPABILITY.SHOW_ID.eq(SHOT.SHOW_ID)
                            .and(AI_CAPABILITY.CODE.eq(PLAN_ITEM.CAPABILITY_CODE)))
                    .where(PLAN_ITEM.PLAN_ID.eq(planId)).and(PLAN_ITEM.MODE.eq("AI"))
                    .orderBy(SHOT.CODE)
                    .fetch();
            int created = 0;
            int existing = 0;
            int shots = 0;
            List<String> skipped = new ArrayList<>();
            for (var item : items) {
                String shot = item.get(SHOT.CODE);
                String capability = item.get(PLAN_ITEM.CAPABILITY_CODE);
                if (capability == null) {
                    skipped.add(shot + ": the plan item names no AI capability");
                    continue;
                }
                if (registry.find(capability).isEmpty()) {
                    skipped.add(shot + ": no model is registered for capability " + capability);
                    continue;
                }
                if ("OMITTED".equals(item.get(SHOT.STATUS))) {
                    skipped.add(shot + ": omitted");
                    continue;
                }
                shots++;
                int frames = item.get(SHOT.FRAME_COUNT);
                for (int from = 1; from <= frames; from += settings.framesPerJob()) {
                    int to = Math.min(frames, from + settings.framesPerJob() - 1);
                    String key = "gen:plan-%d:shot-%d:%s:%d-%d".formatted(planId, item.get(SHOT.ID), capability, from, to);
                    int inserted = tx.insertInto(GENERATION_JOB)
                            .set(GENERATION_JOB.SHOW_ID, item.get(SHOT.SHOW_ID))
                            .set(GENERATION_JOB.SHOT_ID, item.get(SHOT.ID))
                            .set(GENERATION_JOB.PLAN_ITEM_ID, item.get(PLAN_ITEM.ID))
                            .set(GENERATION_JOB.CAPABILITY_CODE, capability)
                            .set(GENERATION_JOB.GPU_POOL_ID, item.get(AI_CAPABILITY.GPU_POOL_ID))
                            .set(GENERATION_JOB.FRAME_FROM, from)
                            .set(GENERATION_JOB.FRAME_TO, to)
                            .set(GENERATION_JOB.MAX_ATTEMPTS, settings.maxAttempts())
                            .set(GENERATION_JOB.IDEMPOTENCY_KEY, key)
                            .onConflict(GENERATION_JOB.IDEMPOTENCY_KEY).doNothing()
                            .execute();
                    if (inserted == 1) {
                        created++;
                    } else {
                        existing++;
                    }
                }
            }
            return new DispatchResult(planId, shots, created, existing, List.copyOf(skipped));
        });
    }
}
