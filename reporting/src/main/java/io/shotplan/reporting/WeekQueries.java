package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
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
import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.CrewCapacity;
import io.shotplan.sql.schema.tables.GpuPool;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.PlanItemCost;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
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

    private final ReportScope scope;

    WeekQueries(ReportScope scope) {
        this.scope = scope;
    }

    List<BurnRow> burn() {
        Table<Record1<Integer>> weeks = weeks();
        Shot s = SHOT.as("s");
        PlanItem pi = PLAN_ITEM.as("pi");
        CostLedger l = COST_LEDGER.as("l");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        var baseline = select(s.EPISODE_ID.as("episode_id"), K.as("k"), spread(pi, pi.PLANNED_COST).as("b"),
                z.as("p"), z.as("a"))
                .from(pi).join(s).on(s.ID.eq(pi.SHOT_ID)).join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.baselinePlanId())).and(scope.inScope(s.EPISODE_ID));
        var current = select(s.EPISODE_ID, K, z, spread(pi, pi.PLANNED_COST), z)
                .from(pi).join(s).on(s.ID.eq(pi.SHOT_ID)).join(weeks).on(covers(pi))
                .where(pi.PLAN_ID.eq(scope.currentPlanId())).and(scope.inScope(s.EPISODE_ID));
        var actual = select(s.EPISODE_ID, ReportScope.weekNumber(l.OCCURRED_ON), z, z, l.AMOUNT)
                .from(l).join(s).on(s.ID.eq(l.SHOT_ID))
                .where(scope.actuals(l)).and(scope.inScope(s.EPISODE_ID));
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
        return scope.dsl()
                .select(ep, k, sum(weekly.field("b", BigDecimal.class)).over(window),
                        sum(weekly.field("p", BigDecimal.class)).over(window),
                        sum(weekly.field("a", BigDecimal.class)).over(window))
                .from(weekly)
                .orderBy(ep, k)
                .fetch(r -> new BurnRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    List<LoadRow> load() {
        Table<Record1<Integer>> weeks = weeks();
        PlanItem pi = PLAN_ITEM.as("pi");
        PlanItemCost pic = PLAN_ITEM_COST.as("pic");
        AiCapability ac = AI_CAPABILITY.as("ac");
        CostLedger l = COST_LEDGER.as("l");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);

        var ledger = name("lw").as(select(l.DISCIPLINE_ID.as("disc"), l.GPU_POOL_ID.as("pool"),
                ReportScope.weekNumber(l.OCCURRED_ON).as("k"), l.ARTIST_DAYS.as("days"), l.GPU_SECONDS.as("secs"))
                .from(l)
                .where(scope.actuals(l))
                .and(l.DISCIPLINE_ID.isNotNull().or(l.GPU_POOL_ID.isNotNull())));
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
        CrewCapacity cc = CREW_CAPACITY.as("cc");
        GpuPool gp = GPU_POOL.as("gp");
        Field<BigDecimal> artists = field(select(cc.ARTISTS).from(cc)
                .where(cc.DISCIPLINE_ID.eq(gRes))
                .and(ReportScope.dayNumber(cc.VALID_FROM).le(gWeek.mul(inline(7))))
                .orderBy(cc.VALID_FROM.desc()).limit(inline(1)));
        Field<BigDecimal> gpuHoursPerDay = field(select(gp.HOURS_PER_DAY.mul(gp.GPU_COUNT)).from(gp).where(gp.ID.eq(gRes)));
        Field<BigDecimal> capacity = when(gKind.eq(CREW),
                coalesce(artists, z).mul(inline(scope.options().crewDaysPerWeek())))
                .otherwise(coalesce(gpuHoursPerDay, z).mul(inline(scope.options().gpuDaysPerWeek())));

        return scope.dsl().with(ledger)
                .select(gKind, gRes, gWeek, capacity, g.field("p", BigDecimal.class), g.field("a", BigDecimal.class))
                .from(g)
                .orderBy(gWeek, gKind, gRes)
                .fetch(r -> new LoadRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
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
