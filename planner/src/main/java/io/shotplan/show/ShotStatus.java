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

    /**
     * The status of a stored shot after a file names it again with {@code inFile}, for a replaced show and a revised
     * shot list alike. A file's NOT_STARTED is the column's default, not news: it does not undo what generation or a
     * tracker recorded since (a revised pull would otherwise send finished shots back to the artists). A shot the
     * file brings back from OMITTED starts again.
     */
    public ShotStatus revisedBy(ShotStatus inFile) {
        return this == OMITTED || inFile != NOT_STARTED ? inFile : this;
    }
}
