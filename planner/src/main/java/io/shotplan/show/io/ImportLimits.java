package io.shotplan.show.io;

/**
 * How much one import may read: checked before anything is read into memory, so an oversized file is a clear
 * error and never an out-of-memory.
 *
 * @param maxFileBytes bytes per file
 * @param maxRows      shots per shot list or EDL, rows per actuals file
 */
public record ImportLimits(long maxFileBytes, int maxRows) {

    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final ImportLimits DEFAULT = new ImportLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ROWS);

    public ImportLimits {
        if (maxFileBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("import limits must be positive, got " + maxFileBytes + " bytes and "
                    + maxRows + " rows");
        }
    }
}
