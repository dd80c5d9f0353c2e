package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
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
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.schema.tables.AiCapability;
import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.CostLedgerRollup;
import io.shotplan.sql.schema.tables.CostLedgerRollupPeriod;
import io.shotplan.sql.schema.tables.GpuPool;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.PlanItemCost;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Cost figures in one statement ({@link #run}): the cube, the variance drivers, generation and a currency check, all
 * reading the same derived tables, so the ledger is read once. The derived tables, at grain (shot, discipline, cost
 * line):
 * <ul>
 *   <li>{@code report_ledger_lines}: the ledger to date, also by source (and GPU pool, model, device), from the
 *       ledger's rollups (four-week periods, then weeks) and the days of the as-of week;</li>
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
    private static final Field<BigDecimal> SECS = org.jooq.impl.DSL.field(name("secs"), SQLDataType.NUMERIC);
    private static final Field<Long> POOL = org.jooq.impl.DSL.field(name("pool"), SQLDataType.BIGINT);
    private static final Field<String> MODEL = org.jooq.impl.DSL.field(name("model"), SQLDataType.VARCHAR);
    private static final Field<String> DEVICE = org.jooq.impl.DSL.field(name("device"), SQLDataType.VARCHAR);

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

    /** Exact figures of one (episode, shot, model, device type). */
    record GenerationRow(Long episodeId, String shot, String model, String deviceType,
                         BigDecimal plannedGpuHours, BigDecimal deviceSeconds, BigDecimal cost) {
    }

    /** Everything the one cost statement returns. */
    record Result(List<Cell> cells, List<Driver> drivers, List<GenerationRow> generation) {
    }

    static final String NO_MODEL = "(no model)";
    static final String NO_DEVICE = "(unknown device)";

    private final ReportScope scope;
    private final CommonTableExpression<?> ledger;
    private final CommonTableExpression<?> current;
    private final CommonTableExpression<?> baseline;
    private final CommonTableExpression<?> remaining;

    /**
     * The cube, the drivers and generation in one statement over the shared derived tables, so the ledger is read
     * once. Each row carries its kind in the first column: C (cube), D (driver), G (generation).
     */
    Result run(int driversPerEpisode) {
        Table<?> c = cube().asTable("c");
        Table<?> d = drivers(driversPerEpisode).asTable("d");
        Table<?> g = generation().asTable("g");
        Field<Long> noLong = castNull(SQLDataType.BIGINT);
        Field<String> noText = castNull(SQLDataType.VARCHAR);
        Field<BigDecimal> noNumber = castNull(SQLDataType.NUMERIC);
        Field<LocalDate> noDate = castNull(SQLDataType.LOCALDATE);
        var cubeRows = select(inline("C").as("t"), c.field(0, Long.class).as("e"), c.field(2, Long.class).as("x"),
                c.field(1, String.class).as("s1"), c.field(3, String.class).as("s2"), c.field(4, String.class).as("s3"),
                noText.as("s4"), c.field(5, BigDecimal.class).as("n1"), c.field(6, BigDecimal.class).as("n2"),
                c.field(7, BigDecimal.class).as("n3"), c.field(8, BigDecimal.class).as("n4"),
                c.field(9, BigDecimal.class).as("n5"), c.field(10, BigDecimal.class).as("n6"),
                c.field(11, BigDecimal.class).as("n7"), c.field(12, BigDecimal.class).as("n8"),
                noDate.as("d1"), noDate.as("d2"), noLong.as("i"))
                .from(c);
        var driverRows = select(inline("D"), d.field(0, Long.class), d.field(12).cast(SQLDataType.BIGINT),
                d.field(1, String.class), d.field(2, String.class), d.field(3, String.class), d.field(4, String.class),
                d.field(5, BigDecimal.class), d.field(6, BigDecimal.class), d.field(7, BigDecimal.class),
                d.field(8, BigDecimal.class), noNumber, noNumber, noNumber, noNumber,
                d.field(9, LocalDate.class), d.field(10, LocalDate.class), d.field(11).cast(SQLDataType.BIGINT))
                .from(d);
        var generationRows = select(inline("G"), g.field(0, Long.class), noLong, g.field(1, String.class),
                g.field(2, String.class), g.field(3, String.class), noText,
                g.field(4, BigDecimal.class), g.field(5, BigDecimal.class), g.field(6, BigDecimal.class),
                noNumber, noNumber, noNumber, noNumber, noNumber, noDate, noDate, noLong)
                .from(g);
        // ledger rows in another currency than the show's cannot be summed with the rest
        Field<String> currency = ledger.field("currency", String.class);
        var foreignCurrencies = select(inline("X"), noLong, noLong, currency, noText, noText, noText,
                noNumber, noNumber, noNumber, noNumber, noNumber, noNumber, noNumber, noNumber, noDate, noDate, noLong)
                .from(ledger).where(currency.ne(scope.currency()));
        Table<?> all = cubeRows.unionAll(driverRows).unionAll(generationRows).unionAll(foreignCurrencies)
                .asTable("a");
        java.util.Set<String> foreign = new java.util.TreeSet<>();
        List<Cell> cells = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        List<GenerationRow> generation = new ArrayList<>();
        scope.dsl().with(ledger, current, baseline, remaining)
                .select(all.fields())
                .from(all)
                .orderBy(all.field(0), all.field(1), all.field(2))
                .forEach(r -> {
                    switch (r.get(0, String.class)) {
                        case "C" -> cells.add(new Cell(r.get(1, Long.class), r.get(3, String.class),
                                r.get(2, Long.class), r.get(4, String.class), r.get(5, String.class),
                                r.get(7, BigDecimal.class), r.get(8, BigDecimal.class), r.get(9, BigDecimal.class),
                                r.get(10, BigDecimal.class), r.get(11, BigDecimal.class), r.get(12, BigDecimal.class),
                                r.get(13, BigDecimal.class) == null ? 0 : r.get(13, BigDecimal.class).longValue(),
                                r.get(14, BigDecimal.class)));
                        case "D" -> drivers.add(new Driver(r.get(1, Long.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class),
                                r.get(7, BigDecimal.class), r.get(8, BigDecimal.class), r.get(9, BigDecimal.class),
                                r.get(10, BigDecimal.class), Optional.ofNullable(r.get(15, LocalDate.class)),
                                Optional.ofNullable(r.get(16, LocalDate.class)), r.get(17, Long.class)));
                        case "G" -> generation.add(new GenerationRow(r.get(1, Long.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class), r.get(7, BigDecimal.class),
                                r.get(8, BigDecimal.class), r.get(9, BigDecimal.class)));
                        case "X" -> foreign.add(r.get(3, String.class));
                        default -> throw new IllegalStateException("unexpected row kind " + r.get(0));
                    }
                });
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("the ledger of show " + scope.showId() + " has amounts in " + foreign
                    + " but the show's currency is " + scope.currency()
                    + ": convert them (a reversal and a new row in " + scope.currency() + ") before reporting");
        }
        return new Result(cells, drivers, generation);
    }

    CostQueries(ReportScope scope) {
        this.scope = scope;
        this.ledger = name("report_ledger_lines").as(ledgerLines());
        this.current = name("p").as(planLines(scope.currentPlanId()));
        this.baseline = name("b").as(planLines(scope.baselinePlanId()));
        this.remaining = name("r").as(remainingLines());
    }

    /** The cost cube: (episode, mode, discipline, cost line, source) with every cost measure. */
    private Select<?> cube() {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        BigDecimal zero = BigDecimal.ZERO;
        Field<BigDecimal> z = inline(zero);

        // each part is summed on its own first (only its own measures), then the few rows of the parts are added up
        Field<String> actualMode = coalesce(cpi.MODE, inline(ReportScope.UNPLANNED));
        var actualRows = select(s.EPISODE_ID, actualMode.as("mode"),
                ledger.field(DISC), ledger.field(KIND), ledger.field(SOURCE),
                z.as("b_cost"), z.as("b_days"), z.as("p_cost"), z.as("p_days"),
                sum(ledger.field(AMOUNT)).as("a_cost"), sum(ledger.field(DAYS)).as("a_days"),
                sum(ledger.field(ROWS)).as("a_rows"), z.as("rem"))
                .from(ledger)
                .leftJoin(s).on(s.ID.eq(ledger.field(SHOT_ID)))
                .leftJoin(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(ledger.field(SHOT_ID))))
                .groupBy(s.EPISODE_ID, actualMode, ledger.field(DISC), ledger.field(KIND), ledger.field(SOURCE));
        var plannedRows = select(s.EPISODE_ID, current.field(MODE), current.field(DISC), current.field(KIND),
                castNull(SQLDataType.VARCHAR), z, z, sum(current.field(COST)), sum(current.field(DAYS)), z, z, z, z)
                .from(current).join(s).on(s.ID.eq(current.field(SHOT_ID)))
                .groupBy(s.EPISODE_ID, current.field(MODE), current.field(DISC), current.field(KIND));
        var baselineRows = select(s.EPISODE_ID, baseline.field(MODE), baseline.field(DISC), baseline.field(KIND),
                castNull(SQLDataType.VARCHAR), sum(baseline.field(COST)), sum(baseline.field(DAYS)), z, z, z, z, z, z)
                .from(baseline).join(s).on(s.ID.eq(baseline.field(SHOT_ID)))
                .groupBy(s.EPISODE_ID, baseline.field(MODE), baseline.field(DISC), baseline.field(KIND));
        var remainingRows = select(s.EPISODE_ID, cpi.MODE, remaining.field(DISC), remaining.field(KIND),
                castNull(SQLDataType.VARCHAR), z, z, z, z, z, z, z, sum(remaining.field(REM)))
                .from(remaining).join(s).on(s.ID.eq(remaining.field(SHOT_ID)))
                .join(cpi).on(cpi.PLAN_ID.eq(scope.currentPlanId()).and(cpi.SHOT_ID.eq(s.ID)))
                .groupBy(s.EPISODE_ID, cpi.MODE, remaining.field(DISC), remaining.field(KIND));

        Table<?> u = actualRows.unionAll(plannedRows).unionAll(baselineRows).unionAll(remainingRows).asTable("u");
        Field<Long> episode = u.field(0, Long.class);
        Field<String> mode = u.field(1, String.class);
        Field<Long> disc = u.field(2, Long.class);
        Field<String> kind = u.field(3, String.class);
        Field<String> source = u.field(4, String.class);
        return select(episode, mode, disc, kind, source,
                        sum(u.field(5, BigDecimal.class)).as("b_cost"), sum(u.field(6, BigDecimal.class)).as("b_days"),
                        sum(u.field(7, BigDecimal.class)).as("p_cost"), sum(u.field(8, BigDecimal.class)).as("p_days"),
                        sum(u.field(9, BigDecimal.class)).as("a_cost"), sum(u.field(10, BigDecimal.class)).as("a_days"),
                        sum(u.field(11, BigDecimal.class)).as("a_rows"), sum(u.field(12, BigDecimal.class)).as("rem"))
                .from(u)
                .where(scope.inScope(episode))
                .groupBy(episode, mode, disc, kind, source);
    }

    /**
     * The shots that drive each episode's variance: ranked per episode by |baseline − EAC|, then by slip in days,
     * then by code; the first {@code limit} of each with any variance or slip.
     */
    private Select<?> drivers(int limit) {
        Shot s = SHOT.as("s");
        PlanItem cpi = PLAN_ITEM.as("cpi");
        PlanItem bpi = PLAN_ITEM.as("bpi");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        // summed per part first, as in the cube
        var perShot = select(current.field(SHOT_ID), z.as("b_cost"), sum(current.field(COST)).as("p_cost"),
                z.as("a_cost"), z.as("rem")).from(current).groupBy(current.field(SHOT_ID))
                .unionAll(select(baseline.field(SHOT_ID), sum(baseline.field(COST)), z, z, z).from(baseline)
                        .groupBy(baseline.field(SHOT_ID)))
                .unionAll(select(ledger.field(SHOT_ID), z, z, sum(ledger.field(AMOUNT)), z).from(ledger)
                        .where(ledger.field(SHOT_ID).ne(LedgerRepository.NONE)).groupBy(ledger.field(SHOT_ID)))
                .unionAll(select(remaining.field(SHOT_ID), z, z, z, sum(remaining.field(REM))).from(remaining)
                        .groupBy(remaining.field(SHOT_ID)))
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

        return select(ranked.fields())
                .from(ranked)
                .where(ranked.field("rnk", Integer.class).le(limit));
    }

    /**
     * The ledger to date at grain (shot, discipline, cost line, source, GPU pool, model, device), in one aggregation.
     * On PostgreSQL: whole four-week periods from {@code cost_ledger_rollup_period}, the whole weeks after them from
     * {@code cost_ledger_rollup}, the days of the as-of week from the ledger. On H2, from the ledger alone: H2 looks
     * this table up once per shot in the statement's joins, and against the rollups that took its report from 22 s to
     * over 300 s. A reversal counts in the cost line of the row it reverses (the rollup's booked source). A line
     * without a shot has shot id {@link LedgerRepository#NONE} or NULL; both mean none, below.
     */
    private Select<? extends Record> ledgerLines() {
        boolean h2 = scope.dsl().dialect().family() == org.jooq.SQLDialect.H2;
        Table<?> rows = (h2 ? ledgerRows(scope::actuals)
                : rollupPeriods().unionAll(rollupWeeks()).unionAll(ledgerRows(scope::actualsOfAsOfWeek)))
                .asTable("x");
        Field<?>[] keys = {rows.field(SHOT_ID), rows.field(DISC), rows.field(KIND), rows.field(SOURCE),
                rows.field(POOL), rows.field(MODEL), rows.field(DEVICE), rows.field("currency")};
        return select(keys)
                .select(sum(rows.field(AMOUNT)).as("amount"),
                        sum(rows.field(DAYS)).filterWhere(rows.field(DAYS).ne(BigDecimal.ZERO)).as("days"),
                        sum(rows.field(SECS)).filterWhere(rows.field(SECS).ne(BigDecimal.ZERO)).as("secs"),
                        sum(rows.field("rws", Long.class)).cast(SQLDataType.NUMERIC).as("rws"))
                .from(rows)
                .groupBy(keys);
    }

    /** A line query as plain records, so that the three sources of lines can be put in one union. */
    @SuppressWarnings("unchecked")
    private static Select<Record> lines(Select<? extends Record> query) {
        return (Select<Record>) query;
    }

    private Select<Record> rollupPeriods() {
        CostLedgerRollupPeriod p = COST_LEDGER_ROLLUP_PERIOD.as("pr");
        Field<Long> discipline = ReportScope.rollupId(p.DISCIPLINE_ID);
        return lines(select(p.SHOT_ID.as("shot_id"), discipline.as("disc"),
                ReportScope.kindOfLedger(discipline, p.BOOKED_SOURCE).as("kind"), p.SOURCE.as("source"),
                ReportScope.rollupId(p.GPU_POOL_ID).as("pool"), ReportScope.rollupName(p.MODEL).as("model"),
                ReportScope.rollupName(p.DEVICE).as("device"), p.AMOUNT.as("amount"), p.ARTIST_DAYS.as("days"),
                p.GPU_SECONDS.as("secs"), p.CURRENCY.as("currency"), p.ROW_COUNT.as("rws"))
                .from(p)
                .where(scope.actualsInPeriods(p)));
    }

    private Select<Record> rollupWeeks() {
        CostLedgerRollup w = COST_LEDGER_ROLLUP.as("w");
        Field<Long> discipline = ReportScope.rollupId(w.DISCIPLINE_ID);
        return lines(select(w.SHOT_ID.as("shot_id"), discipline.as("disc"),
                ReportScope.kindOfLedger(discipline, w.BOOKED_SOURCE).as("kind"), w.SOURCE.as("source"),
                ReportScope.rollupId(w.GPU_POOL_ID).as("pool"), ReportScope.rollupName(w.MODEL).as("model"),
                ReportScope.rollupName(w.DEVICE).as("device"), w.AMOUNT.as("amount"), w.ARTIST_DAYS.as("days"),
                w.GPU_SECONDS.as("secs"), w.CURRENCY.as("currency"), w.ROW_COUNT.as("rws"))
                .from(w)
                .where(scope.actualWeeksAfterPeriods(w)));
    }

    /**
     * Ledger rows, one line each; a reversal looks up the source of the row it reverses by primary key (a join let
     * PostgreSQL hash the whole ledger for the few reversals).
     */
    private Select<Record> ledgerRows(java.util.function.Function<CostLedger, Condition> which) {
        CostLedger l = COST_LEDGER.as("cl");
        CostLedger original = COST_LEDGER.as("orig");
        Field<String> bookedSource = when(l.REVERSES_ID.isNull(), l.SOURCE).otherwise(org.jooq.impl.DSL.field(
                select(original.SOURCE).from(original).where(original.ID.eq(l.REVERSES_ID))));
        return lines(select(l.SHOT_ID.as("shot_id"), l.DISCIPLINE_ID.as("disc"),
                ReportScope.kindOfLedger(l.DISCIPLINE_ID, bookedSource).as("kind"), l.SOURCE.as("source"),
                l.GPU_POOL_ID.as("pool"), l.MODEL.as("model"), l.DEVICE.as("device"), l.AMOUNT.as("amount"),
                l.ARTIST_DAYS.as("days"), l.GPU_SECONDS.as("secs"), l.CURRENCY.as("currency"), inline(1L).as("rws"))
                .from(l)
                .where(which.apply(l)));
    }

    /**
     * Generation against plan at grain (episode, shot, model, device type): actuals are the GPU cost line (GENERATION
     * rows naming no discipline, and their reversals), device type the GPU type of the row's pool or else its device;
     * the plan is the current plan's GPU hours with the model and pool of the capability each item uses.
     */
    private Select<?> generation() {
        Shot s = SHOT.as("gs");
        GpuPool gp = GPU_POOL.as("gp");
        PlanItem pi = PLAN_ITEM.as("gpi");
        AiCapability ac = AI_CAPABILITY.as("ac");
        GpuPool pgp = GPU_POOL.as("pgp");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        var actual = select(s.EPISODE_ID.as("episode_id"), s.CODE.as("shot"),
                coalesce(ledger.field(MODEL), inline(NO_MODEL)).as("model"),
                coalesce(gp.GPU_TYPE, ledger.field(DEVICE), inline(NO_DEVICE)).as("device_type"),
                z.as("planned"), ledger.field(SECS).as("secs"), ledger.field(AMOUNT).as("cost"))
                .from(ledger)
                .leftJoin(s).on(s.ID.eq(ledger.field(SHOT_ID)))
                .leftJoin(gp).on(gp.ID.eq(ledger.field(POOL)))
                .where(ledger.field(KIND).eq(ReportScope.GPU));
        var planned = select(s.EPISODE_ID, s.CODE, coalesce(ac.MODEL, inline(NO_MODEL)),
                coalesce(pgp.GPU_TYPE, inline(NO_DEVICE)), pi.PLANNED_GPU_HOURS, z, z)
                .from(pi)
                .join(s).on(s.ID.eq(pi.SHOT_ID))
                .leftJoin(ac).on(ac.SHOW_ID.eq(scope.showId()).and(ac.CODE.eq(pi.CAPABILITY_CODE)))
                .leftJoin(pgp).on(pgp.ID.eq(ac.GPU_POOL_ID))
                .where(pi.PLAN_ID.eq(scope.currentPlanId()))
                .and(pi.PLANNED_GPU_HOURS.ne(BigDecimal.ZERO));
        Table<?> u = actual.unionAll(planned).asTable("gu");
        Field<Long> episode = u.field(0, Long.class);
        Field<String> shot = u.field(1, String.class);
        Field<String> model = u.field(2, String.class);
        Field<String> device = u.field(3, String.class);
        return select(episode, shot, model, device, sum(u.field(4, BigDecimal.class)).as("planned"),
                sum(u.field(5, BigDecimal.class)).as("secs"), sum(u.field(6, BigDecimal.class)).as("cost"))
                .from(u)
                .where(scope.inScope(episode))
                .groupBy(episode, shot, model, device);
    }

    /**
     * A plan at grain (shot, discipline, cost line) with the item's mode: each {@code plan_item_cost} row as a
     * discipline line, and the item's planned cost less its discipline costs, where not zero, as a GPU, VENDOR or
     * OTHER line.
     */
    private static Select<? extends Record> planLines(long planId) {
        PlanItem pi = PLAN_ITEM.as("pi");
        PlanItemCost pic = PLAN_ITEM_COST.as("pic");
        var disciplines = select(pi.SHOT_ID.as("shot_id"), pic.DISCIPLINE_ID.as("disc"),
                inline(ReportScope.DISCIPLINE).as("kind"), pi.MODE.as("mode"), pic.COST.as("cost"),
                pic.ARTIST_DAYS.as("days"))
                .from(pic).join(pi).on(pi.ID.eq(pic.PLAN_ITEM_ID)).where(pi.PLAN_ID.eq(planId));
        PlanItem item = PLAN_ITEM.as("li");
        PlanItemCost line = PLAN_ITEM_COST.as("lc");
        Table<?> lines = select(line.PLAN_ITEM_ID.as("item"), sum(line.COST).as("lines"))
                .from(line).join(item).on(item.ID.eq(line.PLAN_ITEM_ID)).where(item.PLAN_ID.eq(planId))
                .groupBy(line.PLAN_ITEM_ID).asTable("il");
        Field<BigDecimal> rest = pi.PLANNED_COST.minus(coalesce(lines.field("lines", BigDecimal.class),
                inline(BigDecimal.ZERO)));
        var remainder = select(pi.SHOT_ID, castNull(SQLDataType.BIGINT), ReportScope.kindOfMode(pi.MODE), pi.MODE,
                rest, inline(BigDecimal.ZERO))
                .from(pi).leftJoin(lines).on(lines.field("item", Long.class).eq(pi.ID))
                .where(pi.PLAN_ID.eq(planId))
                .and(rest.ne(BigDecimal.ZERO));
        // (shot, discipline) is unique in a plan, and there is one remainder per shot: no grouping needed
        return disciplines.unionAll(remainder);
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
                        ledger.field(AMOUNT)).from(ledger).where(ledger.field(SHOT_ID).ne(LedgerRepository.NONE)))
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
