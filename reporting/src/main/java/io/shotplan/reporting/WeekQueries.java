package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.CALENDAR_EXCEPTION;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.CREW_CAPACITY;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.schema.tables.AiCapability;
import io.shotplan.sql.schema.tables.CalendarException;
import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.CostLedgerRollup;
import io.shotplan.sql.schema.tables.CrewCapacity;
import io.shotplan.sql.schema.tables.GpuPool;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.PlanItemCost;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Time-phased figures: cost burn per episode and resource load per week. A plan item's cost, artist-days or GPU hours
 * are spread evenly over its calendar days, start and end included; week k runs from day 7k to day 7k + 6 after
 * {@link ReportScope#WEEK_ZERO}, a Monday.
 */
final class WeekQueries {

    /** Cumulative cost of an episode through a week, exact. */
    record BurnRow(long episodeId, int week, BigDecimal baseline, BigDecimal planned, BigDecimal actual) {
    }

    /** Load on a resource in a week, exact. */
    record LoadRow(String kind, long resourceId, int week, BigDecimal capacity, BigDecimal planned, BigDecimal actual) {
    }

    static final String CREW = "CREW";
    static final String GPU = "GPU";

    private static final Field<Integer> K = field(name("w", "k"), SQLDataType.INTEGER);

    /** Both kinds of rows. */
    record Result(List<BurnRow> burn, List<LoadRow> load) {
    }

    private final ReportScope scope;

    WeekQueries(ReportScope scope) {
        this.scope = scope;
    }

    /**
     * Burn and load in one statement over one pass of the ledger; rows of the first kind are B (burn: episode, week,
     * cumulative baseline, plan and actual), of the second U (load: kind, resource, week, capacity, planned, actual).
     */
    Result run() {
        Table<Record1<Integer>> weeks = weeks();
        // whole weeks from the ledger's rollup, the days of the as-of week from the ledger
        CostLedgerRollup w = COST_LEDGER_ROLLUP.as("w");
        Shot ws = SHOT.as("ws");
        var weekRows = select(ws.EPISODE_ID.as("e"), ReportScope.rollupId(w.DISCIPLINE_ID).as("disc"),
                ReportScope.rollupId(w.GPU_POOL_ID).as("pool"), ReportScope.weekNumber(w.WEEK_START).as("k"),
                w.AMOUNT.as("amount"), w.ARTIST_DAYS.as("days"), w.GPU_SECONDS.as("secs"))
                .from(w).leftJoin(ws).on(ws.ID.eq(w.SHOT_ID))
                .where(scope.actualsInRollup(w));
        CostLedger l = COST_LEDGER.as("l");
        Shot s = SHOT.as("ls");
        Table<?> rows = weekRows.unionAll(select(s.EPISODE_ID, l.DISCIPLINE_ID, l.GPU_POOL_ID,
                        ReportScope.weekNumber(l.OCCURRED_ON), l.AMOUNT, l.ARTIST_DAYS, l.GPU_SECONDS)
                        .from(l).leftJoin(s).on(s.ID.eq(l.SHOT_ID))
                        .where(scope.actualsOfAsOfWeek(l)))
                .asTable("lr");
        var ledger = name("report_ledger_weeks").as(select(rows.field("e"), rows.field("disc"), rows.field("pool"), rows.field("k"),
                sum(rows.field("amount", BigDecimal.class)).as("amount"),
                sum(rows.field("days", BigDecimal.class))
                        .filterWhere(rows.field("days", BigDecimal.class).ne(BigDecimal.ZERO)).as("days"),
                sum(rows.field("secs", BigDecimal.class))
                        .filterWhere(rows.field("secs", BigDecimal.class).ne(BigDecimal.ZERO)).as("secs"))
                .from(rows)
                .groupBy(rows.field("e"), rows.field("disc"), rows.field("pool"), rows.field("k")));

        Table<?> burn = burn(weeks, ledger).asTable("bu");
        Table<?> load = load(weeks, ledger).asTable("lo");
        Field<BigDecimal> none = org.jooq.impl.DSL.castNull(SQLDataType.NUMERIC);
        var all = select(inline("B").as("t"), burn.field(0, Long.class).as("e"),
                org.jooq.impl.DSL.castNull(SQLDataType.VARCHAR).as("kind"), burn.field(1, Integer.class).as("k"),
                burn.field(2, BigDecimal.class).as("n1"), burn.field(3, BigDecimal.class).as("n2"),
                burn.field(4, BigDecimal.class).as("n3"), none.as("n4"))
                .from(burn)
                .unionAll(select(inline("U"), load.field(1, Long.class), load.field(0, String.class),
                        load.field(2, Integer.class), load.field(3, BigDecimal.class), load.field(4, BigDecimal.class),
                        load.field(5, BigDecimal.class), none)
                        .from(load))
                .asTable("a");
        List<BurnRow> burnRows = new ArrayList<>();
        List<LoadRow> loadRows = new ArrayList<>();
        scope.dsl().with(ledger).select(all.fields())
                .from(all)
                .orderBy(all.field(0), all.field(3), all.field(2), all.field(1))
                .forEach(r -> {
                    if ("B".equals(r.get(0, String.class))) {
                        burnRows.add(new BurnRow(r.get(1, Long.class), r.get(3, Integer.class),
                                r.get(4, BigDecimal.class), r.get(5, BigDecimal.class), r.get(6, BigDecimal.class)));
                    } else {
                        loadRows.add(new LoadRow(r.get(2, String.class), r.get(1, Long.class), r.get(3, Integer.class),
                                r.get(4, BigDecimal.class), r.get(5, BigDecimal.class), r.get(6, BigDecimal.class)));
                    }
                });
        return new Result(burnRows, loadRows);
    }

    private Select<?> burn(Table<Record1<Integer>> weeks, CommonTableExpression<?> ledger) {
        Shot s = SHOT.as("s");
        PlanItem pi = PLAN_ITEM.as("pi");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        var baseline = select(s.EPISODE_ID.as("episode_id"), K.as("k"), spread(pi, pi.PLANNED_COST).as("b"),
                z.as("p"), z.as("a"))
                .from(pi).join(s).on(s.ID.eq(pi.SHOT_ID)).join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.baselinePlanId())).and(scope.inScope(s.EPISODE_ID));
        var current = select(s.EPISODE_ID, K, z, spread(pi, pi.PLANNED_COST), z)
                .from(pi).join(s).on(s.ID.eq(pi.SHOT_ID)).join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.currentPlanId())).and(scope.inScope(s.EPISODE_ID));
        Field<Long> ledgerEpisode = ledger.field("e", Long.class);
        var actual = select(ledgerEpisode, ledger.field("k", Integer.class), z, z, ledger.field("amount", BigDecimal.class))
                .from(ledger)
                .where(ledgerEpisode.isNotNull()).and(scope.inScope(ledgerEpisode));
        Table<?> u = baseline.unionAll(current).unionAll(actual).asTable("u");
        Field<Long> episode = u.field(0, Long.class);
        Field<Integer> week = u.field(1, Integer.class);
        Table<?> weekly = select(episode.as("episode_id"), week.as("k"),
                sum(u.field(2, BigDecimal.class)).as("b"), sum(u.field(3, BigDecimal.class)).as("p"),
                sum(u.field(4, BigDecimal.class)).as("a"))
                .from(u).groupBy(episode, week).asTable("g");
        Field<Long> ep = weekly.field("episode_id", Long.class);
        Field<Integer> k = weekly.field("k", Integer.class);
        var window = partitionBy(ep).orderBy(k);
        return select(ep, k, sum(weekly.field("b", BigDecimal.class)).over(window).as("b"),
                        sum(weekly.field("p", BigDecimal.class)).over(window).as("p"),
                        sum(weekly.field("a", BigDecimal.class)).over(window).as("a"))
                .from(weekly);
    }

    private Select<?> load(Table<Record1<Integer>> weeks, CommonTableExpression<?> ledger) {
        PlanItem pi = PLAN_ITEM.as("pi");
        PlanItemCost pic = PLAN_ITEM_COST.as("pic");
        AiCapability ac = AI_CAPABILITY.as("ac");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        Field<Long> lDisc = ledger.field("disc", Long.class);
        Field<Long> lPool = ledger.field("pool", Long.class);
        Field<Integer> lWeek = ledger.field("k", Integer.class);

        var crewPlanned = select(inline(CREW).as("kind"), pic.DISCIPLINE_ID.as("res"), K.as("k"),
                spread(pi, pic.ARTIST_DAYS).as("p"), z.as("a"))
                .from(pic).join(pi).on(pi.ID.eq(pic.PLAN_ITEM_ID)).join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.currentPlanId()));
        var gpuPlanned = select(inline(GPU), ac.GPU_POOL_ID, K, spread(pi, pi.PLANNED_GPU_HOURS), z)
                .from(pi)
                .join(ac).on(ac.SHOW_ID.eq(scope.showId()).and(ac.CODE.eq(pi.CAPABILITY_CODE)))
                .join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.currentPlanId()))
                .and(pi.PLANNED_GPU_HOURS.gt(BigDecimal.ZERO)).and(ac.GPU_POOL_ID.isNotNull());
        var crewActual = select(inline(CREW), lDisc, lWeek, z, sum(ledger.field("days", BigDecimal.class)))
                .from(ledger).where(lDisc.isNotNull()).groupBy(lDisc, lWeek);
        var gpuActual = select(inline(GPU), lPool, lWeek, z,
                sum(ledger.field("secs", BigDecimal.class)).div(inline(new BigDecimal(3600))))
                .from(ledger).where(lPool.isNotNull()).groupBy(lPool, lWeek);
        Table<?> u = crewPlanned.unionAll(gpuPlanned).unionAll(crewActual).unionAll(gpuActual).asTable("u");
        Field<String> kind = u.field(0, String.class);
        Field<Long> res = u.field(1, Long.class);
        Field<Integer> week = u.field(2, Integer.class);
        Table<?> g = select(kind.as("kind"), res.as("res"), week.as("k"),
                sum(u.field(3, BigDecimal.class)).as("p"), sum(u.field(4, BigDecimal.class)).as("a"))
                .from(u).groupBy(kind, res, week).asTable("g");

        Field<String> gKind = g.field("kind", String.class);
        Field<Long> gRes = g.field("res", Long.class);
        Field<Integer> gWeek = g.field("k", Integer.class);
        GpuPool gp = GPU_POOL.as("gp");
        Field<BigDecimal> gpuHoursPerDay = field(select(gp.HOURS_PER_DAY.mul(gp.GPU_COUNT)).from(gp).where(gp.ID.eq(gRes)));
        Field<BigDecimal> capacity = when(gKind.eq(CREW), crewDays(gRes, gWeek))
                .otherwise(coalesce(gpuHoursPerDay, z).mul(inline(scope.options().gpuDaysPerWeek())));

        return select(gKind, gRes, gWeek, capacity.as("capacity"), g.field("p", BigDecimal.class),
                g.field("a", BigDecimal.class))
                .from(g);
    }

    /**
     * Artist-days a discipline has in week k: the artists of each of the week's first
     * {@link ReportOptions#crewDaysPerWeek} days, summed. A day's artists are those of a calendar exception on that day
     * (holiday, closure, ramp), the discipline's own before one for everyone, else the crew capacity in force that day.
     */
    private Field<BigDecimal> crewDays(Field<Long> discipline, Field<Integer> week) {
        Table<Record1<Integer>> days = generateSeries(0, scope.options().crewDaysPerWeek() - 1).as("d", "i");
        Field<Integer> day = week.mul(inline(7)).plus(days.field(0, Integer.class));
        CalendarException ce = CALENDAR_EXCEPTION.as("ce");
        Field<BigDecimal> exception = field(select(ce.ARTISTS).from(ce)
                .where(ce.SHOW_ID.eq(scope.showId()))
                .and(ReportScope.dayNumber(ce.ON_DATE).eq(day))
                .and(ce.DISCIPLINE_ID.eq(discipline).or(ce.DISCIPLINE_ID.isNull()))
                .orderBy(ce.DISCIPLINE_ID.asc().nullsLast(), ce.ID.asc()).limit(inline(1)));
        CrewCapacity cc = CREW_CAPACITY.as("cc");
        Field<BigDecimal> crew = field(select(cc.ARTISTS).from(cc)
                .where(cc.DISCIPLINE_ID.eq(discipline))
                .and(ReportScope.dayNumber(cc.VALID_FROM).le(day))
                .orderBy(cc.VALID_FROM.desc()).limit(inline(1)));
        return coalesce(field(select(sum(coalesce(exception, crew))).from(days)), inline(BigDecimal.ZERO));
    }

    /** Every week any plan item of the current or baseline plan touches. */
    private Table<Record1<Integer>> weeks() {
        PlanItem pi = PLAN_ITEM.as("span");
        var span = scope.dsl().select(min(pi.START_DATE), max(pi.END_DATE)).from(pi)
                .where(pi.PLAN_ID.in(scope.currentPlanId(), scope.baselinePlanId()))
                .fetchSingle();
        if (span.value1() == null) {
            return generateSeries(0, -1).as("w", "k");
        }
        int first = (int) (java.time.temporal.ChronoUnit.DAYS.between(ReportScope.WEEK_ZERO, span.value1()) / 7);
        int last = (int) (java.time.temporal.ChronoUnit.DAYS.between(ReportScope.WEEK_ZERO, span.value2()) / 7);
        return generateSeries(first, last).as("w", "k");
    }

    /** The weeks a plan item's days fall in. */
    private static Condition covers(PlanItem pi) {
        return K.between(ReportScope.weekNumber(pi.START_DATE), ReportScope.weekNumber(pi.END_DATE));
    }

    /** The item's share of a quantity for week k: quantity × its days in week k ÷ all its days. */
    private static Field<BigDecimal> spread(PlanItem pi, Field<BigDecimal> quantity) {
        Field<Integer> start = ReportScope.dayNumber(pi.START_DATE);
        Field<Integer> end = ReportScope.dayNumber(pi.END_DATE);
        Field<Integer> weekFirst = K.mul(inline(7));
        Field<Integer> weekLast = weekFirst.plus(inline(6));
        Field<Integer> daysInWeek = least(end, weekLast).minus(greatest(start, weekFirst)).plus(inline(1));
        Field<Integer> days = end.minus(start).plus(inline(1));
        return quantity.cast(SQLDataType.DECIMAL(38, 16)).mul(daysInWeek).div(days);
    }
}
