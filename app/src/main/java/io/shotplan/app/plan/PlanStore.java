package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.max;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.plan.shot.PlannedShot;
import io.shotplan.plan.shot.ShowPlan;
import io.shotplan.show.AiCapability;
import io.shotplan.show.ModeEstimate;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import io.shotplan.show.WorkMode;
import io.shotplan.sql.TableStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a solved plan into plan, plan_item and plan_item_cost in one transaction, with its audit entry: a plan is
 * stored whole or not at all. Each item also keeps the same shot's traditional cost from its planned start, priced
 * by the planner on the cards of those days, and its traditional artist-days.
 */
@Repository
public class PlanStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The size of plan.solver_statistics. */
    private static final int STATISTICS_COLUMN = 8000;

    private final DSLContext dsl;
    private final AuditLog audit;

    public PlanStore(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** Stores the plan as the show's next version and returns its id. */
    public long save(long showId, Long scenarioId, Show show, ShowPlan plan, String createdBy, boolean stoppedEarly) {
        ShotEstimator estimator = new ShotEstimator(show);
        Map<String, Shot> shots = show.shots().stream().collect(Collectors.toMap(Shot::code, Function.identity()));
        Map<String, String> capabilityByLabel = new LinkedHashMap<>();
        for (AiCapability capability : show.capabilities()) {
            capabilityByLabel.put(WorkMode.of(capability).label(), capability.code());
        }
        long stored = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<String, Long> shotIds = db.select(SHOT.CODE, SHOT.ID).from(SHOT).where(SHOT.SHOW_ID.eq(showId))
                    .fetchMap(SHOT.CODE, SHOT.ID);
            Map<String, Long> disciplineIds = db.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE)
                    .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID);
            Integer last = db.select(max(PLAN.VERSION)).from(PLAN).where(PLAN.SHOW_ID.eq(showId)).fetchOne(0, Integer.class);
            int version = last == null ? 1 : last + 1;
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("solveMillis", plan.solveMillis());
            statistics.put("stoppedEarly", stoppedEarly);
            statistics.put("withinLimits", plan.withinLimits());
            statistics.put("totalCost", plan.totalCost());
            statistics.put("spendableBudget", plan.spendableBudget());
            statistics.put("quality", PlanView.Quality.of(plan));
            statistics.put("assumptions", plan.assumptions());
            long planId = db.insertInto(PLAN).set(PLAN.SHOW_ID, showId).set(PLAN.SCENARIO_ID, scenarioId)
                    .set(PLAN.VERSION, version).set(PLAN.SCORE, plan.score()).set(PLAN.FEASIBLE, plan.feasible())
                    .set(PLAN.SOLVER_STATISTICS, statisticsJson(statistics, plan))
                    .set(PLAN.CREATED_BY, createdBy)
                    .returningResult(PLAN.ID).fetchSingle(PLAN.ID);
            for (PlannedShot p : plan.shots()) {
                Shot shot = shots.get(p.shotCode());
                Long shotId = shotIds.get(p.shotCode());
                if (shot == null || shotId == null) {
                    throw new IllegalStateException("the plan has shot " + p.shotCode() + ", which the show does not");
                }
                ModeEstimate traditional = estimator.traditional(shot);
                String capability = "TRADITIONAL".equals(p.modeKind()) ? null : capabilityByLabel.get(p.modeLabel());
                long itemId = db.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, planId).set(PLAN_ITEM.SHOT_ID, shotId)
                        .set(PLAN_ITEM.MODE, p.modeKind()).set(PLAN_ITEM.CAPABILITY_CODE, capability)
                        .set(PLAN_ITEM.START_DATE, p.start()).set(PLAN_ITEM.END_DATE, p.lastDay())
                        .set(PLAN_ITEM.PLANNED_COST, p.cost()).set(PLAN_ITEM.PLANNED_GPU_HOURS, p.gpuHours())
                        .set(PLAN_ITEM.TRADITIONAL_COST, p.traditionalCost())
                        .set(PLAN_ITEM.TRADITIONAL_DAYS, traditional.totalArtistDays().setScale(0, RoundingMode.CEILING).intValue())
                        .set(PLAN_ITEM.REASON, p.reason() == null ? null : truncate(p.reason().summary(), 2000))
                        .returningResult(PLAN_ITEM.ID).fetchSingle(PLAN_ITEM.ID);
                for (var days : p.artistDays().entrySet()) {
                    Long disciplineId = disciplineIds.get(days.getKey());
                    if (disciplineId == null || days.getValue().signum() == 0) {
                        continue;
                    }
                    db.insertInto(PLAN_ITEM_COST).set(PLAN_ITEM_COST.PLAN_ITEM_ID, itemId)
                            .set(PLAN_ITEM_COST.DISCIPLINE_ID, disciplineId)
                            .set(PLAN_ITEM_COST.ARTIST_DAYS, days.getValue())
                            .set(PLAN_ITEM_COST.COST, p.costByDiscipline().getOrDefault(days.getKey(), BigDecimal.ZERO))
                            .execute();
                }
            }
            audit.recordAs(db, createdBy, "CREATE", "plan", String.valueOf(planId), "show " + show.code() + " version " + version
                    + ", score " + plan.score() + ", cost " + plan.totalCost().toPlainString()
                    + (stoppedEarly ? ", stopped early" : "") + (scenarioId == null ? "" : ", scenario " + scenarioId));
            return planId;
        });
        // the reports and plan pages ask for this plan's items next: planned from statistics that miss them, they
        // join the items by nested loops over the whole plan
        TableStatistics.refresh(dsl, PLAN_ITEM, PLAN_ITEM_COST);
        return stored;
    }

    /**
     * The statistics as JSON within the column's 8,000 characters: where the explanation is too long, its last lines
     * go (the quality's figures and the first lines stay), so what is stored always reads back.
     */
    private static String statisticsJson(Map<String, Object> statistics, ShowPlan plan) {
        java.util.List<String> explanation = plan.explanation();
        for (int lines = explanation.size(); ; lines--) {
            PlanView.Quality full = PlanView.Quality.of(plan);
            statistics.put("quality", new PlanView.Quality(full.costLowerBound(), full.costGapPercent(),
                    full.baselines(), full.unavoidable(), explanation.subList(0, Math.max(lines, 0))));
            String json = JSON.writeValueAsString(statistics);
            if (json.length() <= STATISTICS_COLUMN || lines <= 0) {
                return truncate(json, STATISTICS_COLUMN);
            }
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
