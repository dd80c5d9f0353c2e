package io.shotplan.psplib;

import java.util.List;

/** A schedule of a PSPLIB instance: per job (index = job number - 1) its mode number (1-based) and start period. */
public record PsplibSchedule(List<Integer> modes, List<Integer> starts) {

    public PsplibSchedule {
        modes = List.copyOf(modes);
        starts = List.copyOf(starts);
        if (modes.size() != starts.size()) {
            throw new IllegalArgumentException("modes and starts differ in size");
        }
    }

    public int finish(PsplibInstance instance, int jobNumber) {
        return starts.get(jobNumber - 1) + instance.job(jobNumber).mode(modes.get(jobNumber - 1)).duration();
    }

    public int makespan(PsplibInstance instance) {
        int makespan = 0;
        for (int job = 1; job <= instance.jobCount(); job++) {
            makespan = Math.max(makespan, finish(instance, job));
        }
        return makespan;
    }
}
