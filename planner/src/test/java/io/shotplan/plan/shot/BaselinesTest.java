package io.shotplan.plan.shot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotplan.show.Show;

class BaselinesTest {

    /** A dozen generated seasons: different seeds and sizes, crews from 60 % to 150 %, budgets from 70 % to 130 %. */
    private static List<Show> seasons() {
        String[] crews = {"0.6", "1.0", "1.5"};
        String[] budgets = {"0.7", "1.0", "1.3", "1.0"};
        List<Show> shows = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            Show season = GeneratedSeason.generate(200 + 25 * (s % 3), 100 + s);
            season = ShowVariants.withCrew(season, new BigDecimal(crews[s % crews.length]));
            shows.add(ShowVariants.withBudgets(season, new BigDecimal(budgets[s % budgets.length])));
        }
        return shows;
    }

    @Test
    void thePlanIsNeverWorseThanTheSpreadsheetsRulesOfThumb() {
        for (Show show : seasons()) {
            // a move limit, not time, ends the solve: the same plans on any machine
            ShowPlan plan = ShowPlanner.plan(show, PlanRequest.of(Duration.ofMinutes(5)).withMoveLimit(3_000));
            Baseline self = Baseline.of("plan", plan);
            Baseline traditional = plan.baselines().get(0);
            Baseline greedy = plan.baselines().get(1);
            String season = show.code() + " crew " + show.crew().capacities().get(0).artists() + ", "
                    + PlanSummary.beside(plan, show.currency());

            assertThat(traditional.name()).isEqualTo(Baseline.ALL_TRADITIONAL);
            assertThat(traditional.aiShots()).as(season).isZero();
            assertThat(greedy.name()).isEqualTo(Baseline.GREEDY);
            assertThat(self.lateEpisodes()).as(season).isLessThanOrEqualTo(greedy.lateEpisodes());
            assertThat(self.daysLate()).as(season).isLessThanOrEqualTo(greedy.daysLate());
            if (greedy.lateEpisodes() == 0) {
                assertThat(self.totalCost()).as(season).isLessThanOrEqualTo(greedy.totalCost());
            }
            // every generated season has AI capabilities (in-house roto, a paint vendor)
            assertThat(self.totalCost()).as(season)
                    .isLessThanOrEqualTo(traditional.totalCost().multiply(new BigDecimal("0.9")));
        }
    }

    @Test
    void greedyTakesTheCheapestModesWithinThePolicysAiShare() {
        Show show = GeneratedSeason.generate(200, 7);
        CompiledShow compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)));

        var greedy = Baselines.greedy(compiled);

        int[] aiPerEpisode = new int[compiled.episodes().size()];
        for (int i = 0; i < compiled.shots().size(); i++) {
            var chosen = compiled.estimate(greedy.modes().get(i));
            if (!(chosen.mode() instanceof io.shotplan.show.WorkMode.Traditional)) {
                aiPerEpisode[compiled.episodeOf(i)]++;
            }
        }
        for (int e = 0; e < aiPerEpisode.length; e++) {
            assertThat(aiPerEpisode[e]).isLessThanOrEqualTo(compiled.maxAiShots(e));
        }
        assertThat(greedy.score().hardScore()).isZero();
    }
}
