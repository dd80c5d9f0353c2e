package io.shotplan.plan.shot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.show.Show;

/**
 * {@code bench scale [--shots 1000,5000,20000] [--time-limit 120s] [--seed 1]}: plans generated seasons and prints
 * time to the first feasible plan, the best score at 30 s and at the end, score calculations per second and the
 * peak heap. One solve at a time, one thread each, configured as {@link ShowPlanner} configures it.
 *
 * <p>With {@code --gaps 30s,120s}: plans each season as a user gets it ({@link ShowPlanner#plan}) once per limit and
 * prints how far each plan is from its bound: the cost gap, and days late against the days no plan can avoid with
 * unlimited crews and with the crews counted ({@link CrewBound}, up to {@link PlanBound#CREW_BOUND_UP_TO_SHOTS} shots); and
 * the greedy rule of thumb's days late beside it.
 */
public final class ShowScaleBench {

    private ShowScaleBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = List.of(1_000, 5_000, 20_000);
        Duration limit = Duration.ofSeconds(120);
        long seed = 1;
        List<Duration> gaps = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gaps" -> gaps = java.util.Arrays.stream(args[++i].split(",")).map(ShowScaleBench::seconds).toList();
                case "--shots" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--time-limit" -> limit = seconds(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: bench scale [--shots 1000,5000,20000] [--time-limit 120s | --gaps 30s,120s] [--seed 1]");
            }
        }
        if (!gaps.isEmpty()) {
            gaps(sizes, gaps, seed);
            return;
        }
        System.out.printf(Locale.ROOT, "%7s %9s %12s %12s %40s %40s %10s %9s%n", "shots", "episodes", "compile",
                "1st feasible", "score at 30 s", "score at end", "calc/s", "peak MiB");
        for (int shots : sizes) {
            Show show = GeneratedSeason.generate(shots, seed);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long started = System.nanoTime();
            CompiledShow compiled = new CompiledShow(show, PlanRequest.of(limit).withSeed(seed));
            long compileMillis = (System.nanoTime() - started) / 1_000_000;
            ProjectSolver.Result result = ShowPlanner.solve(compiled,
                    ProjectSolver.Settings.of(limit).withSeed(seed).withRestartAfterUnimprovedSteps(0), best -> { });
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long firstFeasible = result.timeToFirstFeasibleMillis();
            System.out.printf(Locale.ROOT, "%7d %9d %10dms %12s %40s %40s %10d %9d%n", shots, show.episodes().size(),
                    compileMillis, firstFeasible < 0 ? "none" : "%.2fs".formatted(firstFeasible / 1000.0),
                    result.bestAt(30_000).map(Object::toString).orElse("-"), result.score(),
                    result.scoreCalculationSpeed(), peak / (1024 * 1024));
            System.out.flush();
        }
    }

    private static void gaps(List<Integer> sizes, List<Duration> limits, long seed) {
        System.out.printf(Locale.ROOT, "%7s %6s %14s %14s %8s %6s %10s %12s %12s %11s %9s%n", "shots", "limit", "cost",
                "cost bound", "cost gap", "late", "days late", "unavoidable", "crews force", "greedy late", "bound ms");
        for (int shots : sizes) {
            Show show = GeneratedSeason.generate(shots, seed);
            for (Duration limit : limits) {
                PlanRequest request = PlanRequest.of(limit).withSeed(seed);
                ShowPlan plan = ShowPlanner.plan(show, request);
                // the bound alone, as the plan computed it
                CompiledShow compiled = new CompiledShow(show, request);
                long started = System.nanoTime();
                PlanBound.of(compiled, HardMediumSoftLongScore.parseScore(plan.score()), true);
                long boundMillis = (System.nanoTime() - started) / 1_000_000;
                int late = 0;
                int daysLate = 0;
                for (EpisodePlan episode : plan.episodes()) {
                    if (episode.isLate()) {
                        late++;
                        daysLate -= episode.slackDays();
                    }
                }
                int unavoidable = plan.bound().episodes().stream().mapToInt(PlanBound.EpisodeBound::daysLateAtLeast).sum();
                int greedyLate = plan.baselines().stream().filter(b -> b.name().equals(Baseline.GREEDY))
                        .mapToInt(Baseline::daysLate).sum();
                System.out.printf(Locale.ROOT, "%7d %5ds %14s %14s %7s%% %6d %10d %12d %12d %11d %9d%n", shots,
                        limit.toSeconds(), plan.totalCost().toPlainString(), plan.bound().costLowerBound().toPlainString(),
                        plan.costGapPercent().toPlainString(), late, daysLate, unavoidable,
                        plan.bound().daysLateAtLeast(), greedyLate, boundMillis);
                System.out.flush();
            }
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value.replace("s", "")) * 1000));
    }
}
