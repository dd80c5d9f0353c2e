package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.schema.tables.Episode;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Episodes with their schedule counts, and shots per mode of the current plan. */
final class EpisodeQueries {

    /** An episode and its schedule, exact. */
    record EpisodeRow(long id, String code, String title, LocalDate deliveryDate, BigDecimal budget,
                      Optional<LocalDate> baselineFinish, Optional<LocalDate> plannedFinish,
                      long lateShots, long slippedShots) {
    }

    /** Shots of one mode in one episode of the current plan, exact. */
    record ModeRow(long episodeId, String mode, long shots, BigDecimal traditionalCost, BigDecimal plannedGpuHours) {
    }

    private final ReportScope scope;

    EpisodeQueries(ReportScope scope) {
        this.scope = scope;
    }

    List<EpisodeRow> episodes() {
        Episode e = EPISODE.as("e");
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        PlanItem bpi = PLAN_ITEM.as("bpi");
        var late = when(cpi.END_DATE.lt(scope.asOf()).and(s.STATUS.notIn("DONE", "OMITTED")), inline(1))
                .otherwise(inline(0));
        var slipped = when(cpi.END_DATE.gt(bpi.END_DATE), inline(1)).otherwise(inline(0));
        return scope.dsl()
                .select(e.ID, e.CODE, e.TITLE, e.DELIVERY_DATE, e.BUDGET, max(bpi.END_DATE), max(cpi.END_DATE),
                        sum(late), sum(slipped))
                .from(e)
                .leftJoin(s).on(s.EPISODE_ID.eq(e.ID))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)))
                .leftJoin(bpi).on(bpi.PLAN_ID.eq(scope.baselinePlanId()).and(bpi.SHOT_ID.eq(s.ID)))
                .where(e.SHOW_ID.eq(scope.showId()))
                .and(scope.inScope(e.ID))
                .groupBy(e.ID, e.CODE, e.TITLE, e.DELIVERY_DATE, e.BUDGET)
                .orderBy(e.CODE)
                .fetch(r -> new EpisodeRow(r.value1(), r.value2(), r.value3() == null ? "" : r.value3(), r.value4(),
                        r.value5(), Optional.ofNullable(r.value6()), Optional.ofNullable(r.value7()),
                        r.value8() == null ? 0 : r.value8().longValue(),
                        r.value9() == null ? 0 : r.value9().longValue()));
    }

    List<ModeRow> modes() {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        return scope.dsl()
                .select(s.EPISODE_ID, cpi.MODE, count(), sum(cpi.TRADITIONAL_COST), sum(cpi.PLANNED_GPU_HOURS))
                .from(cpi)
                .join(s).on(s.ID.eq(cpi.SHOT_ID))
                .where(cpi.PLAN_ID.eq(scope.currentPlanId()))
                .and(scope.inScope(s.EPISODE_ID))
                .groupBy(s.EPISODE_ID, cpi.MODE)
                .fetch(r -> new ModeRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
