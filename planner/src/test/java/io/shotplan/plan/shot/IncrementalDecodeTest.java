package io.shotplan.plan.shot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.solver.SerialScheduleDecoder;
import io.shotplan.show.Show;

/** Replaying a decode from the first changed position must give exactly what a decode from scratch gives. */
class IncrementalDecodeTest {

    @Test
    void replayingFromTheFirstChangedPositionEqualsDecodingFromScratch() {
        Season season = new Season();
        for (int round = 0; round < 300; round++) {
            int replayed = season.decoder.decode(season.order, season.modes, false, season.randomMove());

            season.assertDecodedAsFromScratch(replayed);
        }
    }

    @Test
    void takingBackAReplayedMoveRestoresTheDecodeBeforeItAndTheNextMoveReplaysFromThere() {
        Season season = new Season();
        int takenBack = 0;
        for (int round = 0; round < 300; round++) {
            List<Activity> orderBefore = new ArrayList<>(season.order);
            ExecutionMode[] modesBefore = season.modes.clone();
            int replayed = season.decoder.decode(season.order, season.modes, false, season.randomMove());
            // a move from position 0 is a decode from scratch, with no replay to take back
            if (season.decoder.canTakeBackLastReplay() && season.random.nextBoolean()) {
                // the search rejected the move: back to the list and modes before it, then the next move
                season.order = orderBefore;
                season.modes = modesBefore;
                season.decoder.takeBackLastReplay();
                takenBack++;
                assertThat(season.decoder.canTakeBackLastReplay()).isFalse();
                season.assertRecordIsFromScratch();
                replayed = season.decoder.decode(season.order, season.modes, false, season.randomMove());
            }

            season.assertDecodedAsFromScratch(replayed);
        }
        assertThat(takenBack).isGreaterThan(100);
    }

    /** A 300-shot season with two pinned starts, its list and modes, and a decoder that replays them. */
    private static final class Season {

        final CompiledShow compiled;
        final SerialScheduleDecoder decoder;
        final Random random = new Random(3);
        List<Activity> order;
        ExecutionMode[] modes;

        Season() {
            Show show = GeneratedSeason.generate(300, 5);
            // two pinned starts make fixed bookings part of the state that a replay keeps
            compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)).withPins(List.of(
                    Pin.start(show.shots().get(3).code(), LocalDate.of(2027, 2, 1)),
                    Pin.start(show.shots().get(40).code(), LocalDate.of(2027, 1, 11)))));
            List<Activity> activities = compiled.schedule().getActivities();
            decoder = new SerialScheduleDecoder(compiled.schedule());
            order = new ArrayList<>(activities);
            modes = new ExecutionMode[activities.size()];
            for (Activity a : activities) {
                modes[a.getIndex()] = a.getModeOptions().get(0);
            }
            decoder.decode(order, modes, false);
        }

        /** Moves an activity in the list or changes one's mode; returns the first list position that changed. */
        int randomMove() {
            if (random.nextBoolean()) {
                int from = random.nextInt(order.size());
                int to = random.nextInt(order.size());
                order.add(to, order.remove(from));
                return Math.min(from, to);
            }
            int p = random.nextInt(order.size());
            Activity a = order.get(p);
            modes[a.getIndex()] = a.getModeOptions().get(random.nextInt(a.getModeOptions().size()));
            return p;
        }

        void assertDecodedAsFromScratch(int makespan) {
            assertThat(makespan).isEqualTo(assertRecordIsFromScratch());
        }

        /** Asserts that the decoder holds the schedule a decode from scratch gives; returns that one's makespan. */
        int assertRecordIsFromScratch() {
            SerialScheduleDecoder scratch = new SerialScheduleDecoder(compiled.schedule());
            int makespan = scratch.decode(order, modes, false);
            assertThat(decoder.start()).containsExactly(scratch.start());
            assertThat(decoder.finish()).containsExactly(scratch.finish());
            assertThat(decoder.capacityExcess()).isEqualTo(scratch.capacityExcess());
            return makespan;
        }
    }

    @Test
    void fullAssertOnAGeneratedSeasonFindsNoScoreCorruptionFromReplays() {
        CompiledShow compiled = new CompiledShow(GeneratedSeason.generate(120, 9), PlanRequest.of(Duration.ofMinutes(1)));
        io.shotplan.plan.solver.ProjectSolver.Settings settings = io.shotplan.plan.solver.ProjectSolver.Settings
                .of(Duration.ofMinutes(1)).withMoveCountLimit(1_500).withRestartAfterUnimprovedSteps(0)
                .withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.FULL_ASSERT);

        var result = io.shotplan.plan.solver.ProjectSolver.solve(compiled.schedule(), settings);

        // FULL_ASSERT fails the solve on any difference between the replayed and a from-scratch score
        assertThat(result.score().hardScore()).isZero();
    }
}
