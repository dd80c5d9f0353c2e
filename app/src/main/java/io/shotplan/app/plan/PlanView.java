package io.shotplan.app.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shotplan.plan.shot.Baseline;
import io.shotplan.plan.shot.ShowPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API and pages show of a stored plan. */
public final class PlanView {

    private PlanView() {
    }

    /**
     * A plan at a glance.
     *
     * @param aiShare the share of planned shots done by AI (in-house or vendor), 0..1
     */
    public record PlanSummary(long id, String show, int version, String scenario, String score, boolean feasible,
                              String createdBy, OffsetDateTime createdAt, OffsetDateTime lockedAt, boolean baseline,
                              int shots, int aiShots, BigDecimal aiShare, BigDecimal plannedCost,
                              BigDecimal traditionalCost, LocalDate finish) {
    }

    /**
     * One episode in a plan: its budget against what the plan spends, and its delivery against the plan's finish.
     * {@code daysLate} counts working days past the planner's due day (delivery less the review buffer), the rule the
     * plan was scored by, so the page and the plan agree on which episodes are late.
     */
    public record EpisodeLine(String code, String title, BigDecimal budget, BigDecimal plannedCost,
                              LocalDate deliveryDate, LocalDate finish, int daysLate, int shots, int aiShots) {
        @JsonProperty // the Plan page colours and counts episodes by these; a record writes only its components
        public boolean overBudget() {
            return plannedCost.compareTo(budget) > 0;
        }

        @JsonProperty
        public boolean late() {
            return daysLate > 0;
        }
    }

    /** A shot's place in the plan, and why it got its mode. */
    public record Item(String shot, String episode, String workType, String mode, String capability,
                       LocalDate start, LocalDate end, BigDecimal plannedCost, BigDecimal traditionalCost,
                       BigDecimal plannedGpuHours, String reason) {
    }

    public record PlanDetail(PlanSummary summary, List<EpisodeLine> episodes, List<Item> items) {
    }

    /**
     * How good the plan is: its distance to what no plan can beat, and the rule-of-thumb plans beside it.
     *
     * @param costLowerBound the least cost of any plan within the policy that does as well on budgets and deliveries
     * @param costGapPercent how far the plan's cost can at most be above the best possible
     * @param unavoidable the episodes no plan can deliver on time and the days late the crews force, each with its
     *        proof in words
     * @param explanation the plan's explanation: rule by rule, what it breaks and by how much
     */
    public record Quality(BigDecimal costLowerBound, BigDecimal costGapPercent, List<BaselineLine> baselines,
                          List<String> unavoidable, List<String> explanation) {

        public static Quality of(ShowPlan plan) {
            return new Quality(plan.bound().costLowerBound(), plan.costGapPercent(),
                    plan.baselines().stream().map(BaselineLine::of).toList(), plan.bound().unavoidable(),
                    plan.explanation());
        }
    }

    /** A rule-of-thumb plan (all-traditional, greedy) summed up beside the plan. */
    public record BaselineLine(String name, BigDecimal totalCost, int lateEpisodes, int daysLate,
                               BigDecimal overBudget, long aiShots) {

        static BaselineLine of(Baseline b) {
            return new BaselineLine(b.name(), b.totalCost(), b.lateEpisodes(), b.daysLate(), b.overBudget(), b.aiShots());
        }
    }

    /** The Gantt chart: a row per discipline and per GPU pool (and one for vendors), with a bar per shot. */
    public record Timeline(LocalDate from, LocalDate to, List<TimelineRow> rows) {
    }

    /** @param kind DISCIPLINE, GPU_POOL or VENDOR */
    public record TimelineRow(String kind, String code, String name, List<Bar> bars) {
    }

    public record Bar(String shot, String episode, String mode, LocalDate start, LocalDate end, BigDecimal load) {
    }

    /** Two plans side by side and the shots that differ between them. */
    public record Comparison(PlanSummary a, PlanSummary b, List<EpisodeLine> episodesA, List<EpisodeLine> episodesB,
                             List<Change> changes) {
    }

    public record Change(String shot, String episode, String modeA, String modeB, LocalDate endA, LocalDate endB,
                         BigDecimal costA, BigDecimal costB) {
    }
}
