package io.shotplan.show;

public enum ShotStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    OMITTED,
    /** An AI attempt failed for good: the shot must be re-planned as traditional work. */
    REPLAN;

    /** Shots already under way or finished keep their mode and dates when re-planning. */
    public boolean isFixed() {
        return this == IN_PROGRESS || this == DONE;
    }
}
