package io.shotplan.app.shot;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SEQUENCE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOT_ESTIMATE_OVERRIDE;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trim;
import static org.jooq.impl.DSL.sum;

import io.shotplan.app.web.NotFoundException;
import io.shotplan.app.web.PageOf;
import io.shotplan.app.shot.ShowView.EpisodeInfo;
import io.shotplan.app.shot.ShowView.HandBid;
import io.shotplan.app.shot.ShowView.ShotRow;
import io.shotplan.app.shot.ShowView.ShowInfo;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads shows, episodes and shots, with each shot's place in the show's current plan. */
@Repository
public class ShotQueries {

    /** The plan the shots list shows: the locked baseline, else the newest plan. */
    private static final Field<Long> CURRENT_PLAN = coalesce(SHOW.BASELINE_PLAN_ID,
            field(select(max(PLAN.ID)).from(PLAN).where(PLAN.SHOW_ID.eq(SHOW.ID))));

    private final DSLContext dsl;

    public ShotQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The active shows; with {@code archived}, the archived ones too. */
    public List<ShowInfo> shows(boolean archived) {
        return dsl.select(SHOW.CODE).from(SHOW).where(archived ? DSL.noCondition() : SHOW.ARCHIVED_AT.isNull())
                .orderBy(SHOW.CODE).fetch(SHOW.CODE).stream().map(this::show).toList();
    }

    public ShowInfo show(String code) {
        var show = dsl.selectFrom(SHOW).where(SHOW.CODE.eq(code)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("show", code));
        int episodes = dsl.fetchCount(EPISODE, EPISODE.SHOW_ID.eq(show.getId()));
        int shots = dsl.fetchCount(SHOT, SHOT.SHOW_ID.eq(show.getId()));
        Long latest = dsl.select(max(PLAN.ID)).from(PLAN).where(PLAN.SHOW_ID.eq(show.getId())).fetchOne(0, Long.class);
        return new ShowInfo(show.getCode(), show.getName(), show.getCurrency(), show.getStartDate(), episodes, shots,
                show.getBaselinePlanId(), latest, show.getArchivedAt());
    }

    public long showId(String code) {
        return dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(code)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new NotFoundException("show", code));
    }

    public List<EpisodeInfo> episodes(String showCode) {
        long showId = showId(showCode);
        return dsl.select(EPISODE.CODE, EPISODE.TITLE, EPISODE.DELIVERY_DATE, EPISODE.BUDGET, count(SHOT.ID),
                        coalesce(sum(SHOT.FRAME_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(EPISODE).leftJoin(SHOT).on(SHOT.EPISODE_ID.eq(EPISODE.ID))
                .where(EPISODE.SHOW_ID.eq(showId))
                .groupBy(EPISODE.ID, EPISODE.CODE, EPISODE.TITLE, EPISODE.DELIVERY_DATE, EPISODE.BUDGET)
                .orderBy(EPISODE.CODE)
                .fetch(r -> new EpisodeInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().longValue()));
    }

    public Optional<Long> currentPlanId(long showId) {
        return dsl.select(CURRENT_PLAN).from(SHOW).where(SHOW.ID.eq(showId)).fetchOptional(CURRENT_PLAN);
    }

    /** A show and the plan its shots list shows (-1 for none), in one query: the shots page is the busiest request. */
    private record ShowAndPlan(long showId, long planId) {
    }

    private ShowAndPlan showAndPlan(String code) {
        return dsl.select(SHOW.ID, CURRENT_PLAN).from(SHOW).where(SHOW.CODE.eq(code))
                .fetchOptional(r -> new ShowAndPlan(r.value1(), r.value2() == null ? -1 : r.value2()))
                .orElseThrow(() -> new NotFoundException("show", code));
    }

    public PageOf<ShotRow> shots(String showCode, ShotFilter filter, int page, int size) {
        return shots(showAndPlan(showCode), DSL.noCondition(), filter, page, size);
    }

    public ShotRow shot(String showCode, String shotCode) {
        return shots(showAndPlan(showCode), SHOT.CODE.eq(shotCode), new ShotFilter(null, null, null, null), 0, 1)
                .items().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("shot", showCode + "/" + shotCode));
    }

    private PageOf<ShotRow> shots(ShowAndPlan show, Condition extra, ShotFilter filter, int page, int size) {
        long showId = show.showId();
        long planId = show.planId();
        Condition where = SHOT.SHOW_ID.eq(showId).and(extra);
        if (filter.episode() != null && !filter.episode().isBlank()) {
            where = where.and(EPISODE.CODE.eq(filter.episode()));
        }
        if (filter.workType() != null && !filter.workType().isBlank()) {
            where = where.and(SHOT.WORK_TYPE.eq(filter.workType()));
        }
        if (filter.status() != null) {
            where = where.and(SHOT.STATUS.eq(filter.status().name()));
        }
        if (filter.mode() != null) {
            where = where.and(PLAN_ITEM.MODE.eq(filter.mode().name()));
        }
        var from = SHOT.join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .leftJoin(SEQUENCE).on(SEQUENCE.ID.eq(SHOT.SEQUENCE_ID))
                .leftJoin(PLAN_ITEM).on(PLAN_ITEM.SHOT_ID.eq(SHOT.ID).and(PLAN_ITEM.PLAN_ID.eq(planId)));
        long total = dsl.fetchCount(dsl.select(SHOT.ID).from(from).where(where));
        var handBids = multiset(select(SHOT_ESTIMATE_OVERRIDE.MODE, DISCIPLINE.CODE, SHOT_ESTIMATE_OVERRIDE.ARTIST_DAYS,
                        SHOT_ESTIMATE_OVERRIDE.GPU_HOURS, SHOT_ESTIMATE_OVERRIDE.VENDOR_COST,
                        trim(SHOT_ESTIMATE_OVERRIDE.VENDOR_CURRENCY))
                .from(SHOT_ESTIMATE_OVERRIDE)
                .leftJoin(DISCIPLINE).on(DISCIPLINE.ID.eq(SHOT_ESTIMATE_OVERRIDE.DISCIPLINE_ID))
                .where(SHOT_ESTIMATE_OVERRIDE.SHOT_ID.eq(SHOT.ID))
                .orderBy(SHOT_ESTIMATE_OVERRIDE.MODE, DISCIPLINE.CODE))
                .convertFrom(bids -> bids.map(Records.mapping(HandBid::new)));
        List<ShotRow> rows = dsl.select(SHOT.CODE, EPISODE.CODE, SEQUENCE.CODE, SHOT.DESCRIPTION, SHOT.FRAME_COUNT,
                        SHOT.WORK_TYPE, SHOT.COMPLEXITY, SHOT.STATUS, SHOT.PERFORMER_LIKENESS, SHOT.CONSENT_ON_FILE,
                        SHOT.HUMAN_ONLY, SHOT.PINNED_MODE, handBids, PLAN_ITEM.MODE, PLAN_ITEM.CAPABILITY_CODE,
                        PLAN_ITEM.PLANNED_COST, PLAN_ITEM.START_DATE, PLAN_ITEM.END_DATE, PLAN_ITEM.REASON)
                .from(from).where(where).orderBy(EPISODE.CODE, SHOT.CODE)
                .limit(size).offset((long) page * size)
                .fetch(r -> new ShotRow(r.get(SHOT.CODE), r.get(EPISODE.CODE), r.get(SEQUENCE.CODE),
                        r.get(SHOT.DESCRIPTION), r.get(SHOT.FRAME_COUNT), r.get(SHOT.WORK_TYPE), r.get(SHOT.COMPLEXITY),
                        r.get(SHOT.STATUS), r.get(SHOT.PERFORMER_LIKENESS), r.get(SHOT.CONSENT_ON_FILE),
                        r.get(SHOT.HUMAN_ONLY), r.get(SHOT.PINNED_MODE), r.get(handBids), r.get(PLAN_ITEM.MODE),
                        r.get(PLAN_ITEM.CAPABILITY_CODE), r.get(PLAN_ITEM.PLANNED_COST), r.get(PLAN_ITEM.START_DATE),
                        r.get(PLAN_ITEM.END_DATE), r.get(PLAN_ITEM.REASON)));
        return new PageOf<>(rows, page, size, total);
    }

    /** The show's AI capabilities: what a shot of a work type can be pinned to besides TRADITIONAL. */
    public List<ShowView.Capability> capabilities(String showCode) {
        return dsl.select(AI_CAPABILITY.CODE, AI_CAPABILITY.WORK_TYPE, AI_CAPABILITY.TIER, GPU_POOL.CODE, AI_CAPABILITY.VENDOR)
                .from(AI_CAPABILITY).leftJoin(GPU_POOL).on(GPU_POOL.ID.eq(AI_CAPABILITY.GPU_POOL_ID))
                .where(AI_CAPABILITY.SHOW_ID.eq(showId(showCode))).orderBy(AI_CAPABILITY.CODE)
                .fetch(r -> new ShowView.Capability(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The distinct work types of a show, for the filter's choices. */
    public List<String> workTypes(String showCode) {
        return dsl.selectDistinct(SHOT.WORK_TYPE).from(SHOT).where(SHOT.SHOW_ID.eq(showId(showCode)))
                .orderBy(SHOT.WORK_TYPE).fetch(SHOT.WORK_TYPE);
    }
}
