package io.shotplan.psplib;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * The exact subsolver beside Timefold: the textbook MRCPSP model in OR-Tools CP-SAT (one optional interval per job
 * and mode sharing the job's start and end, exactly one mode per job, a cumulative per renewable resource, a linear
 * limit per non-renewable one, minimise the sink's end), started from the local search's best schedule as a hint and
 * bounded by it, so that the subsolver only searches for strictly better schedules and proves how far the best one
 * can still be from the optimum.
 * <p>
 * One worker thread. With a deterministic budget the run is bounded by CP-SAT's deterministic time as well as the
 * clock, so the same seed and budget give the same schedule whatever the machine's load.
 */
public final class PsplibCpSat {

    /**
     * What the subsolver established. {@code schedule} is empty when it found nothing better than the hint;
     * {@code lowerBound} is proven (never below the bound it was given); {@code optimal} when the best schedule known
     * (the hint or the improvement) is proven optimal. {@code improvedAtMillis} is when the last improvement came,
     * since the subsolver started; {@code deterministicSeconds} is the deterministic time the run used, what a
     * deterministic budget is measured in.
     */
    public record Outcome(Optional<PsplibSchedule> schedule, int lowerBound, boolean optimal, long improvedAtMillis,
            double deterministicSeconds) {
    }

    /** Deterministic-time units granted per million moves of a move limit, where no budget of its own is given. */
    static final double DETERMINISTIC_SECONDS_PER_MILLION_MOVES = 10.0;

    /**
     * The subsolvers of CP-SAT's portfolio that the one thread skips. Interleaved on one thread, every subsolver takes
     * turns; in its log of an open j30 instance (j3037_9) the better schedules came from the scheduling
     * neighbourhoods and the bound from the LP-based search, while these (the random and graph-based neighbourhoods,
     * the other full searches) found nothing. Skipping them won on the dev set's 32 misses at the same deterministic budget: 10 better, 2 worse
     * (docs/benchmarks.md, issue 16, fifth session).
     * <p>
     * {@code quick_restart} is skipped too. The one thread gives every subsolver about the same deterministic time,
     * and a full search takes it in turns of one deterministic second, so with {@code default_lp} and
     * {@code quick_restart} both in, the two full searches took two of the three deterministic seconds a 10 s run
     * gives CP-SAT and the scheduling neighbourhoods one. Without {@code quick_restart} the neighbourhoods get about
     * 1.7 of the 3 (CP-SAT's log of j3037_9): on the 60 open j30 instances with the same budget that gave 13 better
     * makespans and 4 worse, 43 instead of 38 at the best known and 14 instead of 6 proven optimal, at the same CPU
     * time (docs/benchmarks.md, issue 16, seventh session). The LP-based full search stays: without it the
     * neighbourhoods alone took about 1.4 times the CPU time per deterministic second, and with the full searches
     * alone (no neighbourhoods) 8 of the first 30 came out worse and none better.
     */
    static final List<String> SKIPPED_SUBSOLVERS = List.of("graph_arc_lns", "graph_cst_lns", "graph_dec_lns",
            "graph_var_lns", "rnd_cst_lns", "rnd_var_lns", "fixed", "no_lp", "quick_restart", "quick_restart_no_lp",
            "pseudo_costs", "reduced_costs", "max_lp");

    /**
     * How far CP-SAT's own clock limit lies beyond the deadline at which the search is stopped. CP-SAT ends a search
     * as soon as the time left is shorter than the longest task it has run so far; on one thread a full search's turn
     * is one deterministic second (2.5–3 s on the 2-core machine of docs/benchmarks.md), so with the deadline as its
     * own limit it gave up 2–3 s of an 8 s step. Stopped from outside, it searches until the deadline.
     */
    static final double OWN_LIMIT_MARGIN_SECONDS = 10.0;

    /** How often the stop is repeated after the deadline until the search has ended. */
    private static final Duration STOP_RETRY = Duration.ofMillis(10);

    private static boolean loaded;

    private PsplibCpSat() {
    }

    /** Loads the native library from the jar once; it ships for Linux, macOS and Windows on x86-64 and ARM64. */
    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * Searches for a schedule strictly shorter than {@code hint} within the limits.
     *
     * @param knownLowerBound a bound already proven (critical path, resource work), given to the model as a cut
     * @param deterministicSeconds 0 for a run bounded by the clock alone; otherwise CP-SAT's deterministic budget,
     *        for results that do not depend on the machine's load
     */
    public static Outcome improve(PsplibInstance instance, PsplibSchedule hint, int knownLowerBound, Duration timeLimit,
            long seed, double deterministicSeconds) {
        return solve(instance, Optional.of(hint), knownLowerBound, timeLimit, seed, deterministicSeconds);
    }

    /** The deterministic budget that goes with a move limit of the local search (0 without one). */
    public static double deterministicSecondsFor(long moveLimit) {
        return moveLimit / 1_000_000.0 * DETERMINISTIC_SECONDS_PER_MILLION_MOVES;
    }

    /**
     * Like {@link #improve}, or, without a hint (the local search found no schedule within the non-renewable limits
     * in its time), a search from scratch within the instance's horizon.
     */
    public static Outcome solve(PsplibInstance instance, Optional<PsplibSchedule> hint, int knownLowerBound,
            Duration timeLimit, long seed, double deterministicSeconds) {
        load();
        int upper = hint.map(h -> h.makespan(instance)).orElse(instance.horizon());
        if (hint.isPresent() && upper <= knownLowerBound) {
            return new Outcome(Optional.empty(), upper, true, 0, 0);
        }
        Model model = new Model(instance, upper, knownLowerBound);
        hint.ifPresent(model::hint);
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setNumWorkers(1)
                // one thread still runs the portfolio's search strategies and its large-neighbourhood searches in turn
                .setInterleaveSearch(true)
                .setRandomSeed((int) seed)
                // stopped at the deadline from outside (below); its own limit is only the safety net
                .setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0 + OWN_LIMIT_MARGIN_SECONDS)
                .setLogSearchProgress(false)
                .addAllIgnoreSubsolvers(SKIPPED_SUBSOLVERS);
        if (deterministicSeconds > 0) {
            solver.getParameters().setMaxDeterministicTime(deterministicSeconds);
        }
        long started = System.nanoTime();
        long[] improvedAt = {0};
        Thread deadline = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeLimit);
                // again until the search has ended: a stop that comes before the search has started is lost
                while (true) {
                    solver.stopSearch();
                    Thread.sleep(STOP_RETRY);
                }
            } catch (InterruptedException e) {
                // the search has ended
            }
        });
        CpSolverStatus status;
        try {
            status = solver.solve(model.cp, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    improvedAt[0] = (System.nanoTime() - started) / 1_000_000;
                }
            });
        } finally {
            deadline.interrupt();
        }
        int bound = Math.max(knownLowerBound, (int) Math.ceil(solver.bestObjectiveBound() - 1e-6));
        double used = solver.response().getDeterministicTime();
        return switch (status) {
            case OPTIMAL -> {
                PsplibSchedule best = model.read(solver);
                int makespan = best.makespan(instance);
                yield new Outcome(better(hint, makespan, upper) ? Optional.of(best) : Optional.empty(), makespan, true,
                        improvedAt[0], used);
            }
            case FEASIBLE -> {
                PsplibSchedule best = model.read(solver);
                int makespan = best.makespan(instance);
                yield new Outcome(better(hint, makespan, upper) ? Optional.of(best) : Optional.empty(),
                        Math.min(bound, makespan), bound >= makespan, improvedAt[0], used);
            }
            case INFEASIBLE, MODEL_INVALID -> throw new IllegalStateException(instance.name() + ": the CP-SAT model "
                    + (hint.isPresent() ? "rejects a verified schedule" : "has no schedule within the horizon") + " (" + status + ")");
            default -> new Outcome(Optional.empty(), Math.min(bound, upper), hint.isPresent() && bound >= upper, 0, used);
        };
    }

    private static boolean better(Optional<PsplibSchedule> hint, int makespan, int upper) {
        return hint.isEmpty() || makespan < upper;
    }

    /** The CP-SAT variables of one instance, with the makespan bounded by a known schedule's. */
    private static final class Model {
        final PsplibInstance instance;
        final CpModel cp = new CpModel();
        final IntVar[] starts;
        final Literal[][] modeChosen;

        Model(PsplibInstance instance, int upper, int lower) {
            this.instance = instance;
            int n = instance.jobCount();
            int[] head = heads(instance);
            int[] tail = tails(instance);
            starts = new IntVar[n];
            IntVar[] ends = new IntVar[n];
            modeChosen = new Literal[n][];
            List<List<IntervalVar>> intervalsByResource = new ArrayList<>();
            List<List<Long>> demandsByResource = new ArrayList<>();
            for (int r = 0; r < instance.renewableCount(); r++) {
                intervalsByResource.add(new ArrayList<>());
                demandsByResource.add(new ArrayList<>());
            }
            List<LinearExpr>[] nonRenewableTerms = newTermLists(instance.nonRenewableCount());
            for (PsplibJob job : instance.jobs()) {
                int j = job.number() - 1;
                // a job starts no earlier than its longest chain of predecessors on their shortest modes, and leaves
                // room for its successors' chain before the bound
                starts[j] = cp.newIntVar(head[j], Math.max(head[j], upper - tail[j]), "s" + job.number());
                ends[j] = cp.newIntVar(head[j], upper, "e" + job.number());
                List<PsplibMode> modes = job.modes();
                modeChosen[j] = new Literal[modes.size()];
                for (int m = 0; m < modes.size(); m++) {
                    PsplibMode mode = modes.get(m);
                    modeChosen[j][m] = modes.size() == 1 ? cp.trueLiteral() : cp.newBoolVar("x" + job.number() + "_" + mode.number());
                    IntervalVar interval = cp.newOptionalIntervalVar(starts[j], LinearExpr.constant(mode.duration()),
                            ends[j], modeChosen[j][m], "i" + job.number() + "_" + mode.number());
                    for (int r = 0; r < instance.renewableCount(); r++) {
                        int demand = mode.renewableDemand().get(r);
                        if (demand > 0 && mode.duration() > 0) {
                            intervalsByResource.get(r).add(interval);
                            demandsByResource.get(r).add((long) demand);
                        }
                    }
                    for (int k = 0; k < instance.nonRenewableCount(); k++) {
                        int demand = mode.nonRenewableDemand().get(k);
                        if (demand > 0) {
                            nonRenewableTerms[k].add(LinearExpr.term(modeChosen[j][m], demand));
                        }
                    }
                }
                cp.addExactlyOne(modeChosen[j]);
            }
            for (PsplibJob job : instance.jobs()) {
                for (int successor : job.successors()) {
                    cp.addLessOrEqual(ends[job.number() - 1], starts[successor - 1]);
                }
            }
            for (int r = 0; r < instance.renewableCount(); r++) {
                CumulativeConstraint cumulative = cp.addCumulative(instance.renewableCapacity().get(r));
                List<IntervalVar> intervals = intervalsByResource.get(r);
                for (int i = 0; i < intervals.size(); i++) {
                    cumulative.addDemand(intervals.get(i), demandsByResource.get(r).get(i));
                }
            }
            for (int k = 0; k < instance.nonRenewableCount(); k++) {
                cp.addLessOrEqual(LinearExpr.sum(nonRenewableTerms[k].toArray(LinearExpr[]::new)),
                        instance.nonRenewableCapacity().get(k));
            }
            IntVar makespan = cp.newIntVar(lower, upper, "makespan");
            for (IntVar end : ends) {
                cp.addLessOrEqual(end, makespan);
            }
            cp.minimize(makespan);
        }

        @SuppressWarnings("unchecked")
        private static List<LinearExpr>[] newTermLists(int count) {
            List<LinearExpr>[] lists = new List[count];
            for (int k = 0; k < count; k++) {
                lists[k] = new ArrayList<>();
            }
            return lists;
        }

        void hint(PsplibSchedule schedule) {
            for (int j = 0; j < starts.length; j++) {
                cp.addHint(starts[j], schedule.starts().get(j));
                int chosen = schedule.modes().get(j) - 1;
                for (int m = 0; m < modeChosen[j].length; m++) {
                    if (modeChosen[j].length > 1) {
                        cp.addHint(modeChosen[j][m], m == chosen);
                    }
                }
            }
        }

        PsplibSchedule read(CpSolver solver) {
            List<Integer> modes = new ArrayList<>();
            List<Integer> startValues = new ArrayList<>();
            for (int j = 0; j < starts.length; j++) {
                int chosen = 0;
                for (int m = 0; m < modeChosen[j].length; m++) {
                    if (solver.booleanValue(modeChosen[j][m])) {
                        chosen = m;
                    }
                }
                modes.add(instance.jobs().get(j).modes().get(chosen).number());
                startValues.add((int) solver.value(starts[j]));
            }
            return new PsplibSchedule(modes, startValues);
        }
    }

    /** Earliest start of each job: its longest chain of predecessors, each on its shortest mode. */
    static int[] heads(PsplibInstance instance) {
        int n = instance.jobCount();
        int[] head = new int[n];
        List<List<Integer>> predecessors = instance.predecessors();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PsplibJob job : instance.jobs()) {
                int j = job.number() - 1;
                for (int p : predecessors.get(j)) {
                    int candidate = head[p - 1] + shortest(instance.job(p));
                    if (candidate > head[j]) {
                        head[j] = candidate;
                        changed = true;
                    }
                }
            }
        }
        return head;
    }

    /** Least time from each job's start to the end of the project: its own shortest mode and its longest chain after. */
    static int[] tails(PsplibInstance instance) {
        int n = instance.jobCount();
        int[] tail = new int[n];
        for (PsplibJob job : instance.jobs()) {
            tail[job.number() - 1] = shortest(job);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PsplibJob job : instance.jobs()) {
                int j = job.number() - 1;
                for (int s : job.successors()) {
                    int candidate = shortest(job) + tail[s - 1];
                    if (candidate > tail[j]) {
                        tail[j] = candidate;
                        changed = true;
                    }
                }
            }
        }
        return tail;
    }

    private static int shortest(PsplibJob job) {
        return job.modes().stream().mapToInt(PsplibMode::duration).min().orElseThrow();
    }
}
