package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** A show with one GPU pool priced on a rate card, an up-res capability and a plan whose shots all go to AI. */
public record QueueFixtures(long showId, long poolId, long planId, List<Long> shotIds, BigDecimal hourlyRate) {

    public static final BigDecimal RATE = new BigDecimal("3.6000"); // per GPU-hour: 0.001 per device second

    public static QueueFixtures create(DSLContext dsl, String showCode, int shots, int framesPerShot, int episodes) {
        return create(dsl, showCode, shots, framesPerShot, episodes, "upres-x2");
    }

    public static QueueFixtures create(DSLContext dsl, String showCode, int shots, int framesPerShot, int episodes,
                                       String capability) {
        LocalDate start = LocalDate.of(2026, 1, 5);
        long show = dsl.insertInto(SHOW).set(SHOW.CODE, showCode).set(SHOW.NAME, "Test show " + showCode)
                .set(SHOW.CURRENCY, "EUR").set(SHOW.START_DATE, start).returningResult(SHOW.ID).fetchSingle().value1();
        List<Long> episodeIds = new ArrayList<>();
        for (int e = 1; e <= episodes; e++) {
            episodeIds.add(dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, show).set(EPISODE.CODE, "E%02d".formatted(e))
                    .set(EPISODE.DELIVERY_DATE, start.plusMonths(3)).set(EPISODE.BUDGET, new BigDecimal("100000"))
                    .returningResult(EPISODE.ID).fetchSingle().value1());
        }
        long pool = dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, show).set(GPU_POOL.CODE, "cpu-farm")
                .set(GPU_POOL.GPU_TYPE, "CPU").set(GPU_POOL.GPU_COUNT, 4).set(GPU_POOL.HOURS_PER_DAY, new BigDecimal("24"))
                .returningResult(GPU_POOL.ID).fetchSingle().value1();
        long card = dsl.insertInto(RATE_CARD).set(RATE_CARD.SHOW_ID, show).set(RATE_CARD.NAME, "2026")
                .set(RATE_CARD.CURRENCY, "EUR")
                // a show's rate card takes effect on its start date, which is often after the first AI renders
                .set(RATE_CARD.EFFECTIVE_FROM, LocalDate.now().plusYears(1))
                .returningResult(RATE_CARD.ID).fetchSingle().value1();
        dsl.insertInto(RATE_CARD_GPU_POOL).set(RATE_CARD_GPU_POOL.RATE_CARD_ID, card)
                .set(RATE_CARD_GPU_POOL.GPU_POOL_ID, pool).set(RATE_CARD_GPU_POOL.HOURLY_RATE, RATE).execute();
        dsl.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, show).set(AI_CAPABILITY.CODE, capability)
                .set(AI_CAPABILITY.WORK_TYPE, "upres").set(AI_CAPABILITY.GPU_POOL_ID, pool)
                .set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, new BigDecimal("0.5"))
                .set(AI_CAPABILITY.REFERENCE_WIDTH, 1920).set(AI_CAPABILITY.REFERENCE_HEIGHT, 1080).execute();
        long plan = dsl.insertInto(PLAN).set(PLAN.SHOW_ID, show).set(PLAN.VERSION, 1).set(PLAN.FEASIBLE, true)
                .returningResult(PLAN.ID).fetchSingle().value1();
        List<Long> shotIds = new ArrayList<>();
        for (int s = 1; s <= shots; s++) {
            long shot = dsl.insertInto(SHOT).set(SHOT.SHOW_ID, show)
                    .set(SHOT.EPISODE_ID, episodeIds.get((s - 1) % episodes))
                    .set(SHOT.CODE, "SH%04d".formatted(s)).set(SHOT.FRAME_COUNT, framesPerShot)
                    .set(SHOT.WIDTH, 1920).set(SHOT.HEIGHT, 1080).set(SHOT.WORK_TYPE, "upres")
                    .set(SHOT.COMPLEXITY, (short) 2).returningResult(SHOT.ID).fetchSingle().value1();
            shotIds.add(shot);
            dsl.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.SHOT_ID, shot)
                    .set(PLAN_ITEM.MODE, "AI").set(PLAN_ITEM.CAPABILITY_CODE, capability)
                    .set(PLAN_ITEM.START_DATE, start).set(PLAN_ITEM.END_DATE, start.plusDays(2))
                    .set(PLAN_ITEM.PLANNED_COST, new BigDecimal("100")).set(PLAN_ITEM.TRADITIONAL_COST, new BigDecimal("900"))
                    .set(PLAN_ITEM.TRADITIONAL_DAYS, 5).execute();
        }
        return new QueueFixtures(show, pool, plan, List.copyOf(shotIds), RATE);
    }
}
