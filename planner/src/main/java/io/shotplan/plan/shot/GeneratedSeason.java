package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.shotplan.show.AiCapability;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;

/**
 * A generated season for scale benchmarks: about 200 shots an episode, deliveries a week apart after a 12-week
 * run-up, four disciplines, one GPU pool, in-house roto AI and a paint vendor, a 60 % AI share. The crew is sized to
 * 80 % of what an all-traditional plan would need, so the plan has to use AI to deliver. Reproducible from a seed.
 */
public final class GeneratedSeason {

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final String[] WORK_TYPES = {"roto", "roto", "roto", "paint", "paint", "comp", "comp", "comp", "fx", "fx"};

    private GeneratedSeason() {
    }

    public static Show generate(int shotCount, long seed) {
        Random random = new Random(seed);
        int episodeCount = Math.max(1, shotCount / 200);
        List<Episode> episodes = new ArrayList<>();
        for (int e = 0; e < episodeCount; e++) {
            episodes.add(new Episode("E%03d".formatted(e + 1), "Episode " + (e + 1), START.plusWeeks(12 + e),
                    BigDecimal.ZERO));
        }
        List<Discipline> disciplines = List.of(new Discipline("roto", "Roto", bd(450)), new Discipline("paint", "Paint", bd(450)),
                new Discipline("comp", "Comp", bd(750)), new Discipline("fx", "FX", bd(900)));
        List<BidTemplate.Entry> entries = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            entries.add(new BidTemplate.Entry("roto", c, Map.of("roto", bd(2 * c), "comp", bd(1))));
            entries.add(new BidTemplate.Entry("paint", c, Map.of("paint", bd(2 * c), "comp", bd(1))));
            entries.add(new BidTemplate.Entry("comp", c, Map.of("comp", bd(2 + c))));
            entries.add(new BidTemplate.Entry("fx", c, Map.of("fx", bd(3 * c), "comp", bd(2))));
        }
        List<AiCapability> capabilities = List.of(
                new AiCapability("roto-ai", "roto", "standard", "gpu", null, null, null, new BigDecimal("2"), Resolution.HD,
                        "roto", new BigDecimal("0.5"), new BigDecimal("0.10"), "segmenter"),
                new AiCapability("paint-vendor", "paint", "standard", null, "AcmeAI", new BigDecimal("40"), "USD", BigDecimal.ZERO,
                        Resolution.HD, "paint", new BigDecimal("0.5"), new BigDecimal("0.15"), "inpaint"));
        List<Shot> shots = new ArrayList<>();
        Map<String, List<String>> rotoByEpisode = new HashMap<>();
        for (int i = 0; i < shotCount; i++) {
            Episode episode = episodes.get(Math.min(episodeCount - 1, i * episodeCount / shotCount));
            String workType = WORK_TYPES[random.nextInt(WORK_TYPES.length)];
            boolean likeness = random.nextInt(20) == 0;
            LocalDate plate = START.plusDays(random.nextInt(Math.max(1, (int) (episode.deliveryDate().toEpochDay() - START.toEpochDay()) - 42)));
            String code = "%s_%04d".formatted(episode.code(), i);
            List<String> dependsOn = List.of();
            List<String> roto = rotoByEpisode.computeIfAbsent(episode.code(), k -> new ArrayList<>());
            if (workType.equals("comp") && !roto.isEmpty() && random.nextInt(10) == 0) {
                dependsOn = List.of(roto.get(random.nextInt(roto.size())));
            }
            if (workType.equals("roto")) {
                roto.add(code);
            }
            shots.add(new Shot(code, episode.code(), "SQ" + (i % 50), code, 50 + random.nextInt(250), new BigDecimal("24"),
                    Resolution.HD, workType, 1 + random.nextInt(5), likeness, likeness && random.nextBoolean(),
                    random.nextInt(20) == 0, plate, ShotStatus.NOT_STARTED, dependsOn, Map.of()));
        }
        BidTemplate bids = new BidTemplate(entries);
        CrewPlan none = new CrewPlan(List.of(), List.of());
        Show draft = new Show("GEN" + shotCount, "Generated season", "USD", START, new BigDecimal("10"), 5, episodes,
                disciplines, List.of(new GpuPool("gpu", "A100", Math.max(4, shotCount / 250), new BigDecimal("2.5"), new BigDecimal("20"))),
                capabilities, bids, new AiPolicy(new BigDecimal("0.6"), Set.of()), none, shots);
        // size the crew and the budgets from what an all-traditional plan would need
        ShotEstimator estimator = new ShotEstimator(draft);
        Map<String, BigDecimal> artistDays = new HashMap<>();
        Map<String, BigDecimal> traditionalCost = new HashMap<>();
        for (Shot shot : shots) {
            var estimate = estimator.traditional(shot);
            estimate.artistDays().forEach((d, days) -> artistDays.merge(d, days, BigDecimal::add));
            traditionalCost.merge(shot.episode(), estimate.totalCost(), BigDecimal::add);
        }
        long seasonDays = new WorkingDays(START).periodsBefore(episodes.get(episodeCount - 1).deliveryDate());
        List<CrewPlan.Capacity> capacities = new ArrayList<>();
        for (Discipline d : disciplines) {
            BigDecimal needed = artistDays.getOrDefault(d.code(), BigDecimal.ZERO)
                    .divide(BigDecimal.valueOf(seasonDays), 0, RoundingMode.CEILING);
            capacities.add(new CrewPlan.Capacity(d.code(), START,
                    needed.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE)));
        }
        List<Episode> budgeted = episodes.stream().map(e -> new Episode(e.code(), e.title(), e.deliveryDate(),
                traditionalCost.getOrDefault(e.code(), BigDecimal.ZERO).multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_EVEN)))
                .toList();
        return new Show(draft.code(), draft.name(), draft.currency(), START, draft.contingencyPercent(),
                draft.reviewBufferDays(), budgeted, disciplines, draft.gpuPools(), capabilities, bids, draft.policy(),
                new CrewPlan(capacities, List.of()), shots);
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }
}
