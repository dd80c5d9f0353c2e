package io.shotplan.app.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.AiCapability;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Episode;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Compares two shows as stored content: lists in a fixed order and numbers by value. Sorting first keeps the
 * comparison linear; AssertJ's order-free comparison of 400 shots takes minutes.
 */
public final class ShowComparison {

    private ShowComparison() {
    }

    public static void assertSameShow(Show actual, Show expected) {
        assertThat(normalized(actual)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(normalized(expected));
    }

    /** The show with its lists in a fixed order and each later rate card whole (a file's names only what changes). */
    public static Show normalized(Show show) {
        List<Shot> shots = show.shots().stream().sorted(Comparator.comparing(Shot::code))
                .map(s -> new Shot(s.code(), s.episode(), s.sequence(), s.description(), s.frameCount(), s.fps(),
                        s.resolution(), s.workType(), s.complexity(), s.performerLikeness(), s.consentOnFile(),
                        s.humanOnly(), s.plateReadyDate(), s.status(), s.dependsOn().stream().sorted().toList(), s.notes(),
                        s.estimateOverrides()))
                .toList();
        BidTemplate bid = new BidTemplate(show.bidTemplate().entries().stream()
                .sorted(Comparator.comparing(BidTemplate.Entry::workType).thenComparing(BidTemplate.Entry::complexity)).toList());
        CrewPlan crew = new CrewPlan(show.crew().capacities().stream()
                .sorted(Comparator.comparing(CrewPlan.Capacity::from).thenComparing(CrewPlan.Capacity::discipline)).toList(),
                show.crew().exceptions().stream().sorted(Comparator.comparing(CrewPlan.Exception::day)
                        .thenComparing(x -> String.valueOf(x.discipline()))).toList());
        return new Show(show.code(), show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                show.reviewBufferDays(), show.episodes().stream().sorted(Comparator.comparing(Episode::code)).toList(),
                show.disciplines(), show.gpuPools(),
                show.capabilities().stream().sorted(Comparator.comparing(AiCapability::code)).toList(), bid,
                show.policy(), crew, shots, show.rateCurrency(), show.rateCards().all().stream().skip(1).toList(),
                show.exchangeRates());
    }
}
