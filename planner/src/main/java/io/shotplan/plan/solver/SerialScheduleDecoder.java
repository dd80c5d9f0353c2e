package io.shotplan.plan.solver;

import java.util.Arrays;
import java.util.List;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;

/**
 * Serial schedule-generation scheme: takes the activity list as a priority order and each activity's mode, and
 * starts each activity at the earliest period its predecessors, its release period and the remaining renewable
 * capacity allow. Optionally improves the result by forward-backward justification (right-shift everything in
 * order of decreasing finish, then left-shift in order of increasing start), which never lengthens the schedule.
 * <p>
 * Works on primitive arrays and reuses them between calls, because it runs once per evaluated move.
 * Not thread-safe: one decoder per score calculator.
 */
public final class SerialScheduleDecoder {

    /** Sort keys pack (period, period, rank) into a long: 21 bits each. */
    private static final long PERIOD_LIMIT = (1L << 21) - 1;
    private static final long RANK_LIMIT = (1L << 21) - 1;

    private final int n;
    private final int[] topologicalRank;
    private final int[] byRank;
    private final int[][] predecessors;
    private final int[][] successors;
    private final int[] release;
    private final int[] fixedStart;
    private final RenewableCalendar calendar;
    private final int resourceCount;
    private final int[] maxCapacity;
    private final int profileLength;

    private final int[] start;
    private final int[] finish;
    private final int[] bestStart;
    private final int[] duration;
    private final int[][] demand;
    private final int[] position;
    /** The activity at each list position (activities missing from the list appended in index order). */
    private final int[] order;
    private final int[] remainingPredecessors;
    private final int[] heap;
    private final long[] sortKeys;
    private int[][] used;
    private int usedUpTo;
    /** Per resource, the smallest positive demand any mode puts on it (MAX_VALUE when none does). */
    private final int[] minDemand;
    /**
     * Per resource, a period before which every period is too full for even the smallest demand. A late plan has a
     * long saturated backlog; starting the search here skips it instead of testing it period by period.
     */
    private final int[] fullUpTo;
    /** The last forward pass, step by step, so the next decode can replay only what a change touches. */
    private final int[] stepActivity;
    private final int[] stepPosition;
    private final long[] excessAfterStep;
    private long excessAfterFixed;
    private int steps;
    private boolean recordValid;
    private final boolean[] scheduled;
    private long capacityExcess;
    /** What each activity's booking was made with, so that a replay can take it back whatever the modes are now. */
    private final int[] placedDuration;
    private final int[][] placedDemand;
    /**
     * The steps the last replay overwrote (from step {@code takeBackFrom} on), as they were, so that the record can go
     * back to the decode before it: the search undoes most moves, and the next move is then closer to that decode.
     */
    private final Step[] overwritten;
    private int takeBackFrom = -1;
    private int stepsBeforeReplay;
    private int usedUpToBeforeReplay;
    private long excessBeforeReplay;
    /** The bookings before the last replay: copying a few hundred periods back is cheaper than re-booking the steps. */
    private final int[][] usedBeforeReplay;

    /** One step of a forward pass: the activity, where it stood and what its booking was. */
    private static final class Step {
        int activity;
        int position;
        long excessAfter;
        int start;
        int duration;
        int[] demand;
    }

    public SerialScheduleDecoder(ProjectSchedule project) {
        List<Activity> activities = project.getActivities();
        this.n = activities.size();
        this.predecessors = new int[n][];
        this.successors = new int[n][];
        this.release = new int[n];
        this.fixedStart = new int[n];
        for (Activity activity : activities) {
            int i = activity.getIndex();
            predecessors[i] = activity.predecessors();
            successors[i] = activity.successors();
            release[i] = activity.getReleasePeriod();
            fixedStart[i] = activity.getFixedStart();
        }
        this.calendar = project.getCalendar();
        this.resourceCount = calendar.resourceCount();
        this.maxCapacity = new int[resourceCount];
        int longestProfile = 0;
        for (int r = 0; r < resourceCount; r++) {
            maxCapacity[r] = calendar.maxCapacity(r);
            longestProfile = Math.max(longestProfile, calendar.capacityByPeriod()[r].length);
        }
        this.profileLength = longestProfile;
        this.start = new int[n];
        this.finish = new int[n];
        this.bestStart = new int[n];
        this.duration = new int[n];
        this.demand = new int[n][];
        this.position = new int[n];
        this.order = new int[n];
        this.placedDuration = new int[n];
        this.placedDemand = new int[n][];
        this.usedBeforeReplay = new int[resourceCount][0];
        this.overwritten = new Step[n];
        for (int j = 0; j < n; j++) {
            overwritten[j] = new Step();
        }
        this.remainingPredecessors = new int[n];
        this.heap = new int[n];
        this.sortKeys = new long[n];
        // a first guess at the periods the usage arrays need; they grow when a schedule runs longer
        int horizon = profileLength;
        int latestRelease = 0;
        for (Activity activity : activities) {
            int longest = 0;
            for (ExecutionMode mode : activity.getModeOptions()) {
                longest = Math.max(longest, mode.getDuration());
            }
            horizon += longest;
            latestRelease = Math.max(latestRelease, Math.max(activity.getReleasePeriod(), activity.getFixedStart()));
        }
        horizon = Math.min(horizon + latestRelease, 1 << 16);
        this.used = new int[resourceCount][Math.max(16, horizon + 1)];
        this.stepActivity = new int[n];
        this.stepPosition = new int[n];
        this.excessAfterStep = new long[n];
        this.scheduled = new boolean[n];
        this.minDemand = new int[resourceCount];
        this.fullUpTo = new int[resourceCount];
        java.util.Arrays.fill(minDemand, Integer.MAX_VALUE);
        for (Activity activity : activities) {
            for (ExecutionMode mode : activity.getModeOptions()) {
                for (int r = 0; r < resourceCount; r++) {
                    int q = Math.min(mode.renewableDemand()[r], maxCapacity[r]);
                    if (q > 0) {
                        minDemand[r] = Math.min(minDemand[r], q);
                    }
                }
            }
        }
        this.topologicalRank = new int[n];
        this.byRank = new int[n];
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) {
            indegree[i] = predecessors[i].length;
        }
        int heapSize = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                heapSize = heapPush(heapSize, i, identity);
            }
        }
        int rank = 0;
        while (heapSize > 0) {
            int a = heap[0];
            heapSize = heapPop(heapSize, identity);
            topologicalRank[a] = rank;
            byRank[rank++] = a;
            for (int s : successors[a]) {
                if (--indegree[s] == 0) {
                    heapSize = heapPush(heapSize, s, identity);
                }
            }
        }
        if (rank != n) {
            throw new IllegalArgumentException("The precedence relations of " + project.getName() + " contain a cycle.");
        }
    }

    public int[] start() {
        return start;
    }

    public int[] finish() {
        return finish;
    }

    /** Renewable demand (per period, summed over the periods) that exceeds what the calendar can ever supply. */
    public long capacityExcess() {
        return capacityExcess;
    }

    /**
     * Decodes the list (activities not in it are appended in index order) with the given modes.
     *
     * @return the makespan; start/finish hold the schedule
     */
    public int decode(List<Activity> order, ExecutionMode[] modes, boolean justify) {
        return decode(order, modes, justify, 0);
    }

    /**
     * Decodes like {@link #decode(List, ExecutionMode[], boolean)}, knowing that since the previous call only list
     * positions from {@code firstChangedPosition} on (and modes of activities there) changed. The previous forward
     * pass is identical up to the first step that took an activity at or after that position, so only the rest is
     * replayed: on average half the work for a random move. Justified decodes always run in full.
     */
    public int decode(List<Activity> order, ExecutionMode[] modes, boolean justify, int firstChangedPosition) {
        if (!justify && recordValid && firstChangedPosition > 0) {
            return replayFrom(order, modes, firstChangedPosition);
        }
        recordValid = false;
        takeBackFrom = -1;
        load(order, modes);
        capacityExcess = 0;
        int makespan = forward();
        if (justify && n > 1) {
            System.arraycopy(start, 0, bestStart, 0, n);
            int best = makespan;
            if (backward(makespan) && forwardByStart()) {
                int justified = currentMakespan();
                if (justified <= best) {
                    return justified;
                }
            }
            // justification could not place an activity (a calendar narrower than the schedule): keep the forward one
            System.arraycopy(bestStart, 0, start, 0, n);
            for (int i = 0; i < n; i++) {
                finish[i] = start[i] + duration[i];
            }
            return best;
        }
        recordValid = true;
        return makespan;
    }

    /**
     * Replays the last forward pass from its first step that took an activity at or after the first changed list
     * position: the steps before it are the same whatever changed there.
     */
    private int replayFrom(List<Activity> list, ExecutionMode[] modes, int firstChangedPosition) {
        int k = 0;
        while (k < steps && stepPosition[k] < firstChangedPosition) {
            k++;
        }
        keepForTakeBack(k);
        for (int j = k; j < steps; j++) {
            unbook(stepActivity[j]);
        }
        load(list, modes);
        capacityExcess = k == 0 ? excessAfterFixed : excessAfterStep[k - 1];
        for (int i = 0; i < n; i++) {
            scheduled[i] = fixedStart[i] >= 0;
        }
        for (int j = 0; j < k; j++) {
            scheduled[stepActivity[j]] = true;
        }
        int heapSize = 0;
        for (int i = 0; i < n; i++) {
            int remaining = 0;
            for (int pr : predecessors[i]) {
                if (!scheduled[pr]) {
                    remaining++;
                }
            }
            remainingPredecessors[i] = remaining;
            // activities before the changed position that were waiting for a later predecessor are eligible now
            if (!scheduled[i] && remaining == 0 && position[i] < firstChangedPosition) {
                heapSize = heapPush(heapSize, i, position);
            }
        }
        for (int r = 0; r < resourceCount; r++) {
            int full = 0;
            while (full < usedUpTo && calendar.capacity(r, full) - used[r][full] < minDemand[r]) {
                full++;
            }
            fullUpTo[r] = full;
        }
        steps = k;
        int makespan = runSerial(Math.min(firstChangedPosition, n), heapSize);
        recordValid = true;
        return makespan;
    }

    /** Whether {@link #takeBackLastReplay()} can return the record to the decode before the last one. */
    public boolean canTakeBackLastReplay() {
        return takeBackFrom >= 0;
    }

    /**
     * Returns the record (schedule, bookings, steps) to what the decode before the last replay left, exactly, so that
     * the next decode can replay against that one instead. Costs a copy of the replayed steps and bookings, not a search.
     */
    public void takeBackLastReplay() {
        if (takeBackFrom < 0) {
            throw new IllegalStateException("The last decode was not a replay, so there is nothing to take back.");
        }
        for (int r = 0; r < resourceCount; r++) {
            System.arraycopy(usedBeforeReplay[r], 0, used[r], 0, usedUpToBeforeReplay);
            Arrays.fill(used[r], usedUpToBeforeReplay, Math.min(usedUpTo, used[r].length), 0);
        }
        for (int j = takeBackFrom; j < stepsBeforeReplay; j++) {
            Step step = overwritten[j];
            int a = step.activity;
            stepActivity[j] = a;
            stepPosition[j] = step.position;
            excessAfterStep[j] = step.excessAfter;
            start[a] = step.start;
            finish[a] = step.start + step.duration;
            placedDuration[a] = step.duration;
            placedDemand[a] = step.demand;
        }
        steps = stepsBeforeReplay;
        usedUpTo = usedUpToBeforeReplay;
        capacityExcess = excessBeforeReplay;
        takeBackFrom = -1;
    }

    private void keepForTakeBack(int k) {
        for (int j = k; j < steps; j++) {
            Step step = overwritten[j];
            int a = stepActivity[j];
            step.activity = a;
            step.position = stepPosition[j];
            step.excessAfter = excessAfterStep[j];
            step.start = start[a];
            step.duration = placedDuration[a];
            step.demand = placedDemand[a];
        }
        for (int r = 0; r < resourceCount; r++) {
            if (usedBeforeReplay[r].length < usedUpTo) {
                usedBeforeReplay[r] = new int[used[r].length];
            }
            System.arraycopy(used[r], 0, usedBeforeReplay[r], 0, usedUpTo);
        }
        takeBackFrom = k;
        stepsBeforeReplay = steps;
        usedUpToBeforeReplay = usedUpTo;
        excessBeforeReplay = capacityExcess;
    }

    /** Positions, durations and demands for a decode of this list with these modes. */
    private void load(List<Activity> list, ExecutionMode[] modes) {
        Arrays.fill(position, Integer.MAX_VALUE);
        int p = 0;
        for (Activity activity : list) {
            order[p] = activity.getIndex();
            position[activity.getIndex()] = p++;
        }
        for (int i = 0; i < n; i++) {
            if (position[i] == Integer.MAX_VALUE) {
                order[p] = i;
                position[i] = p++;
            }
            ExecutionMode mode = modes[i];
            duration[i] = mode.getDuration();
            demand[i] = mode.renewableDemand();
        }
    }

    /** Takes back an activity's booking, with the duration and demand it was made with. */
    private void unbook(int a) {
        int d = placedDuration[a];
        if (d == 0) {
            return;
        }
        int[] dem = placedDemand[a];
        int s = start[a];
        for (int r = 0; r < resourceCount; r++) {
            int q = Math.min(dem[r], maxCapacity[r]);
            if (q == 0) {
                continue;
            }
            int[] u = used[r];
            for (int tau = s; tau < s + d; tau++) {
                u[tau] -= q;
            }
        }
    }

    private int currentMakespan() {
        int makespan = 0;
        for (int i = 0; i < n; i++) {
            makespan = Math.max(makespan, finish[i]);
        }
        return makespan;
    }

    /** Serial SGS with priority = list position among the eligible activities. */
    private int forward() {
        clearUsage();
        for (int i = 0; i < n; i++) {
            remainingPredecessors[i] = predecessors[i].length;
        }
        for (int i = 0; i < n; i++) {
            if (fixedStart[i] >= 0) {
                placeFixed(i, fixedStart[i]);
                for (int s : successors[i]) {
                    remainingPredecessors[s]--;
                }
            }
        }
        excessAfterFixed = capacityExcess;
        steps = 0;
        return runSerial(0, 0);
    }

    /**
     * Takes eligible activities in list order and starts each as early as it fits. The list is scanned from
     * {@code scan}; an activity passed over because a predecessor was not yet scheduled goes to a heap (by position)
     * when it becomes eligible, and the heap comes first, since everything in it lies before the scan. This takes the
     * same activity as a heap over all eligible activities would, without a heap operation for a list that already
     * respects precedence.
     */
    private int runSerial(int scan, int heapSize) {
        while (true) {
            int a;
            if (heapSize > 0) {
                a = heap[0];
                heapSize = heapPop(heapSize, position);
            } else {
                while (scan < n && (fixedStart[order[scan]] >= 0 || remainingPredecessors[order[scan]] > 0)) {
                    scan++;
                }
                if (scan == n) {
                    break;
                }
                a = order[scan++];
            }
            int est = release[a];
            for (int pr : predecessors[a]) {
                est = Math.max(est, finish[pr]);
            }
            place(a, earliestFit(a, est));
            stepActivity[steps] = a;
            stepPosition[steps] = position[a];
            excessAfterStep[steps] = capacityExcess;
            steps++;
            for (int s : successors[a]) {
                if (--remainingPredecessors[s] == 0 && fixedStart[s] < 0 && position[s] < scan) {
                    heapSize = heapPush(heapSize, s, position);
                }
            }
        }
        if (steps + countFixed() != n) {
            throw new IllegalStateException("The precedence relations contain a cycle: only " + steps
                    + " of " + n + " activities could be ordered.");
        }
        int makespan = 0;
        for (int i = 0; i < n; i++) {
            makespan = Math.max(makespan, finish[i]);
        }
        return makespan;
    }

    private int countFixed() {
        int fixed = 0;
        for (int i = 0; i < n; i++) {
            if (fixedStart[i] >= 0) {
                fixed++;
            }
        }
        return fixed;
    }

    /** Right-justifies every free activity within [0, makespan], latest finisher first. */
    private boolean backward(int makespan) {
        for (int i = 0; i < n; i++) {
            // latest finish first; ties: later start first, then later in topological order (zero-duration chains)
            sortKeys[i] = ((long) (PERIOD_LIMIT - finish[i]) << 42) | ((long) (PERIOD_LIMIT - start[i]) << 21)
                    | (RANK_LIMIT - topologicalRank[i]);
        }
        Arrays.sort(sortKeys);
        clearUsage();
        for (int i = 0; i < n; i++) {
            if (fixedStart[i] >= 0) {
                placeFixed(i, fixedStart[i]);
            }
        }
        for (int k = 0; k < n; k++) {
            int a = byRank[(int) (RANK_LIMIT - (sortKeys[k] & RANK_LIMIT))];
            if (fixedStart[a] >= 0) {
                continue;
            }
            int latestFinish = makespan;
            for (int s : successors[a]) {
                latestFinish = Math.min(latestFinish, start[s]);
            }
            int s = latestFit(a, latestFinish - duration[a]);
            if (s < 0) {
                return false;
            }
            place(a, s);
        }
        return true;
    }

    /** Left-justifies every free activity, earliest (right-justified) starter first. */
    private boolean forwardByStart() {
        for (int i = 0; i < n; i++) {
            sortKeys[i] = ((long) start[i] << 42) | ((long) finish[i] << 21) | topologicalRank[i];
        }
        Arrays.sort(sortKeys);
        clearUsage();
        for (int i = 0; i < n; i++) {
            if (fixedStart[i] >= 0) {
                placeFixed(i, fixedStart[i]);
            }
        }
        for (int k = 0; k < n; k++) {
            int a = byRank[(int) (sortKeys[k] & RANK_LIMIT)];
            if (fixedStart[a] >= 0) {
                continue;
            }
            int est = release[a];
            for (int pr : predecessors[a]) {
                est = Math.max(est, finish[pr]);
            }
            place(a, earliestFit(a, est));
        }
        return true;
    }

    private int earliestFit(int a, int est) {
        int d = duration[a];
        int[] dem = demand[a];
        int t = Math.max(0, est);
        if (d == 0) {
            return t;
        }
        for (int r = 0; r < resourceCount; r++) {
            if (dem[r] > 0) {
                t = Math.max(t, fullUpTo[r]);
            }
        }
        search:
        while (true) {
            ensureHorizon(t + d);
            for (int r = 0; r < resourceCount; r++) {
                int q = Math.min(dem[r], maxCapacity[r]);
                if (q == 0) {
                    continue;
                }
                int[] u = used[r];
                for (int tau = t + d - 1; tau >= t; tau--) {
                    if (u[tau] + q > calendar.capacity(r, tau)) {
                        if (tau >= profileLength && q > calendar.steadyCapacity()[r]) {
                            // never fits in the steady tail: accept the overload and let the score say so
                            break search;
                        }
                        t = tau + 1;
                        continue search;
                    }
                }
            }
            return t;
        }
        return t;
    }

    /** Latest start in [release, latestStart] that fits; -1 when none does. */
    private int latestFit(int a, int latestStart) {
        int d = duration[a];
        int[] dem = demand[a];
        int t = latestStart;
        if (t < release[a]) {
            return -1;
        }
        if (d == 0) {
            return t;
        }
        ensureHorizon(t + d);
        search:
        while (t >= release[a] && t >= 0) {
            for (int r = 0; r < resourceCount; r++) {
                int q = Math.min(dem[r], maxCapacity[r]);
                if (q == 0) {
                    continue;
                }
                int[] u = used[r];
                for (int tau = t; tau < t + d; tau++) {
                    if (u[tau] + q > calendar.capacity(r, tau)) {
                        t = tau - d;
                        continue search;
                    }
                }
            }
            return t;
        }
        return -1;
    }

    /**
     * Books a fixed activity (in progress, done, pinned to a date) where it is, whatever the capacity says, and
     * counts any overload it causes as excess: the score must show a pin that does not fit.
     */
    private void placeFixed(int a, int s) {
        int d = duration[a];
        int[] dem = demand[a];
        ensureHorizon(s + d);
        for (int r = 0; r < resourceCount; r++) {
            int q = Math.min(dem[r], maxCapacity[r]);
            if (q == 0) {
                continue;
            }
            int[] u = used[r];
            for (int tau = s; tau < s + d; tau++) {
                int capacity = calendar.capacity(r, tau);
                capacityExcess += Math.max(0, u[tau] + q - capacity) - Math.max(0, u[tau] - capacity);
            }
        }
        place(a, s);
    }

    private void place(int a, int s) {
        start[a] = s;
        int d = duration[a];
        finish[a] = s + d;
        placedDuration[a] = d;
        placedDemand[a] = demand[a];
        if (d == 0) {
            return;
        }
        ensureHorizon(s + d);
        int[] dem = demand[a];
        for (int r = 0; r < resourceCount; r++) {
            int q = dem[r];
            if (q == 0) {
                continue;
            }
            if (q > maxCapacity[r]) {
                capacityExcess += (long) (q - maxCapacity[r]) * d;
                q = maxCapacity[r];
            }
            int[] u = used[r];
            for (int tau = s; tau < s + d; tau++) {
                u[tau] += q;
            }
            int full = fullUpTo[r];
            if (full >= s && full < s + d) {
                // the booking may close the gap at the frontier: move it over every full period that follows
                int limit = Math.max(usedUpTo, s + d);
                while (full < limit && calendar.capacity(r, full) - u[full] < minDemand[r]) {
                    full++;
                }
                fullUpTo[r] = full;
            }
        }
        usedUpTo = Math.max(usedUpTo, s + d);
    }

    private void clearUsage() {
        for (int r = 0; r < resourceCount; r++) {
            Arrays.fill(used[r], 0, Math.min(usedUpTo, used[r].length), 0);
        }
        usedUpTo = 0;
        capacityExcess = 0;
        Arrays.fill(fullUpTo, 0);
    }

    private void ensureHorizon(int periods) {
        if (resourceCount > 0 && periods >= used[0].length) {
            int size = Math.max(periods + 1, used[0].length * 2);
            for (int r = 0; r < resourceCount; r++) {
                used[r] = Arrays.copyOf(used[r], size);
            }
        }
    }

    private int heapPush(int size, int a, int[] priority) {
        int i = size;
        heap[i] = a;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (priority[heap[parent]] <= priority[heap[i]]) {
                break;
            }
            int tmp = heap[parent];
            heap[parent] = heap[i];
            heap[i] = tmp;
            i = parent;
        }
        return size + 1;
    }

    private int heapPop(int size, int[] priority) {
        int last = --size;
        heap[0] = heap[last];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int c = (r < size && priority[heap[r]] < priority[heap[l]]) ? r : l;
            if (priority[heap[i]] <= priority[heap[c]]) {
                break;
            }
            int tmp = heap[c];
            heap[c] = heap[i];
            heap[i] = tmp;
            i = c;
        }
        return size;
    }
}
