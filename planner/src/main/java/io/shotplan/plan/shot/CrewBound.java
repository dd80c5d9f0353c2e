package io.shotplan.plan.shot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.RenewableCalendar;

/**
 * What the crews allow: a linear relaxation of the show that counts each discipline's and GPU pool's capacity week
 * by week, solved with OR-Tools' GLOP. Where {@link PlanBound}'s relaxations ignore the crews (unlimited artists for
 * the dates, any dates for the cost), this one proves what follows from the work the crews can do by each delivery:
 * how many working days late the season is at least, and what a plan that delivers as well as a given one costs at
 * least.
 * <p>
 * The relaxation, over periods cut at every delivery and at every fifth working day:
 * <ul>
 * <li>each shot's mode is a fraction (the fractions sum to one; the AI share per episode holds on them);</li>
 * <li>an episode's work on a resource is done by the crew at any rate within the resource's capacity in each stretch,
 * shared by all episodes, and no earlier than its shots' plates arrive (a shot's whole work may go into one day);</li>
 * <li>an episode is finished by a cut to the fraction that its work is done by then, so it finishes no earlier than
 * the cuts it is not finished by, and no earlier than its shots' fastest chain of work allows;</li>
 * <li>an episode late by some days does the work it has left at its due day in those days, at no more than the
 * most the resource ever does in a day;</li>
 * <li>each mode costs the least it can on any days ({@link CompiledShow#leastCost}).</li>
 * </ul>
 * Every plan is a solution of it (its modes, its work where it does it, its finishes), so the least days late of the
 * relaxation are a lower bound on any plan's, and its least cost among solutions whose money over budget and days late
 * weigh no more than a plan's bounds the cost of every plan that scores at least as well on budgets and deliveries.
 */
final class CrewBound implements AutoCloseable {

    /** The stretches between cuts are at most this many working days: a week. */
    static final int STRETCH = 5;

    /** How long GLOP may take for one optimisation before its bound is left out. */
    private static final long TIME_LIMIT_MILLIS = 10_000;

    /** GLOP's answer is optimal to within its tolerances; the bound gives that much away so that it stays proven. */
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private final MPSolver solver;
    private final MPVariable[] late;
    private final List<MPVariable> costVariables = new ArrayList<>();
    private final List<Double> costCents = new ArrayList<>();
    private final MPVariable[] episodeOver;
    private final MPVariable showOver;
    private final long constantCostCents;
    private final PlanWeights weights;

    private CrewBound(CompiledShow compiled, int[] earliestFinish) {
        Loader.loadNativeLibraries();
        solver = MPSolver.createSolver("GLOP");
        solver.setTimeLimit(TIME_LIMIT_MILLIS);
        weights = compiled.objective().weights();
        List<Activity> activities = compiled.schedule().getActivities();
        RenewableCalendar calendar = compiled.schedule().getCalendar();
        int episodes = compiled.episodes().size();
        int resources = calendar.resourceCount();
        int[] cuts = cuts(compiled);
        int stretches = cuts.length;

        // each shot's work per resource, the episode's least and most of it, and its cost, all in the chosen modes
        LinearSum[][] work = new LinearSum[episodes][resources];
        LinearSum[][][] released = new LinearSum[episodes][resources][stretches + 1];
        double[][] leastWork = new double[episodes][resources];
        double[][] mostWork = new double[episodes][resources];
        LinearSum[] episodeCost = new LinearSum[episodes];
        LinearSum[] aiShots = new LinearSum[episodes];
        for (int e = 0; e < episodes; e++) {
            episodeCost[e] = new LinearSum();
            aiShots[e] = new LinearSum();
            for (int r = 0; r < resources; r++) {
                work[e][r] = new LinearSum();
                for (int k = 0; k <= stretches; k++) {
                    released[e][r][k] = new LinearSum();
                }
            }
        }
        late = new MPVariable[episodes];
        for (int e = 0; e < episodes; e++) {
            late[e] = solver.makeNumVar(Math.max(0, earliestFinish[e] - compiled.duePeriod(e)), Double.POSITIVE_INFINITY, "");
        }
        long constantCost = 0;
        ShowObjective objective = compiled.objective();
        for (Activity activity : activities) {
            int e = compiled.episodeOf(activity.getIndex());
            int release = activity.getFixedStart() >= 0 ? activity.getFixedStart() : activity.getReleasePeriod();
            int releasedBy = firstCutAfter(cuts, release);
            List<ExecutionMode> modes = activity.getModeOptions();
            MPConstraint oneMode = modes.size() > 1 ? solver.makeConstraint(1, 1, "") : null;
            for (int r = 0; r < resources; r++) {
                double least = Double.MAX_VALUE;
                double most = 0;
                for (ExecutionMode mode : modes) {
                    double w = (double) mode.getDuration() * mode.renewableDemand()[r];
                    least = Math.min(least, w);
                    most = Math.max(most, w);
                }
                leastWork[e][r] += least;
                mostWork[e][r] += most;
            }
            for (ExecutionMode mode : modes) {
                long cents = CompiledShow.cents(compiled.leastCost(mode));
                MPVariable chosen = null;
                if (oneMode != null) {
                    chosen = solver.makeNumVar(0, 1, "");
                    oneMode.setCoefficient(chosen, 1);
                    costVariables.add(chosen);
                    costCents.add((double) cents);
                } else {
                    constantCost += cents;
                }
                episodeCost[e].add(chosen, cents);
                if (objective.isAi(mode)) {
                    aiShots[e].add(chosen, 1);
                }
                for (int r = 0; r < resources; r++) {
                    double w = (double) mode.getDuration() * mode.renewableDemand()[r];
                    if (w > 0) {
                        work[e][r].add(chosen, w);
                        released[e][r][releasedBy].add(chosen, w);
                    }
                }
            }
        }
        this.constantCostCents = constantCost;

        // the AI share per episode, on the fractions
        for (int e = 0; e < episodes; e++) {
            aiShots[e].atMost(solver, compiled.maxAiShots(e));
        }

        // the work each episode has done on each resource by each cut: within the crews, after the plates
        MPVariable[][] finishedBy = new MPVariable[episodes][stretches];
        for (int e = 0; e < episodes; e++) {
            for (int k = 0; k < stretches; k++) {
                // not finished by a cut before the fastest chain of its shots' work can end
                finishedBy[e][k] = solver.makeNumVar(0, cuts[k] < earliestFinish[e] ? 0 : 1, "");
                if (k > 0) {
                    atLeast(0, finishedBy[e][k], 1, finishedBy[e][k - 1], -1);
                }
            }
        }
        MPVariable[][] totals = new MPVariable[episodes][resources];
        MPVariable[][][] doneBy = new MPVariable[episodes][resources][];
        LinearSum[][] capacityUsed = new LinearSum[resources][stretches];
        for (int r = 0; r < resources; r++) {
            for (int k = 0; k < stretches; k++) {
                capacityUsed[r][k] = new LinearSum();
            }
        }
        for (int e = 0; e < episodes; e++) {
            for (int r = 0; r < resources; r++) {
                if (mostWork[e][r] == 0) {
                    continue;
                }
                MPVariable total = work[e][r].asVariable(solver);
                doneBy[e][r] = new MPVariable[stretches];
                totals[e][r] = total;
                MPVariable releasedSoFar = null;
                MPVariable doneBefore = null;
                for (int k = 0; k < stretches; k++) {
                    LinearSum releasedNow = released[e][r][k];
                    if (releasedSoFar != null) {
                        releasedNow.add(releasedSoFar, 1);
                    }
                    releasedSoFar = releasedNow.asVariable(solver);
                    MPVariable done = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
                    atMost(0, done, 1, releasedSoFar, -1);
                    capacityUsed[r][k].add(done, 1);
                    if (doneBefore != null) {
                        atLeast(0, done, 1, doneBefore, -1);
                        capacityUsed[r][k].add(doneBefore, -1);
                    }
                    // finished by the cut: its work is done by then, whichever modes it has
                    MPConstraint all = solver.makeConstraint(-mostWork[e][r], Double.POSITIVE_INFINITY, "");
                    all.setCoefficient(done, 1);
                    all.setCoefficient(total, -1);
                    all.setCoefficient(finishedBy[e][k], -mostWork[e][r]);
                    atLeast(0, done, 1, finishedBy[e][k], -leastWork[e][r]);
                    doneBefore = done;
                    doneBy[e][r][k] = done;
                }
            }
        }
        for (int r = 0; r < resources; r++) {
            for (int k = 0; k < stretches; k++) {
                long capacity = 0;
                for (int t = k == 0 ? 0 : cuts[k - 1]; t < cuts[k]; t++) {
                    capacity += calendar.capacity(r, t);
                }
                capacityUsed[r][k].atMost(solver, capacity);
            }
        }

        // days late: an episode finishes no earlier than the cuts it is not finished by
        for (int e = 0; e < episodes; e++) {
            int due = compiled.duePeriod(e);
            MPConstraint finish = solver.makeConstraint(cuts[stretches - 1] - due, Double.POSITIVE_INFINITY, "");
            finish.setCoefficient(late[e], 1);
            for (int k = 0; k < stretches; k++) {
                finish.setCoefficient(finishedBy[e][k], cuts[k] - (k == 0 ? 0 : cuts[k - 1]));
            }
            int dueCut = Arrays.binarySearch(cuts, due);
            for (int r = 0; r < resources && dueCut >= 0; r++) {
                if (doneBy[e][r] == null) {
                    continue;
                }
                // work left at the due day takes at least that long at the most the crew can ever do in a day
                MPConstraint after = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "");
                after.setCoefficient(late[e], calendar.maxCapacity(r));
                after.setCoefficient(totals[e][r], -1);
                after.setCoefficient(doneBy[e][r][dueCut], 1);
            }
        }

        // money over budget, as the score weighs it
        episodeOver = new MPVariable[episodes];
        LinearSum showCost = new LinearSum();
        for (int e = 0; e < episodes; e++) {
            episodeOver[e] = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
            episodeCost[e].add(episodeOver[e], -1);
            episodeCost[e].atMost(solver, compiled.episodeBudgetCents(e));
            showCost.addAll(episodeCost[e]);
            showCost.add(episodeOver[e], 1);
        }
        showOver = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
        showCost.add(showOver, -1);
        showCost.atMost(solver, compiled.showBudgetCents());
    }

    /**
     * The relaxation of a compiled show; close it when done (it holds GLOP's native model).
     *
     * @param earliestFinish per episode, the earliest period its shots' fastest chains of work can end
     */
    static CrewBound of(CompiledShow compiled, int[] earliestFinish) {
        return new CrewBound(compiled, earliestFinish);
    }

    /** The fewest working days late, summed over the episodes, that any plan can be. */
    Optional<Integer> daysLateAtLeast() {
        MPObjective objective = solver.objective();
        objective.clear();
        for (MPVariable days : late) {
            objective.setCoefficient(days, 1);
        }
        objective.setMinimization();
        return solve().map(value -> (int) Math.ceil(value - tolerance(value)));
    }

    /**
     * The least cost, in cents, of any plan whose money over budget and days late weigh no more than
     * {@code medium} (the medium level of its score, as a positive number).
     */
    Optional<Long> costAtLeastCents(long medium) {
        MPConstraint asGood = solver.makeConstraint(Double.NEGATIVE_INFINITY, medium + tolerance(medium), "");
        for (MPVariable days : late) {
            asGood.setCoefficient(days, weights.lateDay());
        }
        for (MPVariable over : episodeOver) {
            asGood.setCoefficient(over, weights.overBudgetPerCent());
        }
        asGood.setCoefficient(showOver, weights.overBudgetPerCent());
        MPObjective objective = solver.objective();
        objective.clear();
        for (int v = 0; v < costVariables.size(); v++) {
            objective.setCoefficient(costVariables.get(v), costCents.get(v));
        }
        objective.setMinimization();
        Optional<Long> cents = solve().map(value -> constantCostCents + (long) Math.floor(value - tolerance(value)));
        asGood.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return cents;
    }

    private Optional<Double> solve() {
        MPSolver.ResultStatus status = solver.solve();
        return status == MPSolver.ResultStatus.OPTIMAL ? Optional.of(solver.objective().value()) : Optional.empty();
    }

    private static double tolerance(double value) {
        return RELATIVE_TOLERANCE * Math.max(1, Math.abs(value));
    }

    @Override
    public void close() {
        solver.delete();
    }

    /** Every delivery, every fifth working day, and the end of the crew calendar, sorted. */
    private static int[] cuts(CompiledShow compiled) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int lastDue = 0;
        for (int e = 0; e < compiled.episodes().size(); e++) {
            int due = compiled.duePeriod(e);
            if (due > 0) {
                cuts.add(due);
            }
            lastDue = Math.max(lastDue, due);
        }
        int end = lastDue + CompiledShow.CALENDAR_TAIL_DAYS;
        for (int t = STRETCH; t < end; t += STRETCH) {
            cuts.add(t);
        }
        cuts.add(end);
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the first cut after {@code period}: work released then counts as released by that cut. */
    private static int firstCutAfter(int[] cuts, int period) {
        int k = Arrays.binarySearch(cuts, period + 1);
        return k >= 0 ? k : Math.min(-k - 1, cuts.length);
    }

    private void atLeast(double bound, MPVariable a, double ca, MPVariable b, double cb) {
        MPConstraint c = solver.makeConstraint(bound, Double.POSITIVE_INFINITY, "");
        c.setCoefficient(a, ca);
        c.setCoefficient(b, cb);
    }

    private void atMost(double bound, MPVariable a, double ca, MPVariable b, double cb) {
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, bound, "");
        c.setCoefficient(a, ca);
        c.setCoefficient(b, cb);
    }

    /** A linear sum of mode fractions and other variables plus a constant (where a shot has one mode). */
    private static final class LinearSum {
        final List<MPVariable> variables = new ArrayList<>();
        final List<Double> coefficients = new ArrayList<>();
        double constant;

        void add(MPVariable variable, double coefficient) {
            if (variable == null) {
                constant += coefficient;
            } else {
                variables.add(variable);
                coefficients.add(coefficient);
            }
        }

        void addAll(LinearSum other) {
            variables.addAll(other.variables);
            coefficients.addAll(other.coefficients);
            constant += other.constant;
        }

        void atMost(MPSolver solver, double bound) {
            MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, bound - constant, "");
            for (int i = 0; i < variables.size(); i++) {
                c.setCoefficient(variables.get(i), c.getCoefficient(variables.get(i)) + coefficients.get(i));
            }
        }

        /** A new variable equal to the sum. */
        MPVariable asVariable(MPSolver solver) {
            MPVariable sum = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "");
            MPConstraint c = solver.makeConstraint(constant, constant, "");
            c.setCoefficient(sum, 1);
            for (int i = 0; i < variables.size(); i++) {
                c.setCoefficient(variables.get(i), c.getCoefficient(variables.get(i)) - coefficients.get(i));
            }
            return sum;
        }
    }
}
