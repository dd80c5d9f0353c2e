package io.shotplan.plan.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.shot.CompiledShow;
import io.shotplan.plan.shot.GeneratedSeason;
import io.shotplan.plan.shot.Pin;
import io.shotplan.plan.shot.PlanRequest;
import io.shotplan.show.Show;

/** A window of the activity list, solved on its own, must schedule its activities where the whole list does. */
class WindowedSolverTest {

    @Test
    void aWindowDecodesItsActivitiesWhereTheWholeListPutsThem() {
        Show show = GeneratedSeason.generate(300, 5);
        // a pinned start inside a window and one after it: both are bookings every window must see
        CompiledShow compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)).withPins(List.of(
                Pin.start(show.shots().get(150).code(), LocalDate.of(2027, 2, 1)),
                Pin.start(show.shots().get(280).code(), LocalDate.of(2027, 1, 11)))));
        ProjectSchedule whole = compiled.schedule();
        Random random = new Random(7);
        List<Activity> order = new ArrayList<>(whole.getActivities());
        // a shuffled list puts some successors before their predecessors, even across windows
        Collections.shuffle(order, random);
        ExecutionMode[] modes = new ExecutionMode[order.size()];
        for (Activity a : whole.getActivities()) {
            a.setMode(a.getModeOptions().get(random.nextInt(a.getModeOptions().size())));
            modes[a.getIndex()] = a.getMode();
        }
        whole.getSequence().getActivities().addAll(order);
        SerialScheduleDecoder wholeDecoder = new SerialScheduleDecoder(whole);
        wholeDecoder.decode(order, modes, false);

        int checked = 0;
        for (int from = 0; from < order.size(); from += 100) {
            WindowedSolver.Window window = WindowedSolver.Window.of(whole, from, from + 100,
                    (members, all, starts) -> new MakespanObjective(whole.nonRenewableCapacity()));
            ProjectSchedule part = window.schedule();
            SerialScheduleDecoder partDecoder = new SerialScheduleDecoder(part);
            partDecoder.decode(part.getSequence().getActivities(),
                    part.getActivities().stream().map(Activity::getMode).toArray(ExecutionMode[]::new), false);

            for (int j = 0; j < window.members().length; j++) {
                assertThat(partDecoder.start()[j]).as("start of %s", part.getActivities().get(j))
                        .isEqualTo(wholeDecoder.start()[window.members()[j]]);
                checked++;
            }
        }
        // most activities are in a window; the rest wait for a predecessor listed after theirs
        assertThat(checked).isGreaterThan(250);
    }
}
