package io.shotplan.psplib;

import java.util.ArrayList;
import java.util.List;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;
import io.shotplan.plan.solver.MakespanObjective;
import io.shotplan.plan.solver.ProjectSolver;

/** Maps a PSPLIB instance onto the engine's project model and back. */
public final class PsplibProject {

    private PsplibProject() {
    }

    public static ProjectSchedule toSchedule(PsplibInstance instance) {
        List<List<Integer>> predecessors = instance.predecessors();
        List<Activity> activities = new ArrayList<>();
        for (PsplibJob job : instance.jobs()) {
            List<ExecutionMode> modes = new ArrayList<>();
            for (PsplibMode mode : job.modes()) {
                modes.add(new ExecutionMode("job " + job.number() + " mode " + mode.number(), mode.duration(),
                        mode.renewableDemand().stream().mapToInt(Integer::intValue).toArray(),
                        mode.nonRenewableDemand().stream().mapToLong(Integer::longValue).toArray()));
            }
            int[] pred = predecessors.get(job.number() - 1).stream().mapToInt(p -> p - 1).toArray();
            int[] succ = job.successors().stream().mapToInt(s -> s - 1).toArray();
            activities.add(new Activity(job.number() - 1, "job " + job.number(), modes, pred, succ, 0, -1));
        }
        String[] renewableNames = new String[instance.renewableCount()];
        for (int r = 0; r < renewableNames.length; r++) {
            renewableNames[r] = "R" + (r + 1);
        }
        String[] nonRenewableNames = new String[instance.nonRenewableCount()];
        for (int k = 0; k < nonRenewableNames.length; k++) {
            nonRenewableNames[k] = "N" + (k + 1);
        }
        long[] nonRenewableCapacity = instance.nonRenewableCapacity().stream().mapToLong(Integer::longValue).toArray();
        RenewableCalendar calendar = RenewableCalendar.constant(renewableNames,
                instance.renewableCapacity().stream().mapToInt(Integer::intValue).toArray());
        return new ProjectSchedule(instance.name(), calendar, nonRenewableNames, nonRenewableCapacity, activities,
                new MakespanObjective(nonRenewableCapacity));
    }

    /** The solver's result as a PSPLIB schedule (1-based mode numbers), for the independent verifier. */
    public static PsplibSchedule toPsplibSchedule(PsplibInstance instance, ProjectSolver.Result result) {
        List<Integer> modes = new ArrayList<>();
        for (int i = 0; i < instance.jobCount(); i++) {
            ExecutionMode mode = result.modes().get(i);
            Activity activity = result.solution().getActivities().get(i);
            modes.add(activity.getModeOptions().indexOf(mode) + 1);
        }
        return new PsplibSchedule(modes, result.starts());
    }

    /**
     * A lower bound on the makespan: the longest path with each job's shortest mode, and for each renewable
     * resource its least total work over its capacity. A solve may stop when it reaches it: nothing is better.
     */
    public static int lowerBound(PsplibInstance instance) {
        int n = instance.jobCount();
        int[] earliestFinish = new int[n];
        List<List<Integer>> predecessors = instance.predecessors();
        boolean changed = true;
        // jobs in PSPLIB are numbered topologically, but do not rely on it: relax until stable
        while (changed) {
            changed = false;
            for (PsplibJob job : instance.jobs()) {
                int est = 0;
                for (int p : predecessors.get(job.number() - 1)) {
                    est = Math.max(est, earliestFinish[p - 1]);
                }
                int shortest = job.modes().stream().mapToInt(PsplibMode::duration).min().orElseThrow();
                if (est + shortest > earliestFinish[job.number() - 1]) {
                    earliestFinish[job.number() - 1] = est + shortest;
                    changed = true;
                }
            }
        }
        int bound = 0;
        for (int f : earliestFinish) {
            bound = Math.max(bound, f);
        }
        for (int r = 0; r < instance.renewableCount(); r++) {
            long work = 0;
            for (PsplibJob job : instance.jobs()) {
                int rr = r;
                work += job.modes().stream().mapToLong(m -> (long) m.duration() * m.renewableDemand().get(rr))
                        .min().orElseThrow();
            }
            int capacity = instance.renewableCapacity().get(r);
            if (capacity > 0) {
                bound = (int) Math.max(bound, (work + capacity - 1) / capacity);
            }
        }
        return bound;
    }
}
