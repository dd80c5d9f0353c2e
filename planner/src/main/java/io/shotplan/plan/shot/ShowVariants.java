package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Show;

/** Changed copies of a show: what scenarios and "what would fix it" re-solve. */
public final class ShowVariants {

    private ShowVariants() {
    }

    public static Show withBudgets(Show show, BigDecimal factor) {
        List<Episode> episodes = show.episodes().stream()
                .map(e -> new Episode(e.code(), e.title(), e.deliveryDate(), e.budget().multiply(factor).setScale(2, RoundingMode.HALF_EVEN)))
                .toList();
        return copy(show, episodes, show.gpuPools(), show.policy(), show.crew());
    }

    public static Show withDeliveryMoved(Show show, String episodeCode, int days) {
        List<Episode> episodes = show.episodes().stream()
                .map(e -> e.code().equals(episodeCode) ? new Episode(e.code(), e.title(), e.deliveryDate().plusDays(days), e.budget()) : e)
                .toList();
        return copy(show, episodes, show.gpuPools(), show.policy(), show.crew());
    }

    public static Show withCrew(Show show, BigDecimal factor) {
        CrewPlan crew = new CrewPlan(
                show.crew().capacities().stream()
                        .map(c -> new CrewPlan.Capacity(c.discipline(), c.from(), c.artists().multiply(factor)))
                        .toList(),
                show.crew().exceptions().stream()
                        .map(x -> new CrewPlan.Exception(x.day(), x.discipline(), x.artists().multiply(factor), x.reason()))
                        .toList());
        return copy(show, show.episodes(), show.gpuPools(), show.policy(), crew);
    }

    public static Show withGpus(Show show, BigDecimal factor) {
        List<GpuPool> pools = show.gpuPools().stream()
                .map(p -> new GpuPool(p.code(), p.gpuType(),
                        BigDecimal.valueOf(p.gpuCount()).multiply(factor).setScale(0, RoundingMode.CEILING).intValueExact(),
                        p.hourlyRate(), p.hoursPerDay()))
                .toList();
        return copy(show, show.episodes(), pools, show.policy(), show.crew());
    }

    public static Show withPolicy(Show show, AiPolicy policy) {
        return copy(show, show.episodes(), show.gpuPools(), policy, show.crew());
    }

    private static Show copy(Show show, List<Episode> episodes, List<GpuPool> pools, AiPolicy policy, CrewPlan crew) {
        return new Show(show.code(), show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                show.reviewBufferDays(), episodes, show.disciplines(), pools, show.capabilities(), show.bidTemplate(),
                policy, crew, show.shots(), show.rateCurrency(), show.rateChanges(), show.exchangeRates());
    }
}
