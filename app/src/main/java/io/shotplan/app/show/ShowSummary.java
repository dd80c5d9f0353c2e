package io.shotplan.app.show;

import io.shotplan.show.Episode;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A show at a glance: its episodes, shots and work types, and what the whole show costs done traditionally. */
public record ShowSummary(String name, String currency, List<EpisodeLine> episodes, Map<String, Long> shotsByWorkType) {

    public record EpisodeLine(Episode episode, long shots, long frames, BigDecimal traditionalEstimate) {
    }

    public static ShowSummary of(Show show) {
        ShotEstimator estimator = new ShotEstimator(show);
        Map<String, List<Shot>> byEpisode = show.shots().stream().collect(Collectors.groupingBy(Shot::episode));
        List<EpisodeLine> lines = show.episodes().stream().map(episode -> {
            List<Shot> shots = byEpisode.getOrDefault(episode.code(), List.of());
            BigDecimal estimate = shots.stream().map(s -> estimator.traditional(s).totalCost())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new EpisodeLine(episode, shots.size(), shots.stream().mapToLong(Shot::frameCount).sum(), estimate);
        }).toList();
        Map<String, Long> workTypes = show.shots().stream()
                .collect(Collectors.groupingBy(Shot::workType, TreeMap::new, Collectors.counting()));
        return new ShowSummary(show.name(), show.currency(), lines, workTypes);
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-8s %-12s %6s %8s %14s %14s %8s%n", "Episode", "Delivery", "Shots", "Frames",
                "Budget", "All-trad.", "Of budget"));
        for (EpisodeLine line : episodes) {
            Episode e = line.episode();
            text.append(String.format("%-8s %-12s %6d %8d %14s %14s %7s%%%n", e.code(), e.deliveryDate(), line.shots(),
                    line.frames(), money(e.budget()), money(line.traditionalEstimate()),
                    percentOf(line.traditionalEstimate(), e.budget())));
        }
        long shots = episodes.stream().mapToLong(EpisodeLine::shots).sum();
        BigDecimal budget = episodes.stream().map(l -> l.episode().budget()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal estimate = episodes.stream().map(EpisodeLine::traditionalEstimate).reduce(BigDecimal.ZERO, BigDecimal::add);
        text.append(String.format("%-21s %6d %8s %14s %14s %7s%%%n", "Total (" + currency + ")", shots, "",
                money(budget), money(estimate), percentOf(estimate, budget)));
        text.append(String.format("%nWork types: %s%n", shotsByWorkType.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        return text.toString();
    }

    private static String money(BigDecimal amount) {
        return String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String percentOf(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "-" : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN).toString();
    }
}
