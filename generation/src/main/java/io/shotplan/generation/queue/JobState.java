package io.shotplan.generation.queue;

/** The life of a generation job (generation_job.state). */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, PAUSED, CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
