package io.shotplan.plan.shot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.show.Show;

/**
 * {@code bench shows [--shots 1000,5000,20000] [--time-limit 120s] [--seed 1]}: plans generated seasons and prints
 * time to the first feasible plan, the best score at 30 s and at the end, score calculations per second and the
 * peak heap. One solve at a time, one thread each, configured as {@link ShowPlanner} configures it.
 */
public final class ShowScaleBench {

    private ShowScaleBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = List.of(1_000, 5_000, 20_000);
        Duration limit = Duration.ofSeconds(120);
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shots" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--time-limit" -> limit = Duration.ofMillis(Math.round(Double.parseDouble(args[++i].replace("s", "")) * 1000));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: bench shows [--shots 1000,5000,20000] [--time-limit 120s] [--seed 1]");
            }
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
}
