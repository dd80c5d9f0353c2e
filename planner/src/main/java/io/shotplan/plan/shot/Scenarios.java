package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.Show;

/** Solves variants of one show with the same request and lines them up for comparison. */
public final class Scenarios {

    /** A named change to a show. */
    public record Scenario(String name, UnaryOperator<Show> change) {

        public static Scenario baseline() {
            return new Scenario("baseline", UnaryOperator.identity());
        }

        public static Scenario budget(int percent) {
            return new Scenario("budget %+d%%".formatted(percent),
                    show -> ShowVariants.withBudgets(show, BigDecimal.valueOf(100 + percent).movePointLeft(2)));
        }

        public static Scenario deliveryMoved(String episode, int days) {
            return new Scenario("%s delivery %+d days".formatted(episode, days),
                    show -> ShowVariants.withDeliveryMoved(show, episode, days));
        }

        public static Scenario gpus(int percent) {
            return new Scenario("GPUs %+d%%".formatted(percent),
                    show -> ShowVariants.withGpus(show, BigDecimal.valueOf(100 + percent).movePointLeft(2)));
        }

        public static Scenario artists(int percent) {
            return new Scenario("artists %+d%%".formatted(percent),
                    show -> ShowVariants.withCrew(show, BigDecimal.valueOf(100 + percent).movePointLeft(2)));
        }

        public static Scenario policy(String name, AiPolicy policy) {
            return new Scenario(name, show -> ShowVariants.withPolicy(show, policy));
        }
    }

    /** One scenario's outcome, with the numbers a side-by-side table shows. */
    public record Outcome(String scenario, ShowPlan plan, BigDecimal totalCost, long aiShots, long lateEpisodes,
            long episodesOverBudget, String score) {
    }

    private Scenarios() {
    }

    public static List<Outcome> compare(Show show, PlanRequest request, List<Scenario> scenarios) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ShowPlan plan = ShowPlanner.plan(scenario.change().apply(show), request);
            outcomes.add(new Outcome(scenario.name(), plan, plan.totalCost(), plan.aiShotCount(),
                    plan.episodes().stream().filter(EpisodePlan::isLate).count(),
                    plan.episodes().stream().filter(e -> e.overBudget().signum() > 0).count(), plan.score()));
        }
        return outcomes;
    }
}
