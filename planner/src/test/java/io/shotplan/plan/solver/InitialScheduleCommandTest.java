package io.shotplan.plan.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;

class InitialScheduleCommandTest {

    private static Activity shot(int index, int duration, int due) {
        ExecutionMode mode = new ExecutionMode("d" + duration, duration, new int[] {1}, new long[0]);
        Activity activity = new Activity(index, "shot" + index, List.of(mode), new int[0], new int[0], 0, -1);
        activity.setMode(mode);
        activity.setDuePeriod(due);
        return activity;
    }

    /**
     * Two artists, two one-day shots due by day 2 and a four-day shot due by day 4. In latest-finish order the short
     * shots take both artists first and the long one finishes a day late; started first, it makes it, and so do they.
     */
    @Test
    void aLongShotStartsBeforeShortOnesDueEarlierWhenItMustToBeOnTime() {
        Activity shortA = shot(0, 1, 2);
        Activity shortB = shot(1, 1, 2);
        Activity longShot = shot(2, 4, 4);
        ProjectSchedule project = new ProjectSchedule("test",
                RenewableCalendar.constant(new String[] {"artists"}, new int[] {2}), new String[0], new long[0],
                List.of(shortA, shortB, longShot), new MakespanObjective(new long[0]));

        List<Activity> order = InitialScheduleCommand.priorityOrder(project.getActivities());

        assertThat(order).containsExactly(longShot, shortA, shortB);
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(project);
        decoder.decode(order, new ExecutionMode[] {shortA.getMode(), shortB.getMode(), longShot.getMode()}, false);
        for (Activity shot : order) {
            assertThat(decoder.finish()[shot.getIndex()]).as(shot.getLabel()).isLessThanOrEqualTo(shot.getDuePeriod());
        }
    }
}
