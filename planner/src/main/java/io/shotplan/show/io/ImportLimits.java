package io.shotplan.show.io;

/**
 * How much one import may read and what a shot may ask for. The sizes are checked before anything is read into
 * memory (a file's bytes as they are read, a show file's depth and tokens as they are parsed), so an oversized file
 * is a clear error and never an out-of-memory; the shot limits keep a typo such as a frame count of 2³¹−1 from
 * reaching the planner and the render queue.
 *
 * @param maxFileBytes      bytes per file
 * @param maxRows           shots per shot list or EDL, rows per actuals file
 * @param maxFramesPerShot  frames one shot may have
 * @param maxResolutionSide pixels per side of a plate (width and height)
 */
public record ImportLimits(long maxFileBytes, int maxRows, int maxFramesPerShot, int maxResolutionSide) {

    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final int DEFAULT_MAX_FRAMES_PER_SHOT = 100_000;
    public static final int DEFAULT_MAX_RESOLUTION_SIDE = 16_384;
    public static final ImportLimits DEFAULT = new ImportLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ROWS);

    /** Nesting a show file may have: its deepest key is four levels down (bid_template[].days_per_100_frames). */
    public static final int SHOW_FILE_MAX_DEPTH = 16;
    /**
     * Keys and values a show file may have. Shots live in the shot list, so even a long series' file (hundreds of
     * episodes, dozens of pools and capabilities) has a few thousand; this bounds what parsing it may hold.
     */
    public static final long SHOW_FILE_MAX_TOKENS = 200_000;
    /** Characters one value of a show file may have (its longest fields are names and reasons). */
    public static final int SHOW_FILE_MAX_STRING = 10_000;

    public ImportLimits {
        if (maxFileBytes <= 0 || maxRows <= 0 || maxFramesPerShot <= 0 || maxResolutionSide <= 0) {
            throw new IllegalArgumentException("import limits must be positive, got " + maxFileBytes + " bytes, "
                    + maxRows + " rows, " + maxFramesPerShot + " frames per shot and " + maxResolutionSide
                    + " pixels per side");
        }
    }

    /** Size limits with the default shot limits. */
    public ImportLimits(long maxFileBytes, int maxRows) {
        this(maxFileBytes, maxRows, DEFAULT_MAX_FRAMES_PER_SHOT, DEFAULT_MAX_RESOLUTION_SIDE);
    }
}
