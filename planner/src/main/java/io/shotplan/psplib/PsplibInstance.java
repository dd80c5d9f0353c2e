package io.shotplan.psplib;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-mode resource-constrained project scheduling instance (MRCPSP) as published in PSPLIB.
 * Jobs are numbered 1..n as in the file; job 1 is the source and job n the sink.
 */
public record PsplibInstance(String name, int horizon, List<PsplibJob> jobs,
        List<Integer> renewableCapacity, List<Integer> nonRenewableCapacity) {

    public PsplibInstance {
        jobs = List.copyOf(jobs);
        renewableCapacity = List.copyOf(renewableCapacity);
        nonRenewableCapacity = List.copyOf(nonRenewableCapacity);
    }

    public int jobCount() {
        return jobs.size();
    }

    public int renewableCount() {
        return renewableCapacity.size();
    }

    public int nonRenewableCount() {
        return nonRenewableCapacity.size();
    }

    public PsplibJob job(int number) {
        return jobs.get(number - 1);
    }

    /** Predecessor job numbers of each job, indexed by job number - 1. */
    public List<List<Integer>> predecessors() {
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            predecessors.add(new ArrayList<>());
        }
        for (PsplibJob job : jobs) {
            for (int successor : job.successors()) {
                predecessors.get(successor - 1).add(job.number());
            }
        }
        return predecessors;
    }
}
