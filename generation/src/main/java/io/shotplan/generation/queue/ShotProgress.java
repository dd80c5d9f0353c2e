package io.shotplan.generation.queue;

import java.util.Map;

/** Generation progress of one shot: frames done out of the frames its jobs cover, and its jobs per state. */
public record ShotProgress(long shotId, String shotCode, String shotStatus, int framesDone, int framesTotal, int jobs,
                           Map<JobState, Integer> jobsByState) {

    public double fraction() {
        return framesTotal == 0 ? 0 : (double) framesDone / framesTotal;
    }
}
