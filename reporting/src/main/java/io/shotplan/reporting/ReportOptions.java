package io.shotplan.reporting;

import java.time.LocalDate;

/**
 * What a report is computed with, beyond the data.
 *
 * @param asOf                  the report date: ledger rows after it are not actuals yet, shots planned to end before
 *                              it and not done are late
 * @param driversPerEpisode     how many variance-driving shots each episode lists
 * @param crewDaysPerWeek       working days an artist gives per week (from Monday), for crew capacity
 * @param gpuDaysPerWeek        days a GPU pool runs per week, for GPU capacity
 * @param originals             whether the report lists the original amounts of actuals booked from other
 *                              currencies, per episode and currency ({@link ShowReport#originals()}); asked for, as
 *                              most readers want the show's currency only
 */
public record ReportOptions(LocalDate asOf, int driversPerEpisode, int crewDaysPerWeek, int gpuDaysPerWeek,
                            boolean originals) {

    public static final int DEFAULT_DRIVERS = 10;
    public static final int DEFAULT_CREW_DAYS_PER_WEEK = 5;
    public static final int DEFAULT_GPU_DAYS_PER_WEEK = 7;

    public ReportOptions {
        if (asOf == null) {
            throw new IllegalArgumentException("a report needs an as-of date");
        }
        if (driversPerEpisode < 0 || crewDaysPerWeek < 1 || crewDaysPerWeek > 7 || gpuDaysPerWeek < 1 || gpuDaysPerWeek > 7) {
            throw new IllegalArgumentException("drivers per episode must be >= 0 and days per week between 1 and 7, got "
                    + driversPerEpisode + ", " + crewDaysPerWeek + ", " + gpuDaysPerWeek);
        }
    }

    /** The defaults, as of the given day. */
    public static ReportOptions asOf(LocalDate asOf) {
        return new ReportOptions(asOf, DEFAULT_DRIVERS, DEFAULT_CREW_DAYS_PER_WEEK, DEFAULT_GPU_DAYS_PER_WEEK, false);
    }

    /** These options, with or without the original amounts. */
    public ReportOptions withOriginals(boolean originals) {
        return new ReportOptions(asOf, driversPerEpisode, crewDaysPerWeek, gpuDaysPerWeek, originals);
    }
}
