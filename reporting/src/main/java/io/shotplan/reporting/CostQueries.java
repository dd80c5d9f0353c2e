package io.shotplan.reporting;

import static io.shotplan.reporting.LedgerLines.AMOUNT;
import static io.shotplan.reporting.LedgerLines.DAYS;
import static io.shotplan.reporting.LedgerLines.DISC;
import static io.shotplan.reporting.LedgerLines.KIND;
import static io.shotplan.reporting.LedgerLines.ROWS;
import static io.shotplan.reporting.LedgerLines.SHOT_ID;
import static io.shotplan.reporting.LedgerLines.SOURCE;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.abs;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.PlanItemCost;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The cost cube and the variance drivers: the plan and remaining cells and the drivers in one statement
 * ({@link #run}), the actual cells ({@link #actuals}) and the baseline cells ({@link #baseline}) in one each, so these
 * can run alongside it. Their derived tables:
 * <ul>
 *   <li>{@code report_ledger_lines}: the ledger to date as {@link LedgerLines}, not yet summed;</li>
 *   <li>{@code p}: the current plan at grain (shot, discipline, cost line), discipline costs from
 *       {@code plan_item_cost} and the rest of each item's planned cost (GPU, vendor, other) as one more line;</li>
 *   <li>{@code b}: the baseline, likewise;</li>
 *   <li>{@code report_lines}: planned and actual per (shot, discipline, cost line), summed once, with the shot's
 *       episode, its mode in the current plan and the remaining cost (planned less actual, never below zero, for shots
 *       of the current plan that are neither DONE nor OMITTED). The cube's plan and remaining cells and the drivers'
 *       actual and remaining per shot are sums of it.</li>
 * </ul>
 * Each measure of a cube cell is rounded on its own, so cells of the three statements with the same key give the
 * same figures as one cell would.
 */
final class CostQueries {

    private static final Field<String> MODE = field(name("mode"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> COST = field(name("cost"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> P_COST = field(name("p_cost"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> P_DAYS = field(name("p_days"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> A_COST = field(name("a_cost"), SQLDataType.NUMERIC);
    private static final Field<BigDecimal> REM = field(name("rem"), SQLDataType.NUMERIC);
    private static final Field<Long> EPISODE_ID = field(name("episode_id"), SQLDataType.BIGINT);

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

    /** Everything the one cost statement returns. */
    record Result(List<Cell> cells, List<Driver> drivers) {
    }

    private final ReportScope scope;
    private final CommonTableExpression<?> ledger;
    private final CommonTableExpression<?> current;
    private final CommonTableExpression<?> baseline;
    private final CommonTableExpression<?> lines;

    CostQueries(ReportScope scope) {
        this.scope = scope;
        this.ledger = name("report_ledger_lines").as(LedgerLines.of(scope));
        this.current = name("p").as(planLines(scope.currentPlanId()));
        this.baseline = name("b").as(planLines(scope.baselinePlanId()));
        this.lines = name("report_lines").as(shotLines());
    }

    /**
     * The cube's plan cells and the drivers in one statement over {@code report_lines}. Each row carries its kind in
     * the first column: C (cube), D (driver).
     */
    Result run(int driversPerEpisode) {
        Table<?> c = planCells().asTable("c");
        Table<?> d = drivers(driversPerEpisode).asTable("d");
        Field<BigDecimal> noNumber = castNull(SQLDataType.NUMERIC);
        Field<LocalDate> noDate = castNull(SQLDataType.LOCALDATE);
        var cubeRows = select(inline("C").as("t"), c.field(0, Long.class).as("e"), c.field(2, Long.class).as("x"),
                c.field(1, String.class).as("s1"), c.field(3, String.class).as("s2"),
                castNull(SQLDataType.VARCHAR).as("s3"), castNull(SQLDataType.VARCHAR).as("s4"),
                c.field(4, BigDecimal.class).as("n1"), c.field(5, BigDecimal.class).as("n2"),
                c.field(6, BigDecimal.class).as("n3"), noNumber.as("n4"), noDate.as("d1"), noDate.as("d2"),
                castNull(SQLDataType.BIGINT).as("i"))
                .from(c);
        var driverRows = select(inline("D"), d.field(0, Long.class), d.field(12).cast(SQLDataType.BIGINT),
                d.field(1, String.class), d.field(2, String.class), d.field(3, String.class), d.field(4, String.class),
                d.field(5, BigDecimal.class), d.field(6, BigDecimal.class), d.field(7, BigDecimal.class),
                d.field(8, BigDecimal.class), d.field(9, LocalDate.class), d.field(10, LocalDate.class),
                d.field(11).cast(SQLDataType.BIGINT))
                .from(d);
        Table<?> all = cubeRows.unionAll(driverRows).asTable("a");
        List<Cell> cells = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        scope.dsl().with(ledger, current, lines)
                .select(all.fields())
                .from(all)
                .orderBy(all.field(0), all.field(1), all.field(2))
                .forEach(r -> {
                    switch (r.get(0, String.class)) {
                        case "C" -> cells.add(new Cell(r.get(1, Long.class), r.get(3, String.class),
                                r.get(2, Long.class), r.get(4, String.class), null, null, null,
                                r.get(7, BigDecimal.class), r.get(8, BigDecimal.class), null, null, 0,
                                r.get(9, BigDecimal.class)));
                        case "D" -> drivers.add(new Driver(r.get(1, Long.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class),
                                r.get(7, BigDecimal.class), r.get(8, BigDecimal.class), r.get(9, BigDecimal.class),
                                r.get(10, BigDecimal.class), Optional.ofNullable(r.get(11, LocalDate.class)),
                                Optional.ofNullable(r.get(12, LocalDate.class)), r.get(13, Long.class)));
                        default -> throw new IllegalStateException("unexpected row kind " + r.get(0));
                    }
                });
        return new Result(cells, drivers);
    }

    /**
     * The cube's actual cells, (episode, the current plan's mode of each shot or UNPLANNED, discipline, cost line,
     * ledger source), in a statement of their own so it can run alongside {@link #run}; a source is never NULL, so
     * these cells are apart from the plan cells anyway.
     *
     * @throws IllegalStateException when the ledger holds amounts in another currency than the show's, which cannot
     *                               be summed with the rest
     */
    List<Cell> actuals() {
        Table<?> rows = LedgerLines.of(scope).asTable("al");
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        Field<Long> disc = rows.field(DISC);
        Field<String> kind = rows.field(KIND);
        Field<String> source = rows.field(SOURCE);
        Field<String> currency = rows.field(LedgerLines.CURRENCY);
        Field<String> mode = coalesce(cpi.MODE, inline(ReportScope.UNPLANNED));
        Field<BigDecimal> days = rows.field(DAYS);
        // another currency is looked for in every episode, even when the report is of one
        Condition foreign = currency.ne(scope.currency());
        Set<String> foreignCurrencies = new TreeSet<>();
        List<Cell> cells = new ArrayList<>();
        scope.dsl()
                .select(s.EPISODE_ID, mode, disc, kind, source, currency, sum(rows.field(AMOUNT)),
                        sum(days).filterWhere(days.ne(BigDecimal.ZERO)),
                        sum(rows.field(ROWS)).cast(SQLDataType.NUMERIC))
                .from(rows)
                .leftJoin(s).on(s.ID.eq(rows.field(SHOT_ID)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(rows.field(SHOT_ID))))
                .where(scope.episodeId().map(id -> s.EPISODE_ID.eq(id).or(foreign)).orElse(noCondition()))
                .groupBy(s.EPISODE_ID, mode, disc, kind, source, currency)
                .forEach(r -> {
                    if (!r.value6().trim().equals(scope.currency())) {
                        foreignCurrencies.add(r.value6().trim());
                    }
                    cells.add(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), null, null, null,
                            null, r.value7(), r.value8(), r.value9() == null ? 0 : r.value9().longValue(), null));
                });
        if (!foreignCurrencies.isEmpty()) {
            throw new IllegalStateException("the ledger of show " + scope.showId() + " has amounts in "
                    + foreignCurrencies + " but the show's currency is " + scope.currency()
                    + ": convert them (a reversal and a new row in " + scope.currency() + ") before reporting");
        }
        return cells;
    }

    /**
     * The cube's plan cells: (episode, mode, discipline, cost line) of the current plan with planned cost and days and
     * the remaining cost, sums of {@code report_lines}.
     */
    private Select<?> planCells() {
        return select(lines.field(EPISODE_ID), lines.field(MODE), lines.field(DISC), lines.field(KIND),
                sum(lines.field(P_COST)).as(P_COST), sum(lines.field(P_DAYS)).as(P_DAYS),
                sum(lines.field(REM)).as(REM))
                .from(lines)
                .where(lines.field(MODE).isNotNull())
                .and(scope.inScope(lines.field(EPISODE_ID)))
                .groupBy(lines.field(EPISODE_ID), lines.field(MODE), lines.field(DISC), lines.field(KIND));
    }

    /**
     * The baseline's cells of the cube, (episode, the baseline's mode of each shot, discipline, cost line), in a
     * statement of their own that needs no ledger, so it can run alongside {@link #run}. Each measure of a cell is
     * rounded on its own, so baseline cells apart from the rest of the cube give the same figures.
     */
    List<Cell> baseline() {
        Shot s = SHOT.as("s");
        Field<String> mode = baseline.field(MODE);
        Field<Long> disc = baseline.field(DISC);
        Field<String> kind = baseline.field(KIND);
        return scope.dsl().with(baseline)
                .select(s.EPISODE_ID, mode, disc, kind, sum(baseline.field(COST)), sum(baseline.field(DAYS)))
                .from(baseline).join(s).on(s.ID.eq(baseline.field(SHOT_ID)))
                .where(scope.inScope(s.EPISODE_ID))
                .groupBy(s.EPISODE_ID, mode, disc, kind)
                .fetch(r -> new Cell(r.value1(), r.value2(), r.value3(), r.value4(), null, r.value5(), r.value6(),
                        null, null, null, null, 0, null));
    }

    /**
     * The shots that drive each episode's variance: ranked per episode by |baseline − EAC| (|planned − EAC| before a
     * baseline is locked), then by slip in days,
     * then by code; the first {@code limit} of each with any variance or slip. A shot's baseline and planned cost are
     * its plan items' planned cost (the sum of their lines); actual and remaining cost are sums of
     * {@code report_lines}.
     */
    private Select<?> drivers(int limit) {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        PlanItem bpi = PLAN_ITEM.as("bpi");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        // the shots of report_lines and of the baseline; these drive the join, as H2 looks the indexed tables up
        // per row but would scan a derived table once per shot
        PlanItem baselineItem = PLAN_ITEM.as("dbi");
        Field<BigDecimal> none = castNull(SQLDataType.NUMERIC);
        Table<?> shots = select(lines.field(SHOT_ID), lines.field(A_COST), lines.field(REM)).from(lines)
                .unionAll(select(baselineItem.SHOT_ID, none, none).from(baselineItem)
                        .where(baselineItem.PLAN_ID.eq(scope.baselinePlanId())))
                .asTable("ds");
        Table<?> totals = select(shots.field(SHOT_ID), sum(shots.field(A_COST)).as("a_cost"),
                sum(shots.field(REM)).as("rem"))
                .from(shots).groupBy(shots.field(SHOT_ID)).asTable("t");
        Field<BigDecimal> bCost = coalesce(bpi.PLANNED_COST, z);
        Field<BigDecimal> pCost = coalesce(cpi.PLANNED_COST, z);
        Field<BigDecimal> aCost = coalesce(totals.field("a_cost", BigDecimal.class), z);
        Field<BigDecimal> rem = coalesce(totals.field("rem", BigDecimal.class), z);
        // before a baseline is locked, a shot drives the variance to budget by costing more than its current plan
        Field<BigDecimal> reference = scope.baselinePlanId() == ReportScope.NO_PLAN ? pCost : bCost;
        Field<BigDecimal> variance = reference.minus(aCost).minus(rem);
        Field<Integer> slip = coalesce(localDateDiff(cpi.END_DATE, bpi.END_DATE), inline(0));
        Field<Integer> rank = rowNumber().over()
                .partitionBy(s.EPISODE_ID)
                .orderBy(abs(variance).desc(), slip.desc(), s.CODE.asc()).as("rnk");

        var ranked = select(s.EPISODE_ID, s.CODE, s.STATUS, bpi.MODE.as("b_mode"), cpi.MODE.as("c_mode"),
                bCost.as("b_cost"), pCost.as("p_cost"), aCost.as("a_cost"), rem.as("rem"), bpi.END_DATE.as("b_end"),
                cpi.END_DATE.as("c_end"), slip.as("slip"), rank)
                .from(totals)
                .join(s).on(s.ID.eq(totals.field(SHOT_ID)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)))
                .leftJoin(bpi).on(bpi.PLAN_ID.eq(scope.baselinePlanId()).and(bpi.SHOT_ID.eq(s.ID)))
                .where(scope.inScope(s.EPISODE_ID))
                .and(variance.ne(BigDecimal.ZERO).or(slip.ne(0)))
                .asTable("ranked");

        return select(ranked.fields())
                .from(ranked)
                .where(ranked.field("rnk", Integer.class).le(limit));
    }

    /**
     * Planned (current plan) and actual cost per (shot, discipline, cost line), summed once, with the shot's episode,
     * its mode in the current plan (NULL when the plan does not hold it) and the remaining cost of the line: planned
     * less actual, never below zero, for shots in the current plan that are neither DONE nor OMITTED, else zero.
     */
    private Select<? extends Record> shotLines() {
        Shot s = SHOT.as("ls");
        PlanItem cpi = PLAN_ITEM.as("lpi");
        Field<BigDecimal> none = castNull(SQLDataType.NUMERIC);
        Table<?> u = select(current.field(SHOT_ID), current.field(DISC), current.field(KIND),
                current.field(COST).as(P_COST), current.field(DAYS).as(P_DAYS), none.as(A_COST))
                .from(current)
                .unionAll(select(ledger.field(SHOT_ID), ledger.field(DISC), ledger.field(KIND), none, none,
                        ledger.field(AMOUNT)).from(ledger).where(ledger.field(SHOT_ID).ne(LedgerRepository.NONE)))
                .asTable("u");
        Table<?> summed = select(u.field(SHOT_ID), u.field(DISC), u.field(KIND),
                sum(u.field(P_COST)).as(P_COST), sum(u.field(P_DAYS)).as(P_DAYS), sum(u.field(A_COST)).as(A_COST))
                .from(u)
                .groupBy(u.field(SHOT_ID), u.field(DISC), u.field(KIND))
                .asTable("f");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        Field<BigDecimal> left = coalesce(summed.field(P_COST), z).minus(coalesce(summed.field(A_COST), z));
        Field<BigDecimal> remaining = when(cpi.ID.isNotNull().and(s.STATUS.notIn("DONE", "OMITTED")), greatest(left, z))
                .otherwise(z);
        return select(summed.field(SHOT_ID), summed.field(DISC), summed.field(KIND), s.EPISODE_ID.as(EPISODE_ID),
                cpi.MODE.as(MODE), summed.field(P_COST), summed.field(P_DAYS), summed.field(A_COST), remaining.as(REM))
                .from(summed)
                .join(s).on(s.ID.eq(summed.field(SHOT_ID)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)));
    }

    /**
     * A plan at grain (shot, discipline, cost line) with the item's mode: each {@code plan_item_cost} row as a
     * discipline line, and the item's planned cost less its discipline costs, where not zero, as a GPU, VENDOR or
     * OTHER line.
     */
    private static Select<? extends Record> planLines(long planId) {
        PlanItem pi = PLAN_ITEM.as("pi");
        PlanItemCost pic = PLAN_ITEM_COST.as("pic");
        var disciplines = select(pi.SHOT_ID.as(SHOT_ID), pic.DISCIPLINE_ID.as(DISC),
                inline(ReportScope.DISCIPLINE).as(KIND), pi.MODE.as(MODE), pic.COST.as(COST),
                pic.ARTIST_DAYS.as(DAYS))
                .from(pic).join(pi).on(pi.ID.eq(pic.PLAN_ITEM_ID)).where(pi.PLAN_ID.eq(planId));
        PlanItem item = PLAN_ITEM.as("li");
        PlanItemCost line = PLAN_ITEM_COST.as("lc");
        Table<?> itemLines = select(line.PLAN_ITEM_ID.as("item"), sum(line.COST).as("lines"))
                .from(line).join(item).on(item.ID.eq(line.PLAN_ITEM_ID)).where(item.PLAN_ID.eq(planId))
                .groupBy(line.PLAN_ITEM_ID).asTable("il");
        Field<BigDecimal> rest = pi.PLANNED_COST.minus(coalesce(itemLines.field("lines", BigDecimal.class),
                inline(BigDecimal.ZERO)));
        var remainder = select(pi.SHOT_ID, castNull(SQLDataType.BIGINT), ReportScope.kindOfMode(pi.MODE), pi.MODE,
                rest, inline(BigDecimal.ZERO))
                .from(pi).leftJoin(itemLines).on(itemLines.field("item", Long.class).eq(pi.ID))
                .where(pi.PLAN_ID.eq(planId))
                .and(rest.ne(BigDecimal.ZERO));
        // (shot, discipline) is unique in a plan, and there is one remainder per shot: no grouping needed
        return disciplines.unionAll(remainder);
    }
}
