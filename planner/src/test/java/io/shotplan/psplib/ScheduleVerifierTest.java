package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleVerifierTest {

    /**
     * Source 1 -> jobs 2 and 3 -> sink 4. R1 capacity 2, N1 capacity 5.
     * Job 2: mode 1 (2 periods, R1=2, N1=4), mode 2 (4 periods, R1=1, N1=1). Job 3: one mode (3 periods, R1=1, N1=1).
     */
    static PsplibInstance tiny() {
        return new PsplibInstance("tiny", 10, List.of(
                new PsplibJob(1, List.of(2, 3), List.of(new PsplibMode(1, 0, List.of(0), List.of(0)))),
                new PsplibJob(2, List.of(4), List.of(
                        new PsplibMode(1, 2, List.of(2), List.of(4)),
                        new PsplibMode(2, 4, List.of(1), List.of(1)))),
                new PsplibJob(3, List.of(4), List.of(new PsplibMode(1, 3, List.of(1), List.of(1)))),
                new PsplibJob(4, List.of(), List.of(new PsplibMode(1, 0, List.of(0), List.of(0))))),
                List.of(2), List.of(5));
    }

    @Test
    void acceptsAFeasibleSchedule() {
        // job 2 in its cheap, long mode runs beside job 3
        PsplibSchedule schedule = new PsplibSchedule(List.of(1, 2, 1, 1), List.of(0, 0, 0, 4));

        assertThat(ScheduleVerifier.violations(tiny(), schedule)).isEmpty();
        assertThat(schedule.makespan(tiny())).isEqualTo(4);
    }

    @Test
    void findsAPrecedenceViolation() {
        PsplibSchedule schedule = new PsplibSchedule(List.of(1, 2, 1, 1), List.of(0, 0, 0, 3));

        assertThat(ScheduleVerifier.violations(tiny(), schedule))
                .containsExactly("Job 4 starts at 3 before its predecessor 2 finishes at 4.");
    }

    @Test
    void findsRenewableOverloadInTheExactPeriods() {
        // job 2 fast (R1=2) overlaps job 3 (R1=1) in periods 0 and 1; N1 = 4 + 1 = 5 is within the limit
        PsplibSchedule schedule = new PsplibSchedule(List.of(1, 1, 1, 1), List.of(0, 0, 0, 3));

        assertThat(ScheduleVerifier.violations(tiny(), schedule)).containsExactly(
                "Renewable resource R1 uses 3 > capacity 2 in period 0.",
                "Renewable resource R1 uses 3 > capacity 2 in period 1.");
    }

    @Test
    void findsNonRenewableOveruse() {
        PsplibInstance tight = new PsplibInstance("tight", 10, tiny().jobs(), List.of(2), List.of(4));
        PsplibSchedule schedule = new PsplibSchedule(List.of(1, 1, 1, 1), List.of(0, 0, 2, 5));

        assertThat(ScheduleVerifier.violations(tight, schedule))
                .containsExactly("Non-renewable resource N1 uses 5 > capacity 4.");
    }

    @Test
    void rejectsAModeThatDoesNotExist() {
        PsplibSchedule schedule = new PsplibSchedule(List.of(1, 3, 1, 1), List.of(0, 0, 0, 4));

        assertThat(ScheduleVerifier.violations(tiny(), schedule)).containsExactly("Job 2 has mode 3, which does not exist.");
    }
}
