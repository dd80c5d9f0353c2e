package io.shotplan.plan.shot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shotplan.show.CrewPlan;

/**
 * The show's time axis: period 0 is the first working day on or after the show's start, and each period is one
 * working day (weekends skipped). The scheduler counts in periods; people read dates.
 */
public final class WorkingDays {

    private final List<LocalDate> days = new ArrayList<>();

    public WorkingDays(LocalDate start) {
        LocalDate day = start;
        while (!CrewPlan.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        days.add(day);
    }

    public LocalDate start() {
        return days.get(0);
    }

    /** The date of a period (extends the calendar as needed). */
    public LocalDate date(int period) {
        if (period < 0) {
            throw new IllegalArgumentException("period " + period + " is before the show starts");
        }
        while (days.size() <= period) {
            LocalDate day = days.get(days.size() - 1).plusDays(1);
            while (!CrewPlan.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            days.add(day);
        }
        return days.get(period);
    }

    /** The first period on or after a date (a plate arriving on a Saturday can be worked on Monday). */
    public int periodOnOrAfter(LocalDate date) {
        if (!date.isAfter(start())) {
            return 0;
        }
        int period = 0;
        while (date(period).isBefore(date)) {
            period++;
        }
        return period;
    }

    /** The number of working days strictly before a date: a shot finishing by then (exclusive) is on time. */
    public int periodsBefore(LocalDate date) {
        return periodOnOrAfter(date);
    }

    /** The last day of work for something that ends at an exclusive finish period. */
    public LocalDate lastDay(int finishPeriod) {
        return date(Math.max(0, finishPeriod - 1));
    }

    /**
     * The period an episode must finish before (exclusive): the working day before its delivery less the review
     * buffer, when the client reviews the finished episode.
     */
    public int duePeriod(LocalDate delivery, int reviewBufferDays) {
        return Math.max(0, periodsBefore(delivery) - reviewBufferDays);
    }

    /**
     * How many working days before its due period an episode whose last shot ends on {@code lastDay} finishes
     * (negative: late), as {@link EpisodePlan#slackDays()} says for an episode with shots.
     */
    public int slackDays(LocalDate lastDay, LocalDate delivery, int reviewBufferDays) {
        return duePeriod(delivery, reviewBufferDays) - (periodOnOrAfter(lastDay) + 1);
    }
}
