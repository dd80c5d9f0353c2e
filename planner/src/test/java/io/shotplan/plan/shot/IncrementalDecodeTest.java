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
        Show show = GeneratedSeason.generate(300, 5);
        // two pinned starts make fixed bookings part of the state that a replay keeps
        CompiledShow compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)).withPins(List.of(
                Pin.start(show.shots().get(3).code(), LocalDate.of(2027, 2, 1)),
                Pin.start(show.shots().get(40).code(), LocalDate.of(2027, 1, 11)))));
        List<Activity> activities = compiled.schedule().getActivities();
        SerialScheduleDecoder incremental = new SerialScheduleDecoder(compiled.schedule());
        Random random = new Random(3);
        List<Activity> order = new ArrayList<>(activities);
        ExecutionMode[] modes = new ExecutionMode[activities.size()];
        for (Activity a : activities) {
            modes[a.getIndex()] = a.getModeOptions().get(0);
        }
        incremental.decode(order, modes, false);
        for (int round = 0; round < 300; round++) {
            int firstChanged;
            if (random.nextBoolean()) {
                int from = random.nextInt(order.size());
                int to = random.nextInt(order.size());
                order.add(to, order.remove(from));
                firstChanged = Math.min(from, to);
            } else {
                int p = random.nextInt(order.size());
                Activity a = order.get(p);
                modes[a.getIndex()] = a.getModeOptions().get(random.nextInt(a.getModeOptions().size()));
                firstChanged = p;
            }
            int replayed = incremental.decode(order, modes, false, firstChanged);
            SerialScheduleDecoder scratch = new SerialScheduleDecoder(compiled.schedule());
            int full = scratch.decode(order, modes, false);

            assertThat(replayed).isEqualTo(full);
            assertThat(incremental.start()).containsExactly(scratch.start());
            assertThat(incremental.capacityExcess()).isEqualTo(scratch.capacityExcess());
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
