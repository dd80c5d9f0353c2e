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
import io.shotplan.sql.schema.tables.records.PlanItemCostRecord;
import io.shotplan.sql.schema.tables.records.PlanItemRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.TableRecord;
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
    /**
     * Rows per INSERT: a plan's items and costs go in a few statements instead of a round trip each (a season of
     * 20,000 shots has some 60,000 rows), each within PostgreSQL's limit of 65,535 bind values.
     */
    private static final int ROWS_PER_INSERT = 1_000;
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
            List<PlanItemRecord> items = new ArrayList<>(plan.shots().size());
            for (PlannedShot p : plan.shots()) {
                Shot shot = shots.get(p.shotCode());
                Long shotId = shotIds.get(p.shotCode());
                if (shot == null || shotId == null) {
                    throw new IllegalStateException("the plan has shot " + p.shotCode() + ", which the show does not");
                }
                ModeEstimate traditional = estimator.traditional(shot);
                String capability = "TRADITIONAL".equals(p.modeKind()) ? null : capabilityByLabel.get(p.modeLabel());
                PlanItemRecord item = new PlanItemRecord();
                item.setPlanId(planId);
                item.setShotId(shotId);
                item.setMode(p.modeKind());
                item.setCapabilityCode(capability);
                item.setStartDate(p.start());
                item.setEndDate(p.lastDay());
                item.setPlannedCost(p.cost());
                item.setPlannedGpuHours(p.gpuHours());
                item.setTraditionalCost(p.traditionalCost());
                item.setTraditionalDays(traditional.totalArtistDays().setScale(0, RoundingMode.CEILING).intValue());
                item.setReason(p.reason() == null ? null : truncate(p.reason().summary(), 2000));
                items.add(item);
            }
            Map<Long, Long> itemIdByShot = new HashMap<>();
            for (List<PlanItemRecord> rows : chunks(items)) {
                itemIdByShot.putAll(insert(db, rows).returningResult(PLAN_ITEM.SHOT_ID, PLAN_ITEM.ID)
                        .fetchMap(PLAN_ITEM.SHOT_ID, PLAN_ITEM.ID));
            }
            List<PlanItemCostRecord> costs = new ArrayList<>();
            for (PlannedShot p : plan.shots()) {
                long itemId = itemIdByShot.get(shotIds.get(p.shotCode()));
                for (var days : p.artistDays().entrySet()) {
                    Long disciplineId = disciplineIds.get(days.getKey());
                    if (disciplineId == null || days.getValue().signum() == 0) {
                        continue;
                    }
                    costs.add(new PlanItemCostRecord().with(PLAN_ITEM_COST.PLAN_ITEM_ID, itemId)
                            .with(PLAN_ITEM_COST.DISCIPLINE_ID, disciplineId)
                            .with(PLAN_ITEM_COST.ARTIST_DAYS, days.getValue())
                            .with(PLAN_ITEM_COST.COST, p.costByDiscipline().getOrDefault(days.getKey(), BigDecimal.ZERO)));
                }
            }
            for (List<PlanItemCostRecord> rows : chunks(costs)) {
                insert(db, rows).execute();
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

    /** One INSERT of many rows, all with the same columns set. */
    private static <R extends TableRecord<R>> InsertSetMoreStep<R> insert(DSLContext db, List<R> rows) {
        InsertSetMoreStep<R> insert = db.insertInto(rows.getFirst().getTable()).set(rows.getFirst());
        for (R row : rows.subList(1, rows.size())) {
            insert = insert.newRecord().set(row);
        }
        return insert;
    }

    /** The rows in runs of {@link #ROWS_PER_INSERT}. */
    private static <R> List<List<R>> chunks(List<R> rows) {
        List<List<R>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
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
