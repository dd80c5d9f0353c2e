package io.shotplan.show;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Artists per discipline over time: each {@link Capacity} holds from its date until a later one for the same
 * discipline; {@link Exception}s override single days (holidays, closures) for one discipline or, with a null
 * discipline, for everyone. Weekends are not working days.
 */
public record CrewPlan(List<Capacity> capacities, List<Exception> exceptions) {

    public record Capacity(String discipline, LocalDate from, BigDecimal artists) {
    }

    public record Exception(LocalDate day, String discipline, BigDecimal artists, String reason) {
        public boolean appliesTo(String disciplineCode) {
            return discipline == null || discipline.equals(disciplineCode);
        }
    }

    public CrewPlan {
        capacities = capacities.stream().sorted(Comparator.comparing(Capacity::from)).toList();
        exceptions = List.copyOf(exceptions);
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Artists of a discipline available on a day. */
    public BigDecimal artistsOn(String discipline, LocalDate day) {
        if (!isWorkingDay(day)) {
            return BigDecimal.ZERO;
        }
        for (Exception exception : exceptions) {
            if (exception.day().equals(day) && exception.appliesTo(discipline)) {
                return exception.artists();
            }
        }
        BigDecimal artists = BigDecimal.ZERO;
        for (Capacity capacity : capacities) {
            if (capacity.discipline().equals(discipline) && !capacity.from().isAfter(day)) {
                artists = capacity.artists();
            }
        }
        return artists;
    }
}
