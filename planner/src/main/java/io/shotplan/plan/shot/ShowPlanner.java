package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.plan.solver.SerialScheduleDecoder;
import io.shotplan.plan.solver.WindowedSolver;
import io.shotplan.show.Episode;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.ModeEstimate;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;

/**
 * Plans a show: chooses each shot's mode and dates with the MRCPSP engine, then explains the result.
 * The entry point for the app: {@link #plan(Show, PlanRequest)}.
 */
public final class ShowPlanner {

    private static final int HAND_BID_SHOTS_LISTED = 10;

    /** Above this many shots, reasons compare estimates only instead of re-scoring the plan per alternative. */
    static final int RESCORE_REASONS_UP_TO_SHOTS = 2_000;
    static final int WINDOWED_ABOVE_SHOTS = 2_000;
    static final int WINDOW_SHOTS = 1_000;

    private ShowPlanner() {
    }

    public static ShowPlan plan(Show show, PlanRequest request) {
        return plan(show, request, score -> { });
    }

    /**
     * Like {@link #plan(Show, PlanRequest)}, telling {@code onNewBestScore} the search's best score each time it
     * improves, for progress displays. Interrupting the calling thread stops the search and keeps its best plan.
     */
    public static ShowPlan plan(Show show, PlanRequest request, Consumer<String> onNewBestScore) {
        return plan(show, request, onNewBestScore, true);
    }

    /**
     * A re-solve of a relaxed show ({@link WhatWouldFixIt}): only its episodes and cost are read, so its bound leaves
     * out the crews' relaxation, which takes seconds at thousands of shots.
     */
    static ShowPlan relaxedPlan(Show show, PlanRequest request) {
        return plan(show, request, score -> { }, false);
    }

    private static ShowPlan plan(Show show, PlanRequest request, Consumer<String> onNewBestScore, boolean countCrews) {
        CompiledShow compiled = new CompiledShow(show, request);
        if (compiled.shots().isEmpty()) {
            // nothing to schedule (every shot omitted, or none yet): say so rather than start a solver
            List<EpisodePlan> episodes = new ArrayList<>();
            for (int e = 0; e < compiled.episodes().size(); e++) {
                Episode episode = compiled.episodes().get(e);
                int due = compiled.duePeriod(e);
                episodes.add(new EpisodePlan(episode.code(), BigDecimal.ZERO, episode.budget(), compiled.days().start(),
                        compiled.days().lastDay(due), episode.deliveryDate(), due, 0, 0));
            }
            return new ShowPlan(show.code(), List.of(), episodes, BigDecimal.ZERO, show.spendableBudget(),
                    HardMediumSoftLongScore.ZERO.toString(), true, true, List.of("No shots to plan."),
                    compiled.assumptions(), 0, List.of(), new PlanBound(BigDecimal.ZERO, List.of(), 0));
        }
        // no restarts: a show's search improves steadily, and a restart would throw that progress away
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(request.timeLimit()).withSeed(request.seed())
                .withMoveCountLimit(request.moveLimit()).withRestartAfterUnimprovedSteps(0);
        ProjectSolver.Result traditional = Baselines.allTraditional(compiled);
        ProjectSolver.Result greedy = Baselines.greedy(compiled);
        startFrom(compiled, greedy);
        ProjectSolver.Result result = solve(compiled, settings, best -> onNewBestScore.accept(best.score().toString()));
        List<Baseline> baselines = List.of(baseline(Baseline.ALL_TRADITIONAL, compiled, traditional),
                baseline(Baseline.GREEDY, compiled, greedy));
        // never worse than the spreadsheet: where the search ended below the cheapest-mode rule, the rule's plan is
        // the answer (and says so)
        if (greedy.score().compareTo(result.score()) > 0) {
            ShowPlan plan = toPlan(compiled, greedy, baselines, PlanBound.of(compiled, greedy.score(), countCrews));
            List<String> explanation = new ArrayList<>(plan.explanation());
            explanation.add(0, "The search did not beat the greedy plan (cheapest eligible mode per shot) in its time: "
                    + "this plan is the greedy one.");
            return plan.withExplanation(explanation);
        }
        return toPlan(compiled, result, baselines, PlanBound.of(compiled, result.score(), countCrews));
    }

    /**
     * A first plan (no previous one to start from) starts from the greedy plan's modes, so the search begins where
     * the spreadsheet's rule ends and only moves away from it for a better score; the construction orders the list.
     */
    private static void startFrom(CompiledShow compiled, ProjectSolver.Result greedy) {
        if (!compiled.schedule().getSequence().getActivities().isEmpty()) {
            return;
        }
        for (Activity activity : compiled.schedule().getActivities()) {
            activity.setMode(greedy.modes().get(activity.getIndex()));
        }
    }

    /** A rule-of-thumb plan summed up like the plan itself: cost, late episodes and days, money over budget. */
    static Baseline baseline(String name, CompiledShow compiled, ProjectSolver.Result result) {
        ExecutionMode[] modes = result.modes().toArray(ExecutionMode[]::new);
        int[] start = result.starts().stream().mapToInt(Integer::intValue).toArray();
        int[] finish = result.finishes().stream().mapToInt(Integer::intValue).toArray();
        List<EpisodePlan> episodes = episodePlans(compiled, modes, start, finish);
        int late = 0;
        int days = 0;
        BigDecimal over = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (EpisodePlan e : episodes) {
            if (e.isLate()) {
                late++;
                days -= e.slackDays();
            }
            over = over.add(e.overBudget());
            total = total.add(e.cost());
        }
        long ai = 0;
        for (ExecutionMode mode : modes) {
            ai += compiled.estimate(mode).mode() instanceof io.shotplan.show.WorkMode.Traditional ? 0 : 1;
        }
        return new Baseline(name, total, late, days, over, ai, result.score().toString());
    }

    /**
     * Each episode's cost (its shots' estimates priced on their scheduled days, in cents as the plan prints them),
     * finish and slack.
     */
    static List<EpisodePlan> episodePlans(CompiledShow compiled, ExecutionMode[] modes, int[] start, int[] finish) {
        WorkingDays days = compiled.days();
        List<Shot> shots = compiled.shots();
        List<EpisodePlan> episodes = new ArrayList<>();
        for (int e = 0; e < compiled.episodes().size(); e++) {
            Episode episode = compiled.episodes().get(e);
            BigDecimal cost = BigDecimal.ZERO;
            int episodeFinish = 0;
            int ai = 0;
            int traditional = 0;
            for (int i = 0; i < shots.size(); i++) {
                if (compiled.episodeOf(i) == e) {
                    ModeEstimate estimate = compiled.pricedAt(modes[i], start[i]);
                    cost = cost.add(estimate.totalCost().setScale(2, RoundingMode.HALF_EVEN));
                    episodeFinish = Math.max(episodeFinish, finish[i]);
                    if (estimate.mode() instanceof io.shotplan.show.WorkMode.Traditional) {
                        traditional++;
                    } else {
                        ai++;
                    }
                }
            }
            int due = compiled.duePeriod(e);
            episodes.add(new EpisodePlan(episode.code(), cost, episode.budget(), days.lastDay(episodeFinish),
                    days.lastDay(due), episode.deliveryDate(), due - episodeFinish, ai, traditional));
        }
        return episodes;
    }

    /**
     * Searches the whole plan at once, or, for a time-limited solve of more than {@link #WINDOWED_ABOVE_SHOTS} shots,
     * window by window of {@link #WINDOW_SHOTS} list positions: there a move costs a decode of the rest of the season,
     * so the whole-plan search evaluates too few moves to improve it (none in 120 s at 20,000 shots).
     */
    static ProjectSolver.Result solve(CompiledShow compiled, ProjectSolver.Settings settings,
            Consumer<ProjectSolver.BestScore> onNewBest) {
        if (compiled.shots().size() > WINDOWED_ABOVE_SHOTS && settings.moveCountLimit() == 0) {
            return WindowedSolver.solve(compiled.schedule(), settings, WINDOW_SHOTS, compiled::windowObjective, onNewBest);
        }
        return ProjectSolver.solve(compiled.schedule(), settings, onNewBest);
    }

    static ShowPlan toPlan(CompiledShow compiled, ProjectSolver.Result result, List<Baseline> baselines,
            PlanBound bound) {
        WorkingDays days = compiled.days();
        List<Shot> shots = compiled.shots();
        List<Activity> activities = result.solution().getActivities();
        ExecutionMode[] modes = result.modes().toArray(ExecutionMode[]::new);
        int[] start = result.starts().stream().mapToInt(Integer::intValue).toArray();
        int[] finish = result.finishes().stream().mapToInt(Integer::intValue).toArray();
        ShowObjective objective = compiled.objective();
        PlanWeights weights = objective.weights();
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(result.solution());
        // decode once more for the capacity excess, which the result does not carry
        decoder.decode(result.solution().getSequence().getActivities(), modes, false);
        ShowObjective.Parts parts = objective.parts(modes, decoder.start(), decoder.finish(), decoder.capacityExcess());
        HardMediumSoftLongScore score = parts.score(weights);
        boolean rescore = shots.size() <= RESCORE_REASONS_UP_TO_SHOTS;

        List<PlannedShot> planned = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            ExecutionMode mode = modes[i];
            ModeEstimate estimate = compiled.pricedAt(mode, start[i]);
            ModeReason reason = withHandBids(reason(compiled, result, i, modes, score, rescore, decoder),
                    compiled.estimates(i));
            planned.add(new PlannedShot(shot.code(), shot.episode(), estimate.mode().label(), estimate.mode().kind(),
                    days.date(start[i]), days.lastDay(finish[i]), mode.getDuration(),
                    estimate.totalCost().setScale(2, RoundingMode.HALF_EVEN), estimate.artistCost(),
                    estimate.artistDays(), estimate.gpuHours(),
                    compiled.traditionalAt(i, start[i]).totalCost().setScale(2, RoundingMode.HALF_EVEN), compiled.isFixed(i),
                    compiled.isPinnedMode(i) || compiled.isPinnedStart(i), reason));
        }
        List<EpisodePlan> episodes = episodePlans(compiled, modes, start, finish);
        BigDecimal total = planned.stream().map(PlannedShot::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean feasible = score.hardScore() == 0;
        boolean withinLimits = feasible && parts.episodeOverBudgetCents() == 0 && parts.showOverBudgetCents() == 0
                && parts.lateDays() == 0;
        List<String> explanation = new ArrayList<>(explain(parts, episodes, compiled.show().currency()));
        explanation.add("Bound: no plan within the policy that does as well on budgets and deliveries costs less than %s %s; this one is within %s %% of it."
                .formatted(PlanSummary.money(bound.costLowerBound()), compiled.show().currency(),
                        bound.costGapPercent(planned.stream().map(PlannedShot::cost).reduce(BigDecimal.ZERO, BigDecimal::add))));
        explanation.addAll(bound.unavoidable());
        handBidShots(compiled).ifPresent(explanation::add);
        if (rescore) {
            // the rule-by-rule view with justifications; skipped for very large shows, where it is slow to build
            explanation.addAll(ShowPlanChecks.explain(ShowPlanChecks.of(compiled, modes, start), 3));
        }
        return new ShowPlan(compiled.show().code(), planned, episodes, total, compiled.show().spendableBudget(),
                score.toString(), feasible, withinLimits, explanation, compiled.assumptions(), result.solveMillis(),
                baselines, bound);
    }

    private static ModeReason reason(CompiledShow compiled, ProjectSolver.Result result, int i, ExecutionMode[] modes,
            HardMediumSoftLongScore score, boolean rescore, SerialScheduleDecoder decoder) {
        Activity activity = result.solution().getActivities().get(i);
        ExecutionMode chosen = modes[i];
        ModeEstimate chosenEstimate = compiled.estimate(chosen);
        if (compiled.isFixed(i)) {
            return new ModeReason("in progress or done", Optional.empty(), Optional.empty(), Optional.empty(),
                    BigDecimal.ZERO, "kept from the current plan: the shot is already under way or done");
        }
        if (compiled.isPinnedMode(i)) {
            return new ModeReason("pin", Optional.empty(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
                    "pinned to " + chosenEstimate.mode().label() + " by a supervisor");
        }
        if (activity.getModeOptions().size() == 1) {
            Shot shot = compiled.shots().get(i);
            String why = new io.shotplan.show.ShotEstimator(compiled.show()).whyNotAi(shot).orElse("only one mode");
            return new ModeReason("eligibility", Optional.empty(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
                    "no AI: " + why);
        }
        ExecutionMode best = null;
        HardMediumSoftLongScore bestScore = null;
        ShowObjective.Parts bestParts = null;
        ShowObjective.Parts chosenParts = null;
        for (ExecutionMode alternative : activity.getModeOptions()) {
            if (alternative == chosen) {
                continue;
            }
            if (!rescore) {
                if (best == null || compiled.estimate(alternative).totalCost().compareTo(compiled.estimate(best).totalCost()) < 0) {
                    best = alternative;
                }
                continue;
            }
            ExecutionMode[] trial = modes.clone();
            trial[i] = alternative;
            decoder.decode(result.solution().getSequence().getActivities(), trial, false);
            ShowObjective.Parts parts = compiled.objective().parts(trial, decoder.start(), decoder.finish(),
                    decoder.capacityExcess());
            HardMediumSoftLongScore trialScore = parts.score(compiled.objective().weights());
            if (best == null || trialScore.compareTo(bestScore) > 0) {
                best = alternative;
                bestScore = trialScore;
                bestParts = parts;
            }
        }
        ModeEstimate alternativeEstimate = compiled.estimate(best);
        BigDecimal saved = alternativeEstimate.totalCost().subtract(chosenEstimate.totalCost()).setScale(2, RoundingMode.HALF_EVEN);
        String decidedBy;
        if (!rescore) {
            decidedBy = saved.signum() >= 0 ? "total cost" : "schedule (not re-scored for shows this large)";
        } else {
            decoder.decode(result.solution().getSequence().getActivities(), modes, false);
            chosenParts = compiled.objective().parts(modes, decoder.start(), decoder.finish(), decoder.capacityExcess());
            decidedBy = decider(chosenParts, bestParts, compiled.objective().weights());
        }
        String summary = "%s instead of %s: %s %s, %d vs %d working days; decided by %s".formatted(
                chosenEstimate.mode().label(), alternativeEstimate.mode().label(),
                saved.signum() >= 0 ? "saves" : "costs", saved.abs().toPlainString(),
                chosen.getDuration(), best.getDuration(), decidedBy);
        return new ModeReason(decidedBy, Optional.of(alternativeEstimate.mode().label()),
                Optional.of(alternativeEstimate.totalCost().setScale(2, RoundingMode.HALF_EVEN)),
                Optional.of(best.getDuration()), saved, summary);
    }

    /** The reason, saying which of the shot's estimates a supervisor's hand bid set: where those numbers came from. */
    private static ModeReason withHandBids(ModeReason reason, List<ModeEstimate> candidates) {
        List<String> bids = candidates.stream().flatMap(e -> e.overrides().stream()).map(EstimateOverride::describe).toList();
        if (bids.isEmpty()) {
            return reason;
        }
        return new ModeReason(reason.decidedBy(), reason.alternativeMode(), reason.alternativeCost(),
                reason.alternativeDays(), reason.savedAgainstAlternative(),
                reason.summary() + "; estimate overridden by hand bid: " + String.join(", ", bids));
    }

    /** One line naming the shots priced with hand bids, or empty when none is. */
    private static Optional<String> handBidShots(CompiledShow compiled) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < compiled.shots().size(); i++) {
            if (compiled.estimates(i).stream().anyMatch(ModeEstimate::isOverridden)) {
                codes.add(compiled.shots().get(i).code());
            }
        }
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        String listed = String.join(", ", codes.subList(0, Math.min(codes.size(), HAND_BID_SHOTS_LISTED)));
        return Optional.of("Estimates: %d shots priced with supervisors' hand bids (%s%s).".formatted(codes.size(), listed,
                codes.size() > HAND_BID_SHOTS_LISTED ? ", ..." : ""));
    }

    /** The rule that gets worse first (by score level) when the shot switches to the alternative. */
    static String decider(ShowObjective.Parts chosen, ShowObjective.Parts alternative, PlanWeights w) {
        Map<String, Long> hard = new LinkedHashMap<>();
        hard.put("renewable capacity", alternative.capacityExcess() - chosen.capacityExcess());
        hard.put("AI share per episode", alternative.aiShareExcess() - chosen.aiShareExcess());
        Map<String, Long> medium = new LinkedHashMap<>();
        medium.put("episode budget", w.overBudgetPerCent() * (alternative.episodeOverBudgetCents() - chosen.episodeOverBudgetCents()));
        medium.put("show budget", w.overBudgetPerCent() * (alternative.showOverBudgetCents() - chosen.showOverBudgetCents()));
        medium.put("episode delivery", w.lateDay() * (alternative.lateDays() - chosen.lateDays()));
        Map<String, Long> soft = new LinkedHashMap<>();
        soft.put("total cost", w.costPerCent() * (alternative.costCents() - chosen.costCents()));
        soft.put("episode finish", w.finishDay() * (alternative.finishDays() - chosen.finishDays()));
        soft.put("churn", w.churnModeChange() * (alternative.modeChanges() - chosen.modeChanges())
                + w.churnDayMoved() * (alternative.daysMoved() - chosen.daysMoved()));
        for (Map<String, Long> level : List.of(hard, medium, soft)) {
            long sum = level.values().stream().mapToLong(Long::longValue).sum();
            if (sum != 0) {
                return level.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            }
        }
        return "nothing: both modes score the same";
    }

    static List<String> explain(ShowObjective.Parts parts, List<EpisodePlan> episodes, String currency) {
        List<String> lines = new ArrayList<>();
        if (parts.capacityExcess() == 0 && parts.aiShareExcess() == 0) {
            lines.add("Hard: every hard rule holds (capacity, precedence, plate dates, eligibility, pins, AI share).");
        } else {
            lines.add("Hard: %s artist- or GPU-hour-days beyond what any day can supply; %d AI shots beyond the AI share."
                    .formatted(CompiledShow.money(parts.capacityExcess()).toPlainString(), parts.aiShareExcess()));
        }
        for (EpisodePlan e : episodes) {
            if (e.overBudget().signum() > 0) {
                lines.add("Medium: episode %s is %s %s over its budget of %s.".formatted(e.code(),
                        e.overBudget().toPlainString(), currency, e.budget().toPlainString()));
            }
            if (e.isLate()) {
                lines.add("Medium: episode %s finishes %s, %d working days after %s (delivery %s less the review buffer)."
                        .formatted(e.code(), e.finish(), -e.slackDays(), e.due(), e.delivery()));
            }
        }
        if (parts.showOverBudgetCents() > 0) {
            lines.add("Medium: the show is %s %s over its budget less contingency."
                    .formatted(CompiledShow.money(parts.showOverBudgetCents()).toPlainString(), currency));
        }
        lines.add("Soft: total cost %s %s; %d shots change mode and starts move %d working days against the previous plan."
                .formatted(CompiledShow.money(parts.costCents()).toPlainString(), currency, parts.modeChanges(),
                        parts.daysMoved()));
        return lines;
    }
}
