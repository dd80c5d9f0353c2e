package io.shotplan.plan.shot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.plan.solver.WindowedSolver;

/** Solving a season window by window only ever keeps a plan that is at least as good for the whole season. */
class WindowedShowSolveTest {

    @Test
    void windowsUnderFullAssertImproveTheWholePlanWithoutScoreCorruption() {
        CompiledShow compiled = new CompiledShow(GeneratedSeason.generate(400, 9), PlanRequest.of(Duration.ofMinutes(1)));
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(Duration.ofMinutes(1)).withMoveCountLimit(2_000)
                .withRestartAfterUnimprovedSteps(0).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);

        // FULL_ASSERT fails a window's solve on any difference between its incremental and a from-scratch score
        ProjectSolver.Result result = WindowedSolver.solve(compiled.schedule(), settings, 100,
                compiled::windowObjective, best -> { });

        assertThat(result.feasible()).isTrue();
        assertThat(result.history()).isNotEmpty();
        for (int i = 1; i < result.history().size(); i++) {
            assertThat(result.history().get(i).score()).isGreaterThan(result.history().get(i - 1).score());
        }
        assertThat(result.score()).isEqualTo(result.history().get(result.history().size() - 1).score());
        assertThat(result.score()).isGreaterThan(result.history().get(0).score());
    }
}
