package io.shotplan.plan.shot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.shot.rules.EpisodeLimit;
import io.shotplan.plan.shot.rules.ModeChoice;
import io.shotplan.plan.shot.rules.ResourceDay;
import io.shotplan.plan.shot.rules.ShotPlacement;
import io.shotplan.plan.shot.rules.ShowLimit;
import io.shotplan.plan.shot.rules.ShowPlanCheck;
import io.shotplan.plan.shot.rules.ShowPlanConstraints;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;

/** Lays a decoded plan out for the business rules and explains its score match by match. */
public final class ShowPlanChecks {

    private static final SolutionManager<ShowPlanCheck, HardMediumSoftLongScore> MANAGER = SolutionManager.create(
            SolverFactory.create(new SolverConfig()
                    .withSolutionClass(ShowPlanCheck.class)
                    .withEntityClasses(ShotPlacement.class)
                    .withConstraintProviderClass(ShowPlanConstraints.class)));

    private ShowPlanChecks() {
    }

    public static ConstraintWeightOverrides<HardMediumSoftLongScore> weights(PlanWeights w) {
        Map<String, HardMediumSoftLongScore> weights = new HashMap<>();
        weights.put(ShowPlanConstraints.EPISODE_BUDGET, HardMediumSoftLongScore.ofMedium(w.overBudgetPerCent()));
        weights.put(ShowPlanConstraints.SHOW_BUDGET, HardMediumSoftLongScore.ofMedium(w.overBudgetPerCent()));
        weights.put(ShowPlanConstraints.EPISODE_DELIVERY, HardMediumSoftLongScore.ofMedium(w.lateDay()));
        weights.put(ShowPlanConstraints.TOTAL_COST, HardMediumSoftLongScore.ofSoft(w.costPerCent()));
        weights.put(ShowPlanConstraints.EPISODE_FINISH, HardMediumSoftLongScore.ofSoft(w.finishDay()));
        weights.put(ShowPlanConstraints.CHURN_MODE, HardMediumSoftLongScore.ofSoft(w.churnModeChange()));
        weights.put(ShowPlanConstraints.CHURN_START, HardMediumSoftLongScore.ofSoft(w.churnDayMoved()));
        return ConstraintWeightOverrides.of(weights);
    }

    /** The plan given by modes and start periods (by shot index), as the rules see it. */
    public static ShowPlanCheck of(CompiledShow compiled, ExecutionMode[] modes, int[] start) {
        ShotEstimator estimator = new ShotEstimator(compiled.show());
        String[] resources = compiled.resourceNames();
        List<ShotPlacement> placements = new ArrayList<>();
        List<Activity> activities = compiled.schedule().getActivities();
        Map<String, PreviousAssignment> previous = compiled.request().previous();
        Map<String, Pin> pins = new HashMap<>();
        compiled.request().pins().forEach(p -> pins.put(p.shotCode(), p));
        for (int i = 0; i < compiled.shots().size(); i++) {
            Shot shot = compiled.shots().get(i);
            // each option as it would cost from the shot's start: where prices depend on the day, they differ by start
            List<ModeChoice> options = new ArrayList<>();
            ModeChoice chosen = null;
            for (ExecutionMode mode : activities.get(i).getModeOptions()) {
                ModeChoice option = choice(compiled, mode, start[i], resources);
                options.add(option);
                chosen = mode.getKey() == modes[i].getKey() ? option : chosen;
            }
            Pin pin = compiled.isFixed(i) ? null : pins.get(shot.code());
            PreviousAssignment before = previous.get(shot.code());
            placements.add(new ShotPlacement(shot.code(), shot.episode(), options, chosen, start[i],
                    compiled.days().date(start[i]), activities.get(i).getReleasePeriod(), shot.dependsOn(),
                    estimator.whyNotAi(shot).orElse(null),
                    pin == null ? null : pin.modeLabel().orElse(null),
                    pin == null ? null : pin.start().map(d -> compiled.days().periodOnOrAfter(d)).orElse(null),
                    before == null ? null : before.modeLabel(),
                    before == null ? null : compiled.days().periodOnOrAfter(before.start())));
        }
        int horizon = 0;
        for (int i = 0; i < start.length; i++) {
            horizon = Math.max(horizon, start[i] + modes[i].getDuration());
        }
        List<ResourceDay> days = new ArrayList<>();
        for (int r = 0; r < resources.length; r++) {
            ResourceDay.Kind kind = r < compiled.disciplineCount() ? ResourceDay.Kind.ARTISTS : ResourceDay.Kind.GPU_HOURS;
            for (int t = 0; t < horizon; t++) {
                days.add(new ResourceDay(resources[r], kind, t, compiled.days().date(t),
                        compiled.schedule().getCalendar().capacity(r, t)));
            }
        }
        List<EpisodeLimit> episodes = new ArrayList<>();
        ShowObjective objective = compiled.objective();
        for (int e = 0; e < compiled.episodes().size(); e++) {
            episodes.add(new EpisodeLimit(compiled.episodes().get(e).code(),
                    CompiledShow.cents(compiled.episodes().get(e).budget()), compiled.duePeriod(e),
                    compiled.days().lastDay(compiled.duePeriod(e)), objective.maxAiShots(e)));
        }
        return new ShowPlanCheck(placements, days, episodes,
                new ShowLimit(CompiledShow.cents(compiled.show().spendableBudget())), weights(objective.weights()));
    }

    private static ModeChoice choice(CompiledShow compiled, ExecutionMode mode, int start, String[] resources) {
        Map<String, Integer> demand = new HashMap<>();
        for (int r = 0; r < resources.length; r++) {
            if (mode.renewableDemand()[r] > 0) {
                demand.put(resources[r], mode.renewableDemand()[r]);
            }
        }
        return new ModeChoice(compiled.estimate(mode).mode().label(), compiled.objective().isAi(mode),
                compiled.objective().costCents(mode, start), mode.getDuration(), demand);
    }

    public static ScoreAnalysis<HardMediumSoftLongScore> analyze(ShowPlanCheck check) {
        return MANAGER.analyze(check);
    }

    /** The broken rules and the largest matches of each, in words: what a producer reads under the plan. */
    public static List<String> explain(ShowPlanCheck check, int matchesPerRule) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = analyze(check);
        List<String> lines = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : analysis.constraintAnalyses()) {
            if (constraint.score().isZero()) {
                continue;
            }
            String level = constraint.score().hardScore() != 0 ? "hard" : constraint.score().mediumScore() != 0 ? "medium" : "soft";
            boolean preference = level.equals("soft");
            lines.add("%s (%s, %s): %d match%s".formatted(constraint.constraintName(), level, constraint.score(),
                    constraint.matchCount(), constraint.matchCount() == 1 ? "" : "es"));
            if (!preference && constraint.matches() != null) {
                constraint.matches().stream()
                        .sorted((a, b) -> a.score().compareTo(b.score()))
                        .limit(matchesPerRule)
                        .map(MatchAnalysis::justification)
                        .forEach(j -> lines.add("  - " + j));
            }
        }
        return lines;
    }
}
