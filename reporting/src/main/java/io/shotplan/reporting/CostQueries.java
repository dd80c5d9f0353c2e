package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.abs;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.PlanItemCost;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Cost queries. Both build on the same four derived tables, at the grain (shot, discipline, cost line):
 * <ul>
 *   <li>{@code l}: the ledger to date, also by source;</li>
 *   <li>{@code p}: the current plan, discipline costs from {@code plan_item_cost} and the rest of each item's planned
 *       cost (GPU, vendor, other) as one more line;</li>
 *   <li>{@code b}: the baseline, likewise;</li>
 *   <li>{@code r}: the remaining cost, planned less actual per line, never below zero.</li>
 * </ul>
 */
final class CostQueries {

    private static final Field<Long> SHOT_ID = org.jooq.impl.DSL.field(name("shot_id"), SQLDataType.BIGINT);
    private static final Field<Long> DISC = org.jooq.impl.DSL.field(name("disc"), SQLDataType.BIGINT);
    private static final Field<String> KIND = org.jooq.impl.DSL.field(name("kind"), SQLDataType.VARCHAR);
    private static final Field<String> MODE = org.jooq.impl.DSL.field(name("mode"), SQLDataType.VARCHAR);
    private static final Field<String> SOURCE = org.jooq.impl.DSL.field(name("source"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> COST = org.jooq.impl.DSL.field(name("cost"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> DAYS = org.jooq.impl.DSL.field(name("days"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> AMOUNT = org.jooq.impl.DSL.field(name("amount"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> ROWS = org.jooq.impl.DSL.field(name("rws"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> REM = org.jooq.impl.DSL.field(name("rem"), SQLDataType.NUMERIC);

    /** One cell of the cost cube, exact. */
    record Cell(Long episodeId, String mode, Long disciplineId, String kind, String source,
                BigDecimal baselineCost, BigDecimal baselineDays, BigDecimal plannedCost, BigDecimal plannedDays,
                BigDecimal actualCost, BigDecimal actualDays, long ledgerRows, BigDecimal remainingCost) {
    }

    /** One shot's contribution to the variance, exact. */
    record Driver(long episodeId, String shot, String status, String baselineMode, String currentMode,
                  BigDecimal baselineCost, BigDecimal plannedCost, BigDecimal actualCost, BigDecimal remainingCost,
                  Optional<LocalDate> baselineEnd, Optional<LocalDate> plannedEnd, long slipDays) {
    }

    private final ReportScope scope;
    private final CommonTableExpression<?> ledger;
    private final CommonTableExpression<?> current;
    private final CommonTableExpression<?> baseline;
    private final CommonTableExpression<?> remaining;

    CostQueries(ReportScope scope) {
        this.scope = scope;
        this.ledger = name("l").as(ledgerLines());
        this.current = name("p").as(planLines(scope.currentPlanId()));
        this.baseline = name("b").as(planLines(scope.baselinePlanId()));
        this.remaining = name("r").as(remainingLines());
    }

    /** The cost cube: (episode, mode, discipline, cost line, source) with every cost measure. */
    List<Cell> cube() {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        BigDecimal zero = BigDecimal.ZERO;
        Field<BigDecimal> z = inline(zero);

        var actualRows = select(s.EPISODE_ID, coalesce(cpi.MODE, inline(ReportScope.UNPLANNED)).as("mode"),
                ledger.field(DISC), ledger.field(KIND), ledger.field(SOURCE),
                z.as("b_cost"), z.as("b_days"), z.as("p_cost"), z.as("p_days"),
                ledger.field(AMOUNT).as("a_cost"), ledger.field(DAYS).as("a_days"), ledger.field(ROWS).as("a_rows"),
                z.as("rem"))
                .from(ledger)
                .leftJoin(s).on(s.ID.eq(ledger.field(SHOT_ID)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(ledger.field(SHOT_ID))));
        var plannedRows = select(s.EPISODE_ID, current.field(MODE), current.field(DISC), current.field(KIND),
                castNull(SQLDataType.VARCHAR), z, z, current.field(COST), current.field(DAYS), z, z, z, z)
                .from(current).join(s).on(s.ID.eq(current.field(SHOT_ID)));
        var baselineRows = select(s.EPISODE_ID, baseline.field(MODE), baseline.field(DISC), baseline.field(KIND),
                castNull(SQLDataType.VARCHAR), baseline.field(COST), baseline.field(DAYS), z, z, z, z, z, z)
                .from(baseline).join(s).on(s.ID.eq(baseline.field(SHOT_ID)));
        var remainingRows = select(s.EPISODE_ID, cpi.MODE, remaining.field(DISC), remaining.field(KIND),
                castNull(SQLDataType.VARCHAR), z, z, z, z, z, z, z, remaining.field(REM))
                .from(remaining).join(s).on(s.ID.eq(remaining.field(SHOT_ID)))
                .join(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)));

        Table<?> u = actualRows.unionAll(plannedRows).unionAll(baselineRows).unionAll(remainingRows).asTable("u");
        Field<Long> episode = u.field(0, Long.class);
        Field<String> mode = u.field(1, String.class);
        Field<Long> disc = u.field(2, Long.class);
        Field<String> kind = u.field(3, String.class);
        Field<String> source = u.field(4, String.class);
        return scope.dsl().with(ledger, current, baseline, remaining)
                .select(episode, mode, disc, kind, source,
                        sum(u.field(5, BigDecimal.class)), sum(u.field(6, BigDecimal.class)),
                        sum(u.field(7, BigDecimal.class)), sum(u.field(8, BigDecimal.class)),
                        sum(u.field(9, BigDecimal.class)), sum(u.field(10, BigDecimal.class)),
                        sum(u.field(11, BigDecimal.class)), sum(u.field(12, BigDecimal.class)))
                .from(u)
                .where(scope.inScope(episode))
                .groupBy(episode, mode, disc, kind, source)
                .fetch(r -> new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12() == null ? 0 : r.value12().longValue(), r.value13()));
    }

    /**
     * The shots that drive each episode's variance: ranked per episode by |baseline − EAC|, then by slip in days,
     * then by code; the first {@code limit} of each with any variance or slip.
     */
    List<Driver> drivers(int limit) {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        PlanItem bpi = PLAN_ITEM.as("bpi");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        var perShot = select(current.field(SHOT_ID), z.as("b_cost"), current.field(COST).as("p_cost"),
                z.as("a_cost"), z.as("rem")).from(current)
                .unionAll(select(baseline.field(SHOT_ID), baseline.field(COST), z, z, z).from(baseline))
                .unionAll(select(ledger.field(SHOT_ID), z, z, ledger.field(AMOUNT), z).from(ledger)
                        .where(ledger.field(SHOT_ID).isNotNull()))
                .unionAll(select(remaining.field(SHOT_ID), z, z, z, remaining.field(REM)).from(remaining))
                .asTable("u");
        Field<Long> shotId = perShot.field(0, Long.class);
        var totals = select(shotId.as("shot_id"),
                sum(perShot.field(1, BigDecimal.class)).as("b_cost"),
                sum(perShot.field(2, BigDecimal.class)).as("p_cost"),
                sum(perShot.field(3, BigDecimal.class)).as("a_cost"),
                sum(perShot.field(4, BigDecimal.class)).as("rem"))
                .from(perShot).groupBy(shotId).asTable("t");

        Field<BigDecimal> bCost = totals.field("b_cost", BigDecimal.class);
        Field<BigDecimal> pCost = totals.field("p_cost", BigDecimal.class);
        Field<BigDecimal> aCost = totals.field("a_cost", BigDecimal.class);
        Field<BigDecimal> rem = totals.field("rem", BigDecimal.class);
        Field<BigDecimal> variance = bCost.minus(aCost).minus(rem);
        Field<Integer> slip = coalesce(localDateDiff(cpi.END_DATE, bpi.END_DATE), inline(0));
        Field<Integer> rank = rowNumber().over()
                .partitionBy(s.EPISODE_ID)
                .orderBy(abs(variance).desc(), slip.desc(), s.CODE.asc()).as("rnk");

        var ranked = select(s.EPISODE_ID, s.CODE, s.STATUS, bpi.MODE.as("b_mode"), cpi.MODE.as("c_mode"),
                bCost, pCost, aCost, rem, bpi.END_DATE.as("b_end"), cpi.END_DATE.as("c_end"), slip.as("slip"), rank)
                .from(totals)
                .join(s).on(s.ID.eq(totals.field("shot_id", Long.class)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)))
                .leftJoin(bpi).on(bpi.PLAN_ID.eq(scope.baselinePlanId()).and(bpi.SHOT_ID.eq(s.ID)))
                .where(scope.inScope(s.EPISODE_ID))
                .and(variance.ne(BigDecimal.ZERO).or(slip.ne(0)))
                .asTable("ranked");

        return scope.dsl().with(ledger, current, baseline, remaining)
                .select(ranked.fields())
                .from(ranked)
                .where(ranked.field("rnk", Integer.class).le(limit))
                .orderBy(ranked.field(0), ranked.field("rnk"))
                .fetch(r -> new Driver(
                        r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class),
                        r.get(5, BigDecimal.class), r.get(6, BigDecimal.class), r.get(7, BigDecimal.class),
                        r.get(8, BigDecimal.class),
                        Optional.ofNullable(r.get(9, LocalDate.class)), Optional.ofNullable(r.get(10, LocalDate.class)),
                        r.get(11, Long.class)));
    }

    /** The ledger to date at grain (shot, discipline, cost line, source). */
    private Select<? extends Record> ledgerLines() {
        CostLedger l = COST_LEDGER.as("cl");
        var rows = select(l.SHOT_ID.as("shot_id"), l.DISCIPLINE_ID.as("disc"), ReportScope.kindOfLedger(l).as("kind"),
                l.SOURCE.as("source"), l.AMOUNT.as("amount"), l.ARTIST_DAYS.as("days"))
                .from(l).where(scope.actuals(l)).asTable("x");
        return select(rows.field(SHOT_ID), rows.field(DISC), rows.field(KIND), rows.field(SOURCE),
                sum(rows.field(AMOUNT)).as("amount"), sum(rows.field(DAYS)).as("days"),
                count().cast(SQLDataType.NUMERIC).as("rws"))
                .from(rows)
                .groupBy(rows.field(SHOT_ID), rows.field(DISC), rows.field(KIND), rows.field(SOURCE));
    }

    /**
     * A plan at grain (shot, discipline, cost line) with the item's mode: each {@code plan_item_cost} row as a
     * discipline line, and the item's planned cost less its discipline costs as a GPU, VENDOR or OTHER line.
     */
    private static Select<? extends Record> planLines(long planId) {
        PlanItem pi = PLAN_ITEM.as("pi");
        PlanItemCost pic = PLAN_ITEM_COST.as("pic");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        var disciplines = select(pi.SHOT_ID.as("shot_id"), pic.DISCIPLINE_ID.as("disc"),
                inline(ReportScope.DISCIPLINE).as("kind"), pi.MODE.as("mode"), pic.COST.as("cost"),
                pic.ARTIST_DAYS.as("days"))
                .from(pic).join(pi).on(pi.ID.eq(pic.PLAN_ITEM_ID)).where(pi.PLAN_ID.eq(planId));
        var whole = select(pi.SHOT_ID, castNull(SQLDataType.BIGINT), ReportScope.kindOfMode(pi.MODE), pi.MODE,
                pi.PLANNED_COST, z)
                .from(pi).where(pi.PLAN_ID.eq(planId));
        var lessDisciplines = select(pi.SHOT_ID, castNull(SQLDataType.BIGINT), ReportScope.kindOfMode(pi.MODE), pi.MODE,
                pic.COST.neg(), z)
                .from(pic).join(pi).on(pi.ID.eq(pic.PLAN_ITEM_ID)).where(pi.PLAN_ID.eq(planId));
        Table<?> u = disciplines.unionAll(whole).unionAll(lessDisciplines).asTable("u");
        return select(u.field(SHOT_ID), u.field(DISC), u.field(KIND), u.field(MODE),
                sum(u.field(COST)).as("cost"), sum(u.field(DAYS)).as("days"))
                .from(u)
                .groupBy(u.field(SHOT_ID), u.field(DISC), u.field(KIND), u.field(MODE));
    }

    /**
     * Planned less actual per (shot, discipline, cost line) of the current plan, never below zero, for shots in the
     * current plan that are neither DONE nor OMITTED.
     */
    private Select<? extends Record> remainingLines() {
        Shot s = SHOT.as("rs");
        PlanItem cpi = PLAN_ITEM.as("rpi");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        Table<?> u = select(current.field(SHOT_ID), current.field(DISC), current.field(KIND),
                current.field(COST).as("planned"), z.as("actual"))
                .from(current)
                .unionAll(select(ledger.field(SHOT_ID), ledger.field(DISC), ledger.field(KIND), z,
                        ledger.field(AMOUNT)).from(ledger).where(ledger.field(SHOT_ID).isNotNull()))
                .asTable("u");
        Field<BigDecimal> left = sum(u.field("planned", BigDecimal.class)).minus(sum(u.field("actual", BigDecimal.class)));
        return select(u.field(SHOT_ID), u.field(DISC), u.field(KIND),
                greatest(left, z).as("rem"))
                .from(u)
                .join(s).on(s.ID.eq(u.field(SHOT_ID)))
                .join(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)))
                .where(s.STATUS.notIn("DONE", "OMITTED"))
                .groupBy(u.field(SHOT_ID), u.field(DISC), u.field(KIND));
    }
}
