package io.shotplan.psplib;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.shotplan.plan.solver.ProjectSolver;

/**
 * {@code bench psplib DIR [--time-limit 10s] [--threads 1] [--out results.csv] [--sample N] [--sample-offset K]
 * [--seed S] [--move-limit N] [--cp-sat-deterministic-time D]}
 * <p>
 * DIR is a folder of {@code .mm} instances (or a folder of such folders, like {@code j10.mm/}); the reference table
 * ({@code jNNopt.mm}, {@code jNNhrs.mm}, {@code jNNub.mm} or {@code jNNlb.mm}, as PSPLIB publishes them) sits beside
 * the instance folder or inside it. Each instance is solved with the same settings, verified independently
 * ({@link ScheduleVerifier}), and printed with the reference; a summary follows. {@code --threads} solves that many
 * instances at once, each on one thread. {@code --sample N} takes N instances per set, evenly spread over the sorted file names (so every parameter group is represented); {@code --sample-offset K}
 * shifts every pick K files on, for a second sample disjoint from the first. {@code --move-limit}
 * also stops each solve's local search after that many evaluated moves, and its CP-SAT step after
 * {@code --cp-sat-deterministic-time} deterministic seconds (without it, 10 per million moves): unlike time, that gives
 * the same result on any machine and at any load. Each result says how much deterministic time CP-SAT used, which is
 * how a clock-bounded run translates into such a budget.
 */
public final class PsplibBench {

    /** One instance's outcome. {@code reference} is empty when the table marks the instance infeasible. */
    public record InstanceResult(String instance, boolean feasible, boolean verified, int makespan,
            Optional<Integer> reference, int lowerBound, long timeToBestMillis, long solveMillis,
            long scoreCalculationSpeed, double cpSatDeterministicSeconds) {

        public double deviationPercent() {
            return reference.map(r -> 100.0 * (makespan - r) / r).orElse(Double.NaN);
        }

        /** How far the schedule can at most be from the optimum: its distance to the proven lower bound. */
        public double gapPercent() {
            return lowerBound > 0 ? 100.0 * (makespan - lowerBound) / lowerBound : 0;
        }
    }

    /** The summary line's numbers. */
    public record Summary(int instances, int feasible, int withReference, double meanDeviationPercent,
            int atReference, int betterThanReference, double meanTimeToBestSeconds, int provenOptimal,
            double meanGapPercent) {
    }

    public record Options(Path dir, Duration timeLimit, int threads, Optional<Path> out, int sample, long seed,
            long moveLimit, int sampleOffset, double cpSatDeterministicSeconds) {

        /** CP-SAT's deterministic budget per instance: its own, or the one that goes with the move limit. */
        double cpSatBudget() {
            return cpSatDeterministicSeconds > 0 ? cpSatDeterministicSeconds
                    : PsplibCpSat.deterministicSecondsFor(moveLimit);
        }
    }

    /**
     * Share of each instance's time for Timefold's local search; CP-SAT gets the rest, started from its best. The
     * local search finds its best within the first second or two on j30 and then stalls on plateaus (issue 16), which
     * is where the exact subsolver's neighbourhoods and bound take over.
     */
    static final double LOCAL_SEARCH_SHARE = 0.2;

    private PsplibBench() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bench psplib DIR [--time-limit 10s] [--threads 1] [--out results.csv] [--sample N] [--sample-offset K] [--seed S] [--move-limit N] [--cp-sat-deterministic-time D]");
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    public static Options parse(String[] args) {
        Path dir = null;
        Duration timeLimit = Duration.ofSeconds(10);
        int threads = 1;
        Optional<Path> out = Optional.empty();
        int sample = 0;
        long seed = 0;
        long moveLimit = 0;
        int sampleOffset = 0;
        double cpSatDeterministicSeconds = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--time-limit" -> timeLimit = parseDuration(value(args, ++i, arg));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, arg));
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg)));
                case "--sample" -> sample = Integer.parseInt(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--move-limit" -> moveLimit = Long.parseLong(value(args, ++i, arg));
                case "--sample-offset" -> sampleOffset = Integer.parseInt(value(args, ++i, arg));
                case "--cp-sat-deterministic-time" -> cpSatDeterministicSeconds = Double.parseDouble(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || dir != null) {
                        throw new IllegalArgumentException("Unknown argument: " + arg);
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("Missing DIR: a folder of PSPLIB .mm instances.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1.");
        }
        if (cpSatDeterministicSeconds < 0) {
            throw new IllegalArgumentException("--cp-sat-deterministic-time must not be negative.");
        }
        return new Options(dir, timeLimit, threads, out, sample, seed, moveLimit, sampleOffset,
                cpSatDeterministicSeconds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    /** Accepts {@code 10s}, {@code 500ms}, {@code 2m} or an ISO-8601 duration. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        } else if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        } else if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.parse(text);
    }

    /** One set: its instance files and its reference table. */
    record InstanceSet(String name, List<Path> instances, ReferenceTable reference) {
    }

    static List<InstanceSet> discover(Path dir, int sample, int offset) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a folder: " + dir);
        }
        List<InstanceSet> sets = new ArrayList<>();
        List<Path> files = list(dir);
        List<Path> instances = files.stream().filter(Files::isRegularFile).filter(PsplibBench::isInstanceFile).toList();
        if (!instances.isEmpty()) {
            sets.add(new InstanceSet(setName(dir), sample(instances, sample, offset), referenceFor(dir)));
        }
        for (Path sub : files) {
            if (Files.isDirectory(sub)) {
                List<Path> subInstances = list(sub).stream().filter(Files::isRegularFile).filter(PsplibBench::isInstanceFile).toList();
                if (!subInstances.isEmpty()) {
                    sets.add(new InstanceSet(setName(sub), sample(subInstances, sample, offset), referenceFor(sub)));
                }
            }
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("No PSPLIB .mm instances in " + dir + " or its sub-folders.");
        }
        return sets;
    }

    private static boolean isInstanceFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".mm") && !name.matches(".*(opt|hrs|lb|ub)\\.mm");
    }

    private static String setName(Path dir) {
        return dir.getFileName().toString().replaceFirst("\\.mm$", "");
    }

    private static ReferenceTable referenceFor(Path setDir) {
        String set = setName(setDir);
        List<Path> candidates = new ArrayList<>();
        for (Path base : new Path[] {setDir, setDir.toAbsolutePath().getParent()}) {
            if (base != null) {
                // the strongest reference first: proven optima, best known, then bounds
                for (String table : new String[] {"opt", "hrs", "ub", "lb"}) {
                    candidates.add(base.resolve(set + table + ".mm"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return ReferenceTable.read(candidate);
            }
        }
        throw new IllegalArgumentException("No reference table for set " + set + ": looked for " + candidates);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.sorted(Comparator.comparing(PsplibBench::naturalKey)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorts j1010_2 before j1010_10. */
    private static String naturalKey(Path path) {
        String name = path.getFileName().toString();
        StringBuilder key = new StringBuilder();
        for (String part : name.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)")) {
            key.append(part.chars().allMatch(Character::isDigit) ? "%08d".formatted(Long.parseLong(part)) : part);
        }
        return key.toString();
    }

    static List<Path> sample(List<Path> instances, int sample, int offset) {
        if (sample <= 0 || sample >= instances.size()) {
            return instances;
        }
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < sample; i++) {
            picked.add(instances.get((int) (((long) i * instances.size() / sample + offset) % instances.size())));
        }
        return picked;
    }

    /**
     * @param cpSatDeterministicSeconds CP-SAT's deterministic budget, 0 for none (the clock alone bounds it)
     */
    public static InstanceResult solve(Path file, ReferenceTable reference, Duration timeLimit, long seed,
            long moveLimit, double cpSatDeterministicSeconds) {
        PsplibInstance instance = PsplibReader.read(file);
        Optional<Integer> ref = reference.makespan(instance.name());
        int lowerBound = PsplibProject.lowerBound(instance);
        long started = System.nanoTime();
        Duration searchLimit = Duration.ofMillis(Math.round(timeLimit.toMillis() * LOCAL_SEARCH_SHARE));
        ProjectSolver.Settings settings = ProjectSolver.Settings.of(searchLimit).withSeed(seed)
                .withStopAt("0hard/-" + lowerBound + "medium/*soft").withMoveCountLimit(moveLimit);
        ProjectSolver.Result result = ProjectSolver.solve(PsplibProject.toSchedule(instance), settings);
        PsplibSchedule schedule = PsplibProject.toPsplibSchedule(instance, result);
        long timeToBest = result.timeToBestMillis();
        boolean found = result.feasible() && ScheduleVerifier.violations(instance, schedule).isEmpty();
        // the exact subsolver takes the rest of the time, from the local search's best and below it; or, where the
        // local search found no schedule within the limits in its share, from scratch
        long subsolverStarted = System.nanoTime();
        Duration left = timeLimit.minusNanos(subsolverStarted - started);
        PsplibCpSat.Outcome outcome = PsplibCpSat.solve(instance, found ? Optional.of(schedule) : Optional.empty(),
                lowerBound, left.isNegative() ? Duration.ZERO : left, seed, cpSatDeterministicSeconds);
        lowerBound = outcome.lowerBound();
        if (outcome.schedule().isPresent()) {
            schedule = outcome.schedule().get();
            found = true;
            timeToBest = (subsolverStarted - started) / 1_000_000 + outcome.improvedAtMillis();
        }
        List<String> violations = ScheduleVerifier.violations(instance, schedule);
        boolean verified = violations.isEmpty();
        int makespan = schedule.makespan(instance);
        if (found && !verified) {
            System.err.println(instance.name() + ": the solver's schedule fails verification: " + violations);
        }
        return new InstanceResult(instance.name(), found && verified, verified, makespan, ref, lowerBound,
                timeToBest, (System.nanoTime() - started) / 1_000_000, result.scoreCalculationSpeed(),
                outcome.deterministicSeconds());
    }

    public static Summary run(Options options, PrintStream out) {
        List<InstanceSet> sets = discover(options.dir(), options.sample(), options.sampleOffset());
        // extracting and loading CP-SAT's native library takes seconds on a busy machine: not the first instance's time
        PsplibCpSat.load();
        long cpuBefore = processCpuNanos();
        List<Path> files = new ArrayList<>();
        List<ReferenceTable> references = new ArrayList<>();
        for (InstanceSet set : sets) {
            out.printf(Locale.ROOT, "# set %s: %d instances, reference: %s (%d rows)%n", set.name(),
                    set.instances().size(), set.reference().kind().label(), set.reference().size());
            for (Path file : set.instances()) {
                files.add(file);
                references.add(set.reference());
            }
        }
        out.printf(Locale.ROOT, "# %d instances, time limit %s per instance, move limit %s, CP-SAT deterministic "
                        + "budget %s, %d at a time, seed %d%n",
                files.size(), options.timeLimit(), options.moveLimit() > 0 ? options.moveLimit() : "none",
                options.cpSatBudget() > 0 ? options.cpSatBudget() : "none", options.threads(), options.seed());
        out.printf(Locale.ROOT, "%-14s %8s %9s %8s %6s %11s %12s %9s%n",
                "instance", "makespan", "reference", "dev%", "LB", "timeToBest", "calc/s", "cpSatDet");
        List<InstanceResult> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(options.threads())) {
            List<Future<InstanceResult>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                ReferenceTable reference = references.get(i);
                futures.add(executor.submit(() -> solve(file, reference, options.timeLimit(), options.seed(),
                        options.moveLimit(), options.cpSatBudget())));
            }
            for (Future<InstanceResult> future : futures) {
                InstanceResult r = future.get();
                results.add(r);
                out.printf(Locale.ROOT, "%-14s %8s %9s %8s %6d %10.2fs %12d %9.3f%n", r.instance(),
                        r.feasible() ? Integer.toString(r.makespan()) : "NONE",
                        r.reference().map(String::valueOf).orElse("infeasible"),
                        r.feasible() && r.reference().isPresent() ? "%.2f".formatted(r.deviationPercent()) : "-",
                        r.lowerBound(), r.timeToBestMillis() / 1000.0, r.scoreCalculationSpeed(),
                        r.cpSatDeterministicSeconds());
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("An instance failed: " + e.getCause().getMessage(), e.getCause());
        }
        Summary summary = summarize(results);
        long cpuNanos = processCpuNanos() - cpuBefore;
        out.printf(Locale.ROOT, "SUMMARY feasible %d/%d, mean deviation %.3f%% over %d with a reference, "
                        + "at reference %d/%d, better than reference %d, mean time to best %.2fs, "
                        + "proven optimal %d/%d, mean gap to the proven lower bound %.3f%%%n",
                summary.feasible(), summary.instances(), summary.meanDeviationPercent(), summary.withReference(),
                summary.atReference(), summary.withReference(), summary.betterThanReference(),
                summary.meanTimeToBestSeconds(), summary.provenOptimal(), summary.feasible(),
                summary.meanGapPercent());
        // a busy machine gives each instance's wall-clock limit less CPU: say how much the run actually had
        out.printf(Locale.ROOT, "CPU %.1fs for %d instances (%.2fs each, %.0f%% of their time limit)%n", cpuNanos / 1e9,
                results.size(), cpuNanos / 1e9 / Math.max(1, results.size()),
                100.0 * cpuNanos / Math.max(1, results.size()) / options.timeLimit().toNanos());
        options.out().ifPresent(path -> writeCsv(path, results));
        return summary;
    }

    /** CPU time of the whole process (every thread: the solve's, the garbage collector's, the compiler's). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static Summary summarize(List<InstanceResult> results) {
        int feasible = 0;
        int withReference = 0;
        int atReference = 0;
        int better = 0;
        double deviation = 0;
        double timeToBest = 0;
        int provenOptimal = 0;
        double gap = 0;
        for (InstanceResult r : results) {
            if (r.feasible()) {
                feasible++;
                timeToBest += r.timeToBestMillis() / 1000.0;
                gap += r.gapPercent();
                if (r.makespan() == r.lowerBound()) {
                    provenOptimal++;
                }
            }
            if (r.reference().isPresent()) {
                withReference++;
                if (r.feasible()) {
                    deviation += r.deviationPercent();
                    if (r.makespan() == r.reference().get()) {
                        atReference++;
                    } else if (r.makespan() < r.reference().get()) {
                        better++;
                    }
                }
            }
        }
        // an instance with a reference but no feasible schedule found is reported in 'feasible', not averaged
        int counted = (int) results.stream().filter(r -> r.feasible() && r.reference().isPresent()).count();
        return new Summary(results.size(), feasible, withReference, counted == 0 ? Double.NaN : deviation / counted,
                atReference, better, feasible == 0 ? Double.NaN : timeToBest / feasible, provenOptimal,
                feasible == 0 ? Double.NaN : gap / feasible);
    }

    private static void writeCsv(Path path, List<InstanceResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("instance,feasible,verified,makespan,reference,deviation_percent,lower_bound,time_to_best_s,solve_s,score_calc_per_s,cp_sat_deterministic_s");
        for (InstanceResult r : results) {
            lines.add(String.format(Locale.ROOT, "%s,%b,%b,%d,%s,%s,%d,%.3f,%.3f,%d,%.3f", r.instance(), r.feasible(),
                    r.verified(), r.makespan(), r.reference().map(String::valueOf).orElse(""),
                    r.feasible() && r.reference().isPresent() ? "%.4f".formatted(r.deviationPercent()) : "",
                    r.lowerBound(), r.timeToBestMillis() / 1000.0, r.solveMillis() / 1000.0,
                    r.scoreCalculationSpeed(), r.cpSatDeterministicSeconds()));
        }
        try {
            Files.write(path, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }
}
