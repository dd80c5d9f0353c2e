package io.shotplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;
import io.shotplan.plan.solver.MakespanObjective;
import io.shotplan.plan.solver.SerialScheduleDecoder;

class SerialScheduleDecoderTest {

    private static ExecutionMode mode(int duration, int demand) {
        return new ExecutionMode("d" + duration, duration, new int[] {demand}, new long[0]);
    }

    private static Activity activity(int index, ExecutionMode mode, int[] predecessors, int[] successors, int release,
            int fixedStart) {
        Activity activity = new Activity(index, "a" + index, List.of(mode), predecessors, successors, release, fixedStart);
        activity.setMode(mode);
        return activity;
    }

    private static ProjectSchedule project(RenewableCalendar calendar, Activity... activities) {
        return new ProjectSchedule("test", calendar, new String[0], new long[0], List.of(activities),
                new MakespanObjective(new long[0]));
    }

    private static ExecutionMode[] modes(ProjectSchedule project) {
        return project.getActivities().stream().map(Activity::getMode).toArray(ExecutionMode[]::new);
    }

    private static RenewableCalendar capacity(int capacity) {
        return RenewableCalendar.constant(new String[] {"artists"}, new int[] {capacity});
    }

    @Test
    void activitiesCompetingForTheSameCapacityRunOneAfterTheOtherInListOrder() {
        Activity a = activity(0, mode(3, 2), new int[0], new int[0], 0, -1);
        Activity b = activity(1, mode(2, 2), new int[0], new int[0], 0, -1);
        ProjectSchedule project = project(capacity(3), a, b);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        assertThat(decoder.decode(List.of(b, a), modes(project), false)).isEqualTo(5);
        assertThat(decoder.start()).containsExactly(2, 0);
        assertThat(decoder.decode(List.of(a, b), modes(project), false)).isEqualTo(5);
        assertThat(decoder.start()).containsExactly(0, 3);
    }

    @Test
    void aSuccessorListedBeforeItsPredecessorStillStartsAfterIt() {
        Activity first = activity(0, mode(4, 1), new int[0], new int[] {1}, 0, -1);
        Activity second = activity(1, mode(1, 1), new int[] {0}, new int[0], 0, -1);
        ProjectSchedule project = project(capacity(5), first, second);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        assertThat(decoder.decode(List.of(second, first), modes(project), false)).isEqualTo(5);
        assertThat(decoder.start()).containsExactly(0, 4);
    }

    @Test
    void anActivityWaitsForItsReleasePeriod() {
        Activity plate = activity(0, mode(2, 1), new int[0], new int[0], 6, -1);
        ProjectSchedule project = project(capacity(1), plate);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        assertThat(decoder.decode(List.of(plate), modes(project), true)).isEqualTo(8);
        assertThat(decoder.start()).containsExactly(6);
    }

    @Test
    void aFixedActivityKeepsItsStartAndItsCapacity() {
        Activity done = activity(0, mode(3, 1), new int[0], new int[0], 0, 2);
        Activity free = activity(1, mode(2, 1), new int[0], new int[0], 0, -1);
        ProjectSchedule project = project(capacity(1), done, free);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        decoder.decode(List.of(free, done), modes(project), true);

        // periods 0-1 are free before the fixed one occupies 2-4
        assertThat(decoder.start()).containsExactly(2, 0);
        Activity longer = activity(1, mode(3, 1), new int[0], new int[0], 0, -1);
        ProjectSchedule project2 = project(capacity(1), activity(0, mode(3, 1), new int[0], new int[0], 0, 2), longer);
        SerialScheduleDecoder decoder2 = new SerialScheduleDecoder(project2);
        decoder2.decode(List.of(longer), modes(project2), false);
        assertThat(decoder2.start()).containsExactly(2, 5);
    }

    @Test
    void aCalendarGapPushesTheStartPastIt() {
        // capacity 1 except period 2 (a holiday): a 2-period job cannot straddle it
        RenewableCalendar calendar = new RenewableCalendar(new String[] {"artists"}, new int[][] {{1, 1, 0, 1}},
                new int[] {1});
        Activity first = activity(0, mode(1, 1), new int[0], new int[0], 0, -1);
        Activity second = activity(1, mode(2, 1), new int[0], new int[0], 0, -1);
        ProjectSchedule project = project(calendar, first, second);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        decoder.decode(List.of(first, second), modes(project), false);

        assertThat(decoder.start()).containsExactly(0, 3);
    }

    @Test
    void demandNoPeriodCanSupplyIsReportedAsExcess() {
        Activity greedy = activity(0, mode(2, 5), new int[0], new int[0], 0, -1);
        ProjectSchedule project = project(capacity(3), greedy);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        decoder.decode(List.of(greedy), modes(project), true);

        assertThat(decoder.capacityExcess()).isEqualTo(4); // (5 - 3) per period, 2 periods
    }

    @Test
    void justificationShortensAScheduleTheForwardPassLeftLoose() {
        // capacity 1; s (2 periods) listed first blocks p (1 period), which heads q (3 periods, no capacity):
        // forward s 0-2, p 2-3, q 3-6 = 6; justified p 0-1, q 1-4, s 1-3 = 4
        Activity p = activity(0, mode(1, 1), new int[0], new int[] {2}, 0, -1);
        Activity s = activity(1, mode(2, 1), new int[0], new int[0], 0, -1);
        Activity q = activity(2, mode(3, 0), new int[] {0}, new int[0], 0, -1);
        ProjectSchedule project = project(capacity(1), p, s, q);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        int forward = decoder.decode(List.of(s, p, q), modes(project), false);
        int[] forwardStart = decoder.start().clone();
        int justified = decoder.decode(List.of(s, p, q), modes(project), true);

        assertThat(forward).isEqualTo(6);
        assertThat(forwardStart).containsExactly(2, 0, 3);
        assertThat(justified).isEqualTo(4);
        assertThat(decoder.start()).containsExactly(0, 1, 1);
    }

    @Test
    void aFullBacklogIsSkippedAndTheFirstPeriodWithRoomIsStillFound() {
        // capacity 2: a fills periods 0-2; b, c and d need 1 each and must pack from period 3 on
        Activity a = activity(0, mode(3, 2), new int[0], new int[0], 0, -1);
        Activity b = activity(1, mode(2, 1), new int[0], new int[0], 0, -1);
        Activity c = activity(2, mode(1, 1), new int[0], new int[0], 0, -1);
        Activity d = activity(3, mode(1, 1), new int[0], new int[0], 0, -1);
        ProjectSchedule project = project(capacity(2), a, b, c, d);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);

        assertThat(decoder.decode(List.of(a, b, c, d), modes(project), false)).isEqualTo(5);
        assertThat(decoder.start()).containsExactly(0, 3, 3, 4);
        // decoding again from scratch gives the same schedule (the backlog marker is reset)
        decoder.decode(List.of(a, b, c, d), modes(project), false);
        assertThat(decoder.start()).containsExactly(0, 3, 3, 4);
    }
}
