package io.shotplan.plan.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ActivitySequence;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;

/**
 * Solves a {@link ProjectSchedule}: construction ({@link InitialScheduleCommand}) then late-acceptance local search
 * over modes (single and paired changes, so a mode can get cheaper while another gets dearer within the same
 * non-renewable budget) and the activity list (moves and swaps). The same configuration serves every instance.
 */
public final class ProjectSolver {

    /**
     * @param timeLimit wall-clock limit of the whole solve
     * @param seed random seed; with {@code moveCountLimit} set the result is identical run to run
     * @param moveCountLimit optional limit on evaluated moves (0 = none), the reproducible alternative to time
     * @param stopAt optional score at which to stop, such as {@code 0hard/-12medium/*soft} for a proven lower bound; or null
     * @param restartAfterUnimprovedSteps start a new run (next seed) after this many steps without a new best;
     *        0 = one run. Local search on this problem stalls in a local optimum early, and independent runs are the
     *        simplest diversification that needs no tuning per instance
     * @param environmentMode NO_ASSERT for production (reproducible: REPRODUCIBLE is its deprecated alias), FULL_ASSERT in tests
     */
    public record Settings(Duration timeLimit, long seed, long moveCountLimit, String stopAt,
            EnvironmentMode environmentMode, int lateAcceptanceSize, int restartAfterUnimprovedSteps) {

        public static Settings of(Duration timeLimit) {
            return new Settings(timeLimit, 0L, 0L, null, EnvironmentMode.NO_ASSERT, DEFAULT_LATE_ACCEPTANCE_SIZE,
                    DEFAULT_RESTART_AFTER_UNIMPROVED_STEPS);
        }

        public Settings withSeed(long seed) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }

        public Settings withStopAt(String stopAt) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }

        public Settings withMoveCountLimit(long moveCountLimit) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }

        public Settings withEnvironmentMode(EnvironmentMode environmentMode) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }

        public Settings withRestartAfterUnimprovedSteps(int restartAfterUnimprovedSteps) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }

        public Settings withLateAcceptanceSize(int lateAcceptanceSize) {
            return new Settings(timeLimit, seed, moveCountLimit, stopAt, environmentMode, lateAcceptanceSize,
                    restartAfterUnimprovedSteps);
        }
    }

    /** The best schedule found, decoded, with when it was found and how fast moves were scored. */
    public record Result(ProjectSchedule solution, HardMediumSoftLongScore score, List<ExecutionMode> modes,
            List<Integer> starts, List<Integer> finishes, int makespan, long timeToBestMillis,
            long solveMillis, long scoreCalculationSpeed, List<BestScore> history) {

        /** The best score known at a moment of the solve (empty before the first one). */
        public java.util.Optional<HardMediumSoftLongScore> bestAt(long millis) {
            HardMediumSoftLongScore best = null;
            for (BestScore b : history) {
                if (b.millis() <= millis) {
                    best = b.score();
                }
            }
            return java.util.Optional.ofNullable(best);
        }

        /** When the first feasible best score appeared, or -1 when none did. */
        public long timeToFirstFeasibleMillis() {
            return history.stream().filter(b -> b.score().isFeasible()).mapToLong(BestScore::millis).findFirst().orElse(-1);
        }

        public boolean feasible() {
            return score.hardScore() == 0;
        }
    }

    static final int DEFAULT_LATE_ACCEPTANCE_SIZE = 500;
    /**
     * On PSPLIB j10-j20, runs that did not reach the optimum had found their best within a fraction of a second:
     * restarting after 5,000 steps without a new best (well under a second) turned those into optimal runs.
     */
    static final int DEFAULT_RESTART_AFTER_UNIMPROVED_STEPS = 5_000;

    /** A new best score and when (milliseconds since the solve started) it was found. */
    public record BestScore(long millis, HardMediumSoftLongScore score) {
    }

    private ProjectSolver() {
    }

    public static SolverConfig config(Settings settings) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.timeLimit());
        if (settings.moveCountLimit() > 0) {
            termination.setMoveCountLimit(settings.moveCountLimit());
        }
        if (settings.stopAt() != null) {
            termination.setBestScoreLimit(settings.stopAt());
        }
        if (settings.restartAfterUnimprovedSteps() > 0) {
            termination.setUnimprovedStepCountLimit(settings.restartAfterUnimprovedSteps());
        }
        return new SolverConfig()
                .withSolutionClass(ProjectSchedule.class)
                .withEntityClasses(Activity.class, ActivitySequence.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(ProjectScoreCalculator.class))
                .withEnvironmentMode(settings.environmentMode())
                .withRandomSeed(settings.seed())
                .withTerminationConfig(termination)
                .withPhases(
                        new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(InitialScheduleCommand.class)),
                        localSearch(settings));
    }

    private static LocalSearchPhaseConfig localSearch(Settings settings) {
        // equal fixed weights: by default a union picks children in proportion to their size, which would drown
        // the list moves in the huge pairs-of-mode-changes neighbourhood.
        // Timefold's ruin-and-recreate was tried for modes: it made some j18 runs stop after a few moves, so it is out.
        List<MoveSelectorConfig> moves = new ArrayList<>();
        moves.add(modeChange().withFixedProbabilityWeight(1.0));
        // two modes at once: one job gets cheaper while another gets dearer within the same non-renewable budget
        moves.add(new CartesianProductMoveSelectorConfig().withMoveSelectors(modeChange(), modeChange())
                .withFixedProbabilityWeight(1.0));
        moves.add(new ListChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0));
        moves.add(new ListSwapMoveSelectorConfig().withFixedProbabilityWeight(1.0));
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(settings.lateAcceptanceSize()))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    private static ChangeMoveSelectorConfig modeChange() {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(Activity.class))
                .withValueSelectorConfig(new ValueSelectorConfig("mode"));
    }

    /**
     * Solves within the settings' limits: one run, or (with restarts) runs with seeds seed, seed+1, ... until the time
     * or move budget is spent or the stop score is reached; the best run wins. Each run's seed drives both Timefold's
     * random and the construction's ({@link ProjectSchedule#getSeed()} is overwritten), so the same seed and move limit
     * give the same result.
     */
    public static Result solve(ProjectSchedule problem, Settings settings) {
        return solve(problem, settings, best -> { });
    }

    /** Like {@link #solve(ProjectSchedule, Settings)}, telling {@code onNewBest} each new best score as it is found. */
    public static Result solve(ProjectSchedule problem, Settings settings, Consumer<BestScore> onNewBest) {
        long started = System.nanoTime();
        long deadline = started + settings.timeLimit().toNanos();
        long movesLeft = settings.moveCountLimit();
        ProjectSchedule best = null;
        long timeToBest = 0;
        long calculations = 0;
        List<BestScore> history = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<HardMediumSoftLongScore> overallBest = new AtomicReference<>();
        for (int run = 0; ; run++) {
            long remaining = deadline - System.nanoTime();
            if (run > 0 && (remaining <= 0 || (settings.moveCountLimit() > 0 && movesLeft <= 0))) {
                break;
            }
            Settings runSettings = new Settings(Duration.ofMillis(Math.max(remaining / 1_000_000, 1)), settings.seed() + run,
                    settings.moveCountLimit() > 0 ? movesLeft : 0, settings.stopAt(), settings.environmentMode(),
                    settings.lateAcceptanceSize(), settings.restartAfterUnimprovedSteps());
            Solver<ProjectSchedule> solver = SolverFactory.<ProjectSchedule>create(config(runSettings)).buildSolver();
            long runStarted = System.nanoTime();
            AtomicLong runTimeToBest = new AtomicLong();
            solver.addEventListener(event -> {
                runTimeToBest.set(System.nanoTime() - started);
                HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
                // only initialized scores count: a partial solution's score says nothing about the plan
                if (event.isEveryProblemChangeProcessed() && event.getNewBestSolution().getScore() != null
                        && (overallBest.get() == null || score.compareTo(overallBest.get()) > 0)) {
                    overallBest.set(score);
                    BestScore newBest = new BestScore((System.nanoTime() - started) / 1_000_000, score);
                    history.add(newBest);
                    onNewBest.accept(newBest);
                }
            });
            if (run > 0) {
                // alternate: a run from random feasible modes (explore), then one from the best so far with a
                // fifth of its modes re-drawn (intensify around it). On 16 j18/j20 instances outside the benchmark
                // sample, at 1M moves each, this reached 16 optima against 14 for random restarts alone.
                problem = run % 2 == 0 ? perturbed(problem, best, settings.seed() + run) : fresh(problem);
            }
            // the construction's own randomness follows the run's seed too, so the settings' seed decides the whole run
            problem.setSeed(runSettings.seed());
            ProjectSchedule runBest = solver.solve(problem);
            if (solver instanceof ai.timefold.solver.core.impl.solver.DefaultSolver<ProjectSchedule> d) {
                calculations += d.getScoreCalculationCount();
                movesLeft -= d.getMoveEvaluationCount();
            }
            if (best == null || runBest.getScore().compareTo(best.getScore()) > 0) {
                best = runBest;
                timeToBest = runTimeToBest.get() > 0 ? runTimeToBest.get() : System.nanoTime() - runStarted;
            }
            if (settings.restartAfterUnimprovedSteps() <= 0 || reached(best, settings.stopAt())) {
                break;
            }
        }
        long solveNanos = System.nanoTime() - started;
        long speed = solveNanos > 0 ? calculations * 1_000_000_000L / solveNanos : 0;
        return decode(best, timeToBest / 1_000_000, solveNanos / 1_000_000, speed, List.copyOf(history));
    }

    private static boolean reached(ProjectSchedule best, String stopAt) {
        if (stopAt == null) {
            return false;
        }
        // stopAt is "0hard/-Nmedium/*soft": compare the levels it names
        String[] levels = stopAt.split("/");
        long hard = Long.parseLong(levels[0].replace("hard", ""));
        long medium = Long.parseLong(levels[1].replace("medium", ""));
        HardMediumSoftLongScore score = best.getScore();
        return score.hardScore() > hard || (score.hardScore() == hard && score.mediumScore() >= medium);
    }

    /** A copy of the best solution with about a fifth of its modes cleared, to be re-drawn within the limits. */
    private static ProjectSchedule perturbed(ProjectSchedule problem, ProjectSchedule best, long seed) {
        ProjectSchedule copy = fresh(problem);
        java.util.Random random = new java.util.Random(seed);
        List<Activity> activities = copy.getActivities();
        for (Activity bestActivity : best.getActivities()) {
            Activity activity = activities.get(bestActivity.getIndex());
            if (activity.getModeOptions().size() == 1 || random.nextInt(5) != 0) {
                activity.setMode(activity.getModeOptions().get(bestActivity.getModeOptions().indexOf(bestActivity.getMode())));
            }
        }
        for (Activity bestActivity : best.getSequence().getActivities()) {
            copy.getSequence().getActivities().add(activities.get(bestActivity.getIndex()));
        }
        return copy;
    }

    /** A copy of the problem with no modes or order chosen, for the next independent run. */
    private static ProjectSchedule fresh(ProjectSchedule problem) {
        ProjectSchedule copy = copy(problem);
        copy.setRandomStart(true);
        return copy;
    }

    /** A copy of the problem's facts (same modes, calendar and objective) with no modes or order chosen. */
    static ProjectSchedule copy(ProjectSchedule problem) {
        List<Activity> activities = new ArrayList<>();
        for (Activity a : problem.getActivities()) {
            Activity copy = new Activity(a.getIndex(), a.getLabel(), a.getModeOptions(), a.predecessors(), a.successors(),
                    a.getReleasePeriod(), a.getFixedStart());
            copy.setDuePeriod(a.getDuePeriod());
            activities.add(copy);
        }
        ProjectSchedule copy = new ProjectSchedule(problem.getName(), problem.getCalendar(), problem.nonRenewableNames(),
                problem.nonRenewableCapacity(), activities, problem.getObjective());
        copy.setJustify(problem.isJustify());
        boolean[] hard = new boolean[problem.nonRenewableCapacity().length];
        for (int k = 0; k < hard.length; k++) {
            hard[k] = problem.isNonRenewableHard(k);
        }
        copy.setNonRenewableHard(hard);
        copy.setSeed(problem.getSeed());
        return copy;
    }

    /**
     * The problem with the given mode per activity (by index), in the construction's order (latest start first where activities are due) and
     * decoded without any search: a rule-of-thumb plan to compare the search's with. The problem is not modified.
     */
    public static Result scheduleWithModes(ProjectSchedule problem, ExecutionMode[] modes) {
        ProjectSchedule schedule = copy(problem);
        for (Activity activity : schedule.getActivities()) {
            activity.setMode(modes[activity.getIndex()]);
        }
        schedule.getSequence().getActivities().addAll(InitialScheduleCommand.priorityOrder(schedule.getActivities()));
        return decode(schedule, 0, 0, 0, List.of());
    }

    /** Decodes a solved (or hand-made) schedule into start and finish periods with the engine's own decoder. */
    public static Result decode(ProjectSchedule schedule, long timeToBestMillis, long solveMillis, long speed,
            List<BestScore> history) {
        ProjectScoreCalculator calculator = new ProjectScoreCalculator();
        calculator.resetWorkingSolution(schedule);
        HardMediumSoftLongScore score = calculator.calculateScore();
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(schedule);
        List<Activity> activities = schedule.getActivities();
        ExecutionMode[] modes = new ExecutionMode[activities.size()];
        for (Activity a : activities) {
            modes[a.getIndex()] = a.getMode() != null ? a.getMode() : a.getModeOptions().get(0);
        }
        int makespan = decoder.decode(schedule.getSequence().getActivities(), modes, schedule.isJustify());
        List<Integer> starts = new ArrayList<>();
        List<Integer> finishes = new ArrayList<>();
        for (int i = 0; i < modes.length; i++) {
            starts.add(decoder.start()[i]);
            finishes.add(decoder.finish()[i]);
        }
        return new Result(schedule, score, List.of(modes), starts, finishes, makespan, timeToBestMillis,
                solveMillis, speed, history);
    }
}
