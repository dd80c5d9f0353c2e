package io.shotplan.plan.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;
import io.shotplan.plan.domain.ScheduleObjective;

/**
 * Improves a large project window by window of its activity list. The serial scheme places an activity after
 * everything before it in the list and before everything after it, so a window's activities land where a decode of
 * the whole list puts them when the activities before the window are booked into the calendar and the ones after
 * it are left out (exactly so unless precedence runs against the list across the window's edge). Each window is then a small project of its own, and a move in it costs a decode of the
 * window instead of the rest of the list: on a season of 20,000 shots, a window of 1,000 is decoded about fifty times
 * faster. A window's plan is kept only when the whole project's score is at least as good with it.
 */
public final class WindowedSolver {

    /** The objective of a window: its activities' scores, with what the activities outside it use counted as spent. */
    @FunctionalInterface
    public interface WindowObjective {

        /**
         * @param window the window's activities (their indices in the whole project), in the window's index order
         * @param modes every activity's current mode, by index in the whole project
         * @param start every activity's start in the whole plan's decode, by index (where the price of a mode depends
         *              on its days, what an activity outside the window spends depends on them too)
         */
        ScheduleObjective of(int[] window, ExecutionMode[] modes, int[] start);
    }

    /** The shortest time a window is searched for; shorter slices would spend their time building the window. */
    private static final Duration MIN_SLICE = Duration.ofMillis(500);

    private WindowedSolver() {
    }

    /**
     * Constructs a plan for the whole project, then searches windows of {@code windowSize} list positions in list
     * order, round after round, each for an equal share of the time limit (never under half a second), until the
     * time limit; or, with a move count limit, one round with an equal share of the moves per window (reproducible).
     * Settings' restarts do not apply: a window keeps improving the plan it was given.
     */
    public static ProjectSolver.Result solve(ProjectSchedule problem, ProjectSolver.Settings settings, int windowSize,
            WindowObjective windowObjective, Consumer<ProjectSolver.BestScore> onNewBest) {
        long started = System.nanoTime();
        long deadline = started + settings.timeLimit().toNanos();
        List<ProjectSolver.BestScore> history = Collections.synchronizedList(new ArrayList<>());
        ProjectSolver.Result constructed = ProjectSolver.solve(problem,
                settings.withMoveCountLimit(1).withRestartAfterUnimprovedSteps(0));
        ProjectSchedule current = constructed.solution();
        HardMediumSoftLongScore currentScore = constructed.score();
        long timeToBest = (System.nanoTime() - started) / 1_000_000;
        record(history, onNewBest, timeToBest, currentScore);
        long calculations = 0;
        int n = current.getSequence().getActivities().size();
        int windows = (n + windowSize - 1) / windowSize;
        long slice = Math.max(MIN_SLICE.toNanos(), settings.timeLimit().toNanos() / Math.max(1, windows));
        long movesPerWindow = settings.moveCountLimit() / Math.max(1, windows);
        for (int round = 0, w = 0; System.nanoTime() < deadline; w = (w + 1) % windows) {
            long left = deadline - System.nanoTime();
            // an interrupt stops each window's solver at once: stop here too, keeping the best plan so far
            if (left < MIN_SLICE.toNanos() / 2 || (settings.moveCountLimit() > 0 && round > 0)
                    || Thread.currentThread().isInterrupted()) {
                break;
            }
            Window window = Window.of(current, w * windowSize, Math.min(n, (w + 1) * windowSize), windowObjective);
            if (window.schedule() != null) {
                ProjectSolver.Result result = ProjectSolver.solve(window.schedule(), ProjectSolver.Settings
                        .of(Duration.ofNanos(Math.min(slice, left))).withSeed(settings.seed() + (long) round * windows + w)
                        .withEnvironmentMode(settings.environmentMode())
                        .withLateAcceptanceSize(settings.lateAcceptanceSize()).withRestartAfterUnimprovedSteps(0)
                        .withMoveCountLimit(Math.max(settings.moveCountLimit() > 0 ? 1 : 0, movesPerWindow)));
                calculations += result.scoreCalculationSpeed() * result.solveMillis() / 1_000;
                ProjectSchedule candidate = window.mergedInto(current, result.solution());
                HardMediumSoftLongScore score = ProjectSolver.decode(candidate, 0, 0, 0, List.of()).score();
                if (score.compareTo(currentScore) >= 0) {
                    if (score.compareTo(currentScore) > 0) {
                        timeToBest = (System.nanoTime() - started) / 1_000_000;
                        record(history, onNewBest, timeToBest, score);
                    }
                    current = candidate;
                    currentScore = score;
                }
            }
            if (w == windows - 1) {
                round++;
            }
        }
        long solveNanos = System.nanoTime() - started;
        long speed = solveNanos > 0 ? calculations * 1_000_000_000L / solveNanos : 0;
        return ProjectSolver.decode(current, timeToBest, solveNanos / 1_000_000, speed, List.copyOf(history));
    }

    private static void record(List<ProjectSolver.BestScore> history, Consumer<ProjectSolver.BestScore> onNewBest,
            long millis, HardMediumSoftLongScore score) {
        ProjectSolver.BestScore best = new ProjectSolver.BestScore(millis, score);
        history.add(best);
        onNewBest.accept(best);
    }

    /**
     * A window of list positions [from, to) as a project of its own: the activities before it booked into the
     * calendar, its predecessors' finishes as release periods, the non-renewable limits less what the rest spends.
     * An activity waiting for a predecessor after the window (and whatever waits for it) stays out: the whole
     * list's decode places it after that predecessor, outside the window's time anyway. One listed before the window
     * but waiting for a predecessor in it is booked where the whole decode puts it, so the window's activities see
     * that booking even those the whole decode places before it: the window is then an approximation, and the
     * check of the whole season's score decides.
     *
     * @param schedule null when no activity of the window can be moved
     * @param members the window's activities by their index in the whole project, in the window's index order
     */
    record Window(ProjectSchedule schedule, int[] members, int from, int to) {

        static Window of(ProjectSchedule whole, int from, int to, WindowObjective windowObjective) {
            List<Activity> activities = whole.getActivities();
            List<Activity> list = whole.getSequence().getActivities();
            int n = activities.size();
            ExecutionMode[] modes = new ExecutionMode[n];
            for (Activity a : activities) {
                modes[a.getIndex()] = a.getMode();
            }
            SerialScheduleDecoder decoder = new SerialScheduleDecoder(whole);
            decoder.decode(list, modes, false);
            int[] position = new int[n];
            for (int p = 0; p < n; p++) {
                position[list.get(p).getIndex()] = p;
            }
            boolean[] member = new boolean[n];
            for (int p = from; p < to; p++) {
                member[list.get(p).getIndex()] = !list.get(p).isFixed();
            }
            // leave out what waits for a predecessor after the window, until nothing more changes
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int p = from; p < to; p++) {
                    Activity a = list.get(p);
                    if (!member[a.getIndex()]) {
                        continue;
                    }
                    for (int pr : a.predecessors()) {
                        boolean settled = activities.get(pr).isFixed() || position[pr] < from || member[pr];
                        if (!settled) {
                            member[a.getIndex()] = false;
                            changed = true;
                            break;
                        }
                    }
                }
            }
            int[] subIndex = new int[n];
            List<Integer> members = new ArrayList<>();
            for (int p = from; p < to; p++) {
                int i = list.get(p).getIndex();
                if (member[i]) {
                    subIndex[i] = members.size();
                    members.add(i);
                }
            }
            int[] window = members.stream().mapToInt(Integer::intValue).toArray();
            if (window.length == 0) {
                return new Window(null, window, from, to);
            }
            RenewableCalendar calendar = residualCalendar(whole, list, from, modes, decoder);
            long[] capacity = whole.nonRenewableCapacity().clone();
            for (int i = 0; i < n; i++) {
                if (!member[i]) {
                    long[] demand = modes[i].nonRenewableDemand();
                    for (int k = 0; k < capacity.length; k++) {
                        capacity[k] -= demand[k];
                    }
                }
            }
            List<Activity> subActivities = new ArrayList<>();
            for (int j = 0; j < window.length; j++) {
                Activity a = activities.get(window[j]);
                int release = a.getReleasePeriod();
                List<Integer> predecessors = new ArrayList<>();
                for (int pr : a.predecessors()) {
                    if (member[pr]) {
                        predecessors.add(subIndex[pr]);
                    } else {
                        release = Math.max(release, decoder.finish()[pr]);
                    }
                }
                List<Integer> successors = new ArrayList<>();
                for (int s : a.successors()) {
                    if (member[s]) {
                        successors.add(subIndex[s]);
                    }
                }
                Activity copy = new Activity(j, a.getLabel(), a.getModeOptions(),
                        predecessors.stream().mapToInt(Integer::intValue).toArray(),
                        successors.stream().mapToInt(Integer::intValue).toArray(), release, -1);
                copy.setDuePeriod(a.getDuePeriod());
                copy.setMode(a.getMode());
                subActivities.add(copy);
            }
            ProjectSchedule schedule = new ProjectSchedule(whole.getName() + " window " + from + "-" + to, calendar,
                    whole.nonRenewableNames(), capacity, subActivities, windowObjective.of(window, modes, decoder.start()));
            schedule.setJustify(whole.isJustify());
            boolean[] hard = new boolean[capacity.length];
            for (int k = 0; k < hard.length; k++) {
                hard[k] = whole.isNonRenewableHard(k);
            }
            schedule.setNonRenewableHard(hard);
            for (int p = from; p < to; p++) {
                int i = list.get(p).getIndex();
                if (member[i]) {
                    schedule.getSequence().getActivities().add(subActivities.get(subIndex[i]));
                }
            }
            return new Window(schedule, window, from, to);
        }

        /** The calendar less what the fixed activities and those listed before the window book. */
        private static RenewableCalendar residualCalendar(ProjectSchedule whole, List<Activity> list, int from,
                ExecutionMode[] modes, SerialScheduleDecoder decoder) {
            RenewableCalendar calendar = whole.getCalendar();
            int resources = calendar.resourceCount();
            int horizon = 0;
            for (int p = 0; p < list.size(); p++) {
                horizon = Math.max(horizon, decoder.finish()[list.get(p).getIndex()]);
            }
            int[][] residual = new int[resources][];
            for (int r = 0; r < resources; r++) {
                residual[r] = new int[Math.max(horizon, calendar.capacityByPeriod()[r].length)];
                for (int t = 0; t < residual[r].length; t++) {
                    residual[r][t] = calendar.capacity(r, t);
                }
            }
            for (int p = 0; p < list.size(); p++) {
                Activity a = list.get(p);
                if (p >= from && !a.isFixed()) {
                    continue;
                }
                int i = a.getIndex();
                int[] demand = modes[i].renewableDemand();
                for (int r = 0; r < resources; r++) {
                    int q = Math.min(demand[r], calendar.maxCapacity(r));
                    for (int t = decoder.start()[i]; t < decoder.finish()[i] && q > 0; t++) {
                        residual[r][t] = Math.max(0, residual[r][t] - q);
                    }
                }
            }
            return new RenewableCalendar(calendar.resourceNames(), residual, calendar.steadyCapacity());
        }

        /** A copy of the whole project with this window's modes and order taken from its solved schedule. */
        ProjectSchedule mergedInto(ProjectSchedule whole, ProjectSchedule solved) {
            ProjectSchedule merged = ProjectSolver.copy(whole);
            List<Activity> activities = merged.getActivities();
            for (Activity a : whole.getActivities()) {
                activities.get(a.getIndex()).setMode(a.getMode());
            }
            for (Activity a : solved.getActivities()) {
                activities.get(members[a.getIndex()]).setMode(a.getMode());
            }
            List<Activity> wholeList = whole.getSequence().getActivities();
            List<Activity> list = merged.getSequence().getActivities();
            boolean[] member = new boolean[activities.size()];
            for (int i : members) {
                member[i] = true;
            }
            for (int p = 0; p < from; p++) {
                list.add(activities.get(wholeList.get(p).getIndex()));
            }
            for (Activity a : solved.getSequence().getActivities()) {
                list.add(activities.get(members[a.getIndex()]));
            }
            for (int p = from; p < wholeList.size(); p++) {
                int i = wholeList.get(p).getIndex();
                if (p >= to || !member[i]) {
                    list.add(activities.get(i));
                }
            }
            return merged;
        }
    }
}
