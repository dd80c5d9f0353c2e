package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.plan.solver.SerialScheduleDecoder;

class PsplibSolveTest {

    private static ProjectSolver.Settings quick() {
        // a move limit, not a time limit, decides when to stop: the test is the same on any machine
        return ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(60_000).withSeed(7);
    }

    @Test
    void findsThePublishedOptimumOfJ1010_1AndTheVerifierAcceptsIt() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();

        ProjectSolver.Result result = ProjectSolver.solve(PsplibProject.toSchedule(instance), quick());
        PsplibSchedule schedule = PsplibProject.toPsplibSchedule(instance, result);

        assertThat(result.feasible()).isTrue();
        assertThat(ScheduleVerifier.violations(instance, schedule)).isEmpty();
        assertThat(schedule.makespan(instance)).isEqualTo(17).isEqualTo(result.makespan());
    }

    @Test
    void sameSeedAndMoveLimitGiveTheSameSchedule() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(5_000).withSeed(3);

        PsplibSchedule first = PsplibProject.toPsplibSchedule(instance,
                ProjectSolver.solve(PsplibProject.toSchedule(instance), settings));
        PsplibSchedule second = PsplibProject.toPsplibSchedule(instance,
                ProjectSolver.solve(PsplibProject.toSchedule(instance), settings));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSettingsSeedDecidesEveryRestartWhateverSeedTheProblemCarries() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        // short runs, so the move limit spans many restarts, each with a construction of its own
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(20_000)
                .withRestartAfterUnimprovedSteps(50).withSeed(3);
        ProjectSchedule one = PsplibProject.toSchedule(instance);
        one.setSeed(11);
        ProjectSchedule other = PsplibProject.toSchedule(instance);
        other.setSeed(99);

        ProjectSolver.Result first = ProjectSolver.solve(one, settings);
        ProjectSolver.Result second = ProjectSolver.solve(other, settings);

        assertThat(second.history().stream().map(ProjectSolver.BestScore::score).toList())
                .isEqualTo(first.history().stream().map(ProjectSolver.BestScore::score).toList());
        assertThat(PsplibProject.toPsplibSchedule(instance, second))
                .isEqualTo(PsplibProject.toPsplibSchedule(instance, first));
    }

    @Test
    void fullAssertFindsNoScoreCorruption() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(1_500)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);

        ProjectSolver.Result result = ProjectSolver.solve(PsplibProject.toSchedule(instance), settings);

        assertThat(result.feasible()).isTrue();
    }

    @Test
    void everyListAndModeChoiceDecodesToASchedulePassingPrecedenceAndCapacityChecks() {
        PsplibInstance instance = PsplibReaderTest.j1010_1();
        // the instance with non-renewable limits lifted, so any random mode choice is allowed
        PsplibInstance unlimited = new PsplibInstance(instance.name(), instance.horizon(), instance.jobs(),
                instance.renewableCapacity(), List.of(1000, 1000));
        ProjectSchedule project = PsplibProject.toSchedule(unlimited);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);
        Random random = new Random(42);
        List<Activity> order = new ArrayList<>(project.getActivities());
        for (int round = 0; round < 300; round++) {
            Collections.shuffle(order, random);
            ExecutionMode[] modes = new ExecutionMode[order.size()];
            List<Integer> modeNumbers = new ArrayList<>();
            for (Activity activity : project.getActivities()) {
                int m = random.nextInt(activity.getModeOptions().size());
                modes[activity.getIndex()] = activity.getModeOptions().get(m);
                modeNumbers.add(m + 1);
            }
            int forward = decoder.decode(order, modes, false);
            assertThat(ScheduleVerifier.violations(unlimited, new PsplibSchedule(modeNumbers, boxed(decoder.start()))))
                    .isEmpty();
            int justified = decoder.decode(order, modes, true);
            PsplibSchedule schedule = new PsplibSchedule(modeNumbers, boxed(decoder.start()));
            assertThat(ScheduleVerifier.violations(unlimited, schedule)).isEmpty();
            assertThat(justified).isLessThanOrEqualTo(forward).isEqualTo(schedule.makespan(unlimited));
        }
    }

    @Test
    void lowerBoundNeverExceedsTheOptimum() {
        assertThat(PsplibProject.lowerBound(PsplibReaderTest.j1010_1())).isEqualTo(17);
        assertThat(PsplibProject.lowerBound(ScheduleVerifierTest.tiny())).isEqualTo(4);
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
