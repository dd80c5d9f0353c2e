package io.shotplan.psplib;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a schedule against the instance directly, without any code of the solver: so a decoder bug cannot hide
 * behind a score that agrees with it. Checks modes exist, starts are non-negative, finish-to-start precedence,
 * renewable capacity in every period and non-renewable totals.
 */
public final class ScheduleVerifier {

    private ScheduleVerifier() {
    }

    /** Every violation found, in words; empty when the schedule is feasible. */
    public static List<String> violations(PsplibInstance instance, PsplibSchedule schedule) {
        List<String> violations = new ArrayList<>();
        int n = instance.jobCount();
        if (schedule.modes().size() != n) {
            violations.add("Schedule has " + schedule.modes().size() + " jobs, instance has " + n + ".");
            return violations;
        }
        for (int job = 1; job <= n; job++) {
            int mode = schedule.modes().get(job - 1);
            if (mode < 1 || mode > instance.job(job).modes().size()) {
                violations.add("Job " + job + " has mode " + mode + ", which does not exist.");
            }
            if (schedule.starts().get(job - 1) < 0) {
                violations.add("Job " + job + " starts at " + schedule.starts().get(job - 1) + " < 0.");
            }
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        for (PsplibJob job : instance.jobs()) {
            int finish = schedule.finish(instance, job.number());
            for (int successor : job.successors()) {
                int successorStart = schedule.starts().get(successor - 1);
                if (successorStart < finish) {
                    violations.add("Job %d starts at %d before its predecessor %d finishes at %d."
                            .formatted(successor, successorStart, job.number(), finish));
                }
            }
        }
        int makespan = schedule.makespan(instance);
        for (int r = 0; r < instance.renewableCount(); r++) {
            int capacity = instance.renewableCapacity().get(r);
            for (int t = 0; t < makespan; t++) {
                int used = 0;
                for (int job = 1; job <= n; job++) {
                    int start = schedule.starts().get(job - 1);
                    PsplibMode mode = instance.job(job).mode(schedule.modes().get(job - 1));
                    if (start <= t && t < start + mode.duration()) {
                        used += mode.renewableDemand().get(r);
                    }
                }
                if (used > capacity) {
                    violations.add("Renewable resource R%d uses %d > capacity %d in period %d."
                            .formatted(r + 1, used, capacity, t));
                }
            }
        }
        for (int k = 0; k < instance.nonRenewableCount(); k++) {
            int used = 0;
            for (int job = 1; job <= n; job++) {
                used += instance.job(job).mode(schedule.modes().get(job - 1)).nonRenewableDemand().get(k);
            }
            int capacity = instance.nonRenewableCapacity().get(k);
            if (used > capacity) {
                violations.add("Non-renewable resource N%d uses %d > capacity %d.".formatted(k + 1, used, capacity));
            }
        }
        return violations;
    }
}
