package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SCENARIO;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.shotplan.app.plan.PlanView.Bar;
import io.shotplan.app.plan.PlanView.Change;
import io.shotplan.app.plan.PlanView.Comparison;
import io.shotplan.app.plan.PlanView.EpisodeLine;
import io.shotplan.app.plan.PlanView.Item;
import io.shotplan.app.plan.PlanView.PlanDetail;
import io.shotplan.app.plan.PlanView.PlanSummary;
import io.shotplan.app.plan.PlanView.Timeline;
import io.shotplan.app.plan.PlanView.TimelineRow;
import io.shotplan.app.scenario.ScenarioChanges;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.app.web.PageOf;
import io.shotplan.plan.shot.WorkingDays;
import io.shotplan.show.Episode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads stored plans: summaries, per-episode lines, items, the timeline and the comparison of two plans. */
@Repository
public class PlanQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Field<Integer> AI_ITEMS = sum(when(PLAN_ITEM.MODE.ne("TRADITIONAL"), inline(1)).otherwise(inline(0)))
            .cast(Integer.class);

    private final DSLContext dsl;

    public PlanQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<PlanSummary> plans(String showCode) {
        long showId = dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new NotFoundException("show", showCode));
        return summaries(PLAN.SHOW_ID.eq(showId));
    }

    public PlanSummary summary(long planId) {
        return summaries(PLAN.ID.eq(planId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
    }

    private List<PlanSummary> summaries(Condition where) {
        var totals = dsl.select(PLAN_ITEM.PLAN_ID, count().as("shots"), AI_ITEMS.as("ai"),
                        sum(PLAN_ITEM.PLANNED_COST).as("cost"), sum(PLAN_ITEM.TRADITIONAL_COST).as("trad"),
                        max(PLAN_ITEM.END_DATE).as("finish"))
                .from(PLAN_ITEM).groupBy(PLAN_ITEM.PLAN_ID).asTable("totals");
        var planId = totals.field(PLAN_ITEM.PLAN_ID);
        return dsl.select(PLAN.ID, SHOW.CODE, PLAN.VERSION, SCENARIO.NAME, PLAN.SCORE, PLAN.FEASIBLE, PLAN.CREATED_BY,
                        PLAN.CREATED_AT, PLAN.LOCKED_AT, SHOW.BASELINE_PLAN_ID,
                        coalesce(totals.field("shots", Integer.class), inline(0)),
                        coalesce(totals.field("ai", Integer.class), inline(0)),
                        coalesce(totals.field("cost", BigDecimal.class), inline(BigDecimal.ZERO)),
                        coalesce(totals.field("trad", BigDecimal.class), inline(BigDecimal.ZERO)),
                        totals.field("finish", LocalDate.class))
                .from(PLAN).join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID))
                .leftJoin(SCENARIO).on(SCENARIO.ID.eq(PLAN.SCENARIO_ID))
                .leftJoin(totals).on(planId.eq(PLAN.ID))
                .where(where).orderBy(PLAN.VERSION.desc())
                .fetch(r -> new PlanSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), Objects.equals(r.value10(), r.value1()), r.value11(),
                        r.value12(), share(r.value12(), r.value11()), r.value13(), r.value14(), r.value15()));
    }

    public PlanDetail detail(long planId) {
        PlanSummary summary = summary(planId);
        return new PlanDetail(summary, episodes(planId), items(planId));
    }

    /**
     * The plan's gap to the best possible and the rule-of-thumb plans beside it, as computed when it was solved.
     * Plans stored before these were computed have none: their quality is empty.
     */
    public PlanView.Quality quality(long planId) {
        String statistics = dsl.select(PLAN.SOLVER_STATISTICS).from(PLAN).where(PLAN.ID.eq(planId))
                .fetchOptional(PLAN.SOLVER_STATISTICS)
                .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
        JsonNode quality = statistics == null ? null : JSON.readTree(statistics).get("quality");
        if (quality == null || quality.isNull()) {
            return new PlanView.Quality(null, null, List.of(), List.of(), List.of());
        }
        return JSON.treeToValue(quality, PlanView.Quality.class);
    }

    /** Per episode: the plan's cost and finish against the budget and delivery of the plan's scenario (if any). */
    public List<EpisodeLine> episodes(long planId) {
        var plan = dsl.select(PLAN.SHOW_ID, SCENARIO.CHANGES, SHOW.START_DATE, SHOW.REVIEW_BUFFER_DAYS).from(PLAN)
                .join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID))
                .leftJoin(SCENARIO).on(SCENARIO.ID.eq(PLAN.SCENARIO_ID))
                .where(PLAN.ID.eq(planId)).fetchSingle();
        long showId = plan.value1();
        ScenarioChanges scenario = ScenarioChanges.fromJson(plan.value2());
        WorkingDays days = new WorkingDays(plan.value3());
        int reviewBuffer = plan.value4();
        var inPlan = dsl.select(SHOT.EPISODE_ID, count().as("shots"), AI_ITEMS.as("ai"),
                        sum(PLAN_ITEM.PLANNED_COST).as("cost"), max(PLAN_ITEM.END_DATE).as("finish"))
                .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId)).groupBy(SHOT.EPISODE_ID).asTable("in_plan");
        return dsl.select(EPISODE.CODE, EPISODE.TITLE, EPISODE.BUDGET,
                        coalesce(inPlan.field("cost", BigDecimal.class), inline(BigDecimal.ZERO)),
                        EPISODE.DELIVERY_DATE, inPlan.field("finish", LocalDate.class),
                        coalesce(inPlan.field("shots", Integer.class), inline(0)),
                        coalesce(inPlan.field("ai", Integer.class), inline(0)))
                .from(EPISODE).leftJoin(inPlan).on(inPlan.field(SHOT.EPISODE_ID).eq(EPISODE.ID))
                .where(EPISODE.SHOW_ID.eq(showId)).orderBy(EPISODE.CODE)
                .fetch(r -> {
                    Episode episode = scenario.applyTo(new Episode(r.value1(), r.value2(), r.value5(), r.value3()));
                    LocalDate finish = r.value6();
                    int daysLate = finish == null ? 0
                            : Math.max(0, -days.slackDays(finish, episode.deliveryDate(), reviewBuffer));
                    return new EpisodeLine(r.value1(), r.value2(), episode.budget(), r.value4(), episode.deliveryDate(),
                            finish, daysLate, r.value7(), r.value8());
                });
    }

    public List<Item> items(long planId) {
        return items(planId, DSL.noCondition(), 0, Integer.MAX_VALUE);
    }

    /** A page of the plan's shots in start order, optionally of one episode and one mode kind. */
    public PageOf<Item> items(long planId, String episode, String mode, int page, int size) {
        summary(planId);
        Condition where = DSL.noCondition();
        if (episode != null && !episode.isBlank()) {
            where = where.and(EPISODE.CODE.eq(episode));
        }
        if (mode != null && !mode.isBlank()) {
            where = where.and(PLAN_ITEM.MODE.eq(mode));
        }
        long total = dsl.fetchCount(dsl.select(PLAN_ITEM.ID).from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID)).where(PLAN_ITEM.PLAN_ID.eq(planId)).and(where));
        return new PageOf<>(items(planId, where, page, size), page, size, total);
    }

    private List<Item> items(long planId, Condition where, int page, int size) {
        return dsl.select(SHOT.CODE, EPISODE.CODE, SHOT.WORK_TYPE, PLAN_ITEM.MODE, PLAN_ITEM.CAPABILITY_CODE,
                        PLAN_ITEM.START_DATE, PLAN_ITEM.END_DATE, PLAN_ITEM.PLANNED_COST, PLAN_ITEM.TRADITIONAL_COST,
                        PLAN_ITEM.PLANNED_GPU_HOURS, PLAN_ITEM.REASON)
                .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId)).and(where).orderBy(PLAN_ITEM.START_DATE, SHOT.CODE)
                .limit(size).offset((long) page * size)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11()));
    }

    /** Bars per discipline (from the item's artist-days) and per GPU pool (in-house AI items), plus vendors. */
    public Timeline timeline(long planId) {
        return timeline(planId, null);
    }

    /** The timeline of the whole plan, or of one episode's shots. */
    public Timeline timeline(long planId, String episode) {
        summary(planId);
        Condition ofEpisode = episode == null || episode.isBlank() ? DSL.noCondition() : EPISODE.CODE.eq(episode);
        Map<String, TimelineRow> rows = new LinkedHashMap<>();
        dsl.select(DISCIPLINE.CODE, DISCIPLINE.NAME, SHOT.CODE, EPISODE.CODE, PLAN_ITEM.MODE, PLAN_ITEM.START_DATE,
                        PLAN_ITEM.END_DATE, PLAN_ITEM_COST.ARTIST_DAYS)
                .from(PLAN_ITEM_COST).join(PLAN_ITEM).on(PLAN_ITEM.ID.eq(PLAN_ITEM_COST.PLAN_ITEM_ID))
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(PLAN_ITEM_COST.DISCIPLINE_ID))
                .join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID)).join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId)).and(ofEpisode).orderBy(DISCIPLINE.ID, PLAN_ITEM.START_DATE, SHOT.CODE)
                .forEach(r -> rows.computeIfAbsent("D:" + r.value1(),
                                k -> new TimelineRow("DISCIPLINE", r.value1(), r.value2(), new ArrayList<>()))
                        .bars().add(new Bar(r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8())));
        dsl.select(GPU_POOL.CODE, GPU_POOL.GPU_TYPE, SHOT.CODE, EPISODE.CODE, PLAN_ITEM.MODE, PLAN_ITEM.START_DATE,
                        PLAN_ITEM.END_DATE, PLAN_ITEM.PLANNED_GPU_HOURS, AI_CAPABILITY.VENDOR)
                .from(PLAN_ITEM).join(PLAN).on(PLAN.ID.eq(PLAN_ITEM.PLAN_ID))
                .join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID)).join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .join(AI_CAPABILITY).on(AI_CAPABILITY.SHOW_ID.eq(PLAN.SHOW_ID).and(AI_CAPABILITY.CODE.eq(PLAN_ITEM.CAPABILITY_CODE)))
                .leftJoin(GPU_POOL).on(GPU_POOL.ID.eq(AI_CAPABILITY.GPU_POOL_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId), PLAN_ITEM.MODE.ne("TRADITIONAL")).and(ofEpisode)
                .orderBy(GPU_POOL.ID, PLAN_ITEM.START_DATE, SHOT.CODE)
                .forEach(r -> {
                    boolean vendor = r.value1() == null;
                    String key = vendor ? "V:" + r.value9() : "G:" + r.value1();
                    rows.computeIfAbsent(key, k -> vendor
                                    ? new TimelineRow("VENDOR", r.value9(), "vendor " + r.value9(), new ArrayList<>())
                                    : new TimelineRow("GPU_POOL", r.value1(), r.value1() + " (" + r.value2() + ")", new ArrayList<>()))
                            .bars().add(new Bar(r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
                });
        List<TimelineRow> ordered = rows.values().stream()
                .sorted(Comparator.comparing((TimelineRow row) -> !row.kind().equals("DISCIPLINE"))).toList();
        LocalDate from = ordered.stream().flatMap(r -> r.bars().stream()).map(Bar::start).min(LocalDate::compareTo).orElse(null);
        LocalDate to = ordered.stream().flatMap(r -> r.bars().stream()).map(Bar::end).max(LocalDate::compareTo).orElse(null);
        return new Timeline(from, to, ordered);
    }

    public Comparison compare(long a, long b) {
        PlanSummary summaryA = summary(a);
        PlanSummary summaryB = summary(b);
        if (!summaryA.show().equals(summaryB.show())) {
            throw new IllegalArgumentException("plans " + a + " and " + b + " belong to different shows");
        }
        Map<String, Item> itemsA = items(a).stream().collect(Collectors.toMap(Item::shot, Function.identity()));
        Map<String, Item> itemsB = items(b).stream().collect(Collectors.toMap(Item::shot, Function.identity()));
        List<Change> changes = new ArrayList<>();
        new java.util.TreeSet<>(itemsA.keySet()) {{ addAll(itemsB.keySet()); }}.forEach(shot -> {
            Item x = itemsA.get(shot);
            Item y = itemsB.get(shot);
            boolean same = x != null && y != null && x.mode().equals(y.mode())
                    && Objects.equals(x.capability(), y.capability()) && x.end().equals(y.end())
                    && x.plannedCost().compareTo(y.plannedCost()) == 0;
            if (!same) {
                Item any = x != null ? x : y;
                changes.add(new Change(shot, any.episode(), x == null ? null : label(x), y == null ? null : label(y),
                        x == null ? null : x.end(), y == null ? null : y.end(),
                        x == null ? null : x.plannedCost(), y == null ? null : y.plannedCost()));
            }
        });
        return new Comparison(summaryA, summaryB, episodes(a), episodes(b), changes);
    }

    private static String label(Item item) {
        return item.capability() == null ? item.mode() : item.mode() + " " + item.capability();
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
