package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.solver.ProjectSolver;

class PsplibCpSatTest {

    /**
     * A feasible but poor schedule of j1010_1: the modes of the engine's construction (within the non-renewable
     * limits), the jobs one after another in number order (PSPLIB numbers them topologically).
     */
    private static PsplibSchedule oneAfterAnother(PsplibInstance instance) {
        ProjectSolver.Result constructed = ProjectSolver.solve(PsplibProject.toSchedule(instance),
                ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(1));
        List<Integer> modes = PsplibProject.toPsplibSchedule(instance, constructed).modes();
        List<Integer> starts = new ArrayList<>();
        int time = 0;
        for (PsplibJob job : instance.jobs()) {
            starts.add(time);
            time += job.mode(modes.get(job.number() - 1)).duration();
        }
        return new PsplibSchedule(modes, starts);
    }

    @Test
    void improvesAPoorScheduleToThePublishedOptimumAndProvesIt() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        PsplibSchedule poor = oneAfterAnother(instance);
        assertThat(ScheduleVerifier.violations(instance, poor)).isEmpty();
        assertThat(poor.makespan(instance)).isGreaterThan(17);

        PsplibCpSat.Outcome outcome = PsplibCpSat.improve(instance, poor, PsplibProject.lowerBound(instance),
                Duration.ofMinutes(1), 0, 1.0);

        assertThat(outcome.schedule()).isPresent();
        PsplibSchedule better = outcome.schedule().get();
        assertThat(ScheduleVerifier.violations(instance, better)).isEmpty();
        assertThat(better.makespan(instance)).isEqualTo(17);
        assertThat(outcome.lowerBound()).isEqualTo(17);
        assertThat(outcome.optimal()).isTrue();
    }

    @Test
    void withoutAHintItSchedulesFromScratchToTheOptimum() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();

        PsplibCpSat.Outcome outcome = PsplibCpSat.solve(instance, java.util.Optional.empty(),
                PsplibProject.lowerBound(instance), Duration.ofMinutes(1), 0, 1.0);

        assertThat(outcome.schedule()).isPresent();
        assertThat(ScheduleVerifier.violations(instance, outcome.schedule().get())).isEmpty();
        assertThat(outcome.schedule().get().makespan(instance)).isEqualTo(17);
        assertThat(outcome.optimal()).isTrue();
    }

    @Test
    void aHintAtTheKnownBoundNeedsNoSearch() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        PsplibSchedule poor = oneAfterAnother(instance);

        PsplibCpSat.Outcome outcome = PsplibCpSat.improve(instance, poor, poor.makespan(instance), Duration.ofMinutes(1), 0, 0);

        assertThat(outcome.schedule()).isEmpty();
        assertThat(outcome.optimal()).isTrue();
        assertThat(outcome.lowerBound()).isEqualTo(poor.makespan(instance));
    }

    @Test
    void searchesUntilItsDeadlineWhenItCannotProveOptimality() {
        PsplibInstance instance = PsplibReader.parse(java.nio.file.Path.of("j3037_9.mm"), "j3037_9",
                PsplibSamples.J3037_9.lines().toList());
        // longer than one turn of a full search (about 2.7 s on a free core), after which CP-SAT's own limit would
        // have ended the search with more than a second left
        Duration limit = Duration.ofSeconds(4);

        long started = System.nanoTime();
        PsplibCpSat.Outcome outcome = PsplibCpSat.solve(instance, java.util.Optional.empty(),
                PsplibProject.lowerBound(instance), limit, 0, 0);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome.optimal()).isFalse();
        assertThat(took).isBetween(limit.minusMillis(100), limit.plusSeconds(2));
    }

    @Test
    void theOneThreadKeepsTheLpSearchAndTheSchedulingNeighbourhoodsOnly() {
        // quick_restart's turns went to the neighbourhoods (docs/benchmarks.md, issue 16, seventh session)
        assertThat(PsplibCpSat.SKIPPED_SUBSOLVERS).contains("quick_restart", "no_lp", "max_lp")
                .doesNotContain("default_lp", "scheduling_intervals_lns", "scheduling_precedences_lns");
    }

    @Test
    void sameSeedAndDeterministicBudgetGiveTheSameSchedule() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        PsplibSchedule poor = oneAfterAnother(instance);
        double budget = 0.02;

        PsplibCpSat.Outcome first = PsplibCpSat.improve(instance, poor, 0, Duration.ofMinutes(1), 4, budget);
        PsplibCpSat.Outcome second = PsplibCpSat.improve(instance, poor, 0, Duration.ofMinutes(1), 4, budget);

        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(second.lowerBound()).isEqualTo(first.lowerBound());
        // the work done is counted, not timed: the same on every run
        assertThat(second.deterministicSeconds()).isPositive().isEqualTo(first.deterministicSeconds());
    }
}
