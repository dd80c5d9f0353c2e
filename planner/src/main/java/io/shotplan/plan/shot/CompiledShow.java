package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;
import io.shotplan.plan.domain.RenewableCalendar;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.ModeEstimate;
import io.shotplan.show.RateCards;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.WorkMode;

/**
 * A show turned into the engine's project: one activity per shot to plan (omitted shots are left out), one mode per
 * eligible estimate, renewable resources for each discipline (artists per working day, in hundredths so half an
 * artist counts) and each GPU pool (GPU-hours per day, in hundredths), non-renewable budgets per episode and for the
 * show (in cents). Keeps the maps back from engine indices to shots and estimates.
 *
 * <p>Where the show's prices depend on the day (rate changes, a card or a vendor in another currency), a mode is
 * priced on working days ({@link ShotEstimator#pricedOver}): the search on the days it would take from the start it
 * is given ({@link DatedCosts}), the plan exactly on the days the schedule gives it ({@link #pricedAt}). The engine's
 * own mode costs (its non-renewable budgets, the rules of thumb) are those from the shot's earliest start.
 */
public final class CompiledShow {

    /** Demands and capacities are counted in hundredths of an artist or a GPU-hour. */
    static final int UNITS = 100;
    /** How far past the last delivery the crew calendar is spelled out day by day; after it, the last day repeats. */
    static final int CALENDAR_TAIL_DAYS = 260;

    private final io.shotplan.show.Show show;
    private final PlanRequest request;
    private final WorkingDays days;
    private final List<Shot> shots = new ArrayList<>();
    private final List<List<ModeEstimate>> estimates = new ArrayList<>();
    private final List<ModeEstimate> estimateByKey = new ArrayList<>();
    private final List<Shot> shotByKey = new ArrayList<>();
    /** The first period each mode may start, its shot's plate date; null where the start is fixed or pinned. */
    private final List<Integer> earliestByKey = new ArrayList<>();
    private final List<Integer> durationByKey = new ArrayList<>();
    private final ShotEstimator estimator;
    private final List<String> assumptions = new ArrayList<>();
    private final Map<String, Integer> shotIndex = new HashMap<>();
    /** "discipline:CODE" and "gpu:CODE" to the engine's resource index. */
    private final Map<String, Integer> resourceIndex = new HashMap<>();
    private final List<Episode> episodes;
    private final int[] duePeriod;
    private final String[] resourceNames;
    private final int disciplineCount;
    private final boolean[] pinnedMode;
    private final boolean[] pinnedStart;
    private final boolean[] fixed;
    private final ProjectSchedule schedule;
    private final ShowObjective objective;
    /** The objective's inputs, kept to build the objective of a window of the plan. */
    private final int[] episodeOf;
    private final long[] costCentsByKey;
    /** Where prices depend on the day, what each mode costs by its start; else null (a mode costs its price). */
    private final DatedCosts datedCosts;
    private final boolean[] aiByKey;
    private final long[] episodeBudgetCents;
    private final long showBudgetCents;
    private final int[] maxAiShots;
    private final int[] previousKey;
    private final int[] previousStart;

    public CompiledShow(io.shotplan.show.Show show, PlanRequest request) {
        this.show = show;
        this.request = request;
        this.days = new WorkingDays(show.startDate());
        this.episodes = show.episodes();
        this.estimator = new ShotEstimator(show);
        Map<String, Integer> episodeIndex = shotsToPlan();
        this.disciplineCount = show.disciplines().size();
        this.resourceNames = resources();
        this.duePeriod = duePeriods();
        RenewableCalendar calendar = calendar();
        Precedence precedence = precedence();
        int n = shots.size();
        this.pinnedMode = new boolean[n];
        this.pinnedStart = new boolean[n];
        this.fixed = new boolean[n];
        ShotModes modes = modes(episodeIndex, precedence, pins());
        Limits limits = limits(modes.shotsPerEpisode());
        this.episodeOf = modes.episodeOf();
        this.costCentsByKey = modes.costCents();
        this.aiByKey = modes.ai();
        this.episodeBudgetCents = limits.episodeBudgetCents();
        this.showBudgetCents = limits.showBudgetCents();
        this.maxAiShots = limits.maxAiShots();
        this.previousKey = modes.previousKey();
        this.previousStart = modes.previousStart();
        this.datedCosts = estimator.pricesDependOnDays() ? datedCosts() : null;
        this.objective = new ShowObjective(episodeOf, costCentsByKey, datedCosts, aiByKey, episodeBudgetCents,
                showBudgetCents, duePeriod, maxAiShots, previousKey, previousStart, request.weights());
        this.schedule = new ProjectSchedule(show.code(), calendar, limits.names(), limits.capacity(), modes.activities(),
                objective);
        // justification optimises makespan; a show scores each episode's finish, so keep the plain serial scheme
        schedule.setJustify(false);
        schedule.setNonRenewableHard(limits.hard());
        warmStartFromPrevious(modes.activities(), previousKey, previousStart);
    }

    /** The modes' costs by start, up to the crew calendar's end and every price change (after them prices stay). */
    private DatedCosts datedCosts() {
        RateCards rateCards = show.rateCards();
        int horizon = Math.max(java.util.Arrays.stream(duePeriod).max().orElse(0) + CALENDAR_TAIL_DAYS,
                days.periodOnOrAfter(rateCards.lastChange()) + 1);
        return DatedCosts.of(estimator, rateCards, days, horizon, shotByKey, estimateByKey,
                durationByKey.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The shots to plan: every shot but the omitted ones, each in an episode of the show. */
    private Map<String, Integer> shotsToPlan() {
        Map<String, Integer> episodeIndex = new HashMap<>();
        for (int e = 0; e < episodes.size(); e++) {
            episodeIndex.put(episodes.get(e).code(), e);
        }
        for (Shot shot : show.shots()) {
            if (shot.status() == ShotStatus.OMITTED) {
                continue;
            }
            if (!episodeIndex.containsKey(shot.episode())) {
                throw new IllegalArgumentException("Shot " + shot.code() + " belongs to episode '" + shot.episode()
                        + "', which the show does not have.");
            }
            shotIndex.put(shot.code(), shots.size());
            shots.add(shot);
        }
        return episodeIndex;
    }

    /** The engine's renewable resources: the disciplines, then the GPU pools. */
    private String[] resources() {
        List<Discipline> disciplines = show.disciplines();
        List<GpuPool> pools = show.gpuPools();
        String[] names = new String[disciplines.size() + pools.size()];
        for (int d = 0; d < disciplines.size(); d++) {
            names[d] = disciplines.get(d).code();
            resourceIndex.put("discipline:" + disciplines.get(d).code(), d);
        }
        for (int p = 0; p < pools.size(); p++) {
            names[disciplineCount + p] = pools.get(p).code();
            resourceIndex.put("gpu:" + pools.get(p).code(), disciplineCount + p);
        }
        return names;
    }

    /** Deliveries: each episode's last working day to finish on (delivery less the review buffer). */
    private int[] duePeriods() {
        int[] due = new int[episodes.size()];
        for (int e = 0; e < episodes.size(); e++) {
            due[e] = days.duePeriod(episodes.get(e).deliveryDate(), show.reviewBufferDays());
        }
        return due;
    }

    /** The calendar: artists per discipline and GPU-hours per pool on each working day, in hundredths. */
    private RenewableCalendar calendar() {
        int lastDue = 0;
        for (int due : duePeriod) {
            lastDue = Math.max(lastDue, due + show.reviewBufferDays());
        }
        int profileLength = lastDue + CALENDAR_TAIL_DAYS;
        List<Discipline> disciplines = show.disciplines();
        List<GpuPool> pools = show.gpuPools();
        int[][] capacity = new int[resourceNames.length][profileLength];
        int[] steady = new int[resourceNames.length];
        CrewPlan crew = show.crew();
        for (int t = 0; t < profileLength; t++) {
            LocalDate date = days.date(t);
            for (int d = 0; d < disciplineCount; d++) {
                capacity[d][t] = units(crew.artistsOn(disciplines.get(d).code(), date));
            }
            for (int p = 0; p < pools.size(); p++) {
                capacity[disciplineCount + p][t] = units(pools.get(p).gpuHoursPerDay());
            }
        }
        for (int r = 0; r < resourceNames.length; r++) {
            steady[r] = capacity[r][profileLength - 1];
        }
        return new RenewableCalendar(resourceNames, capacity, steady);
    }

    private Map<String, Pin> pins() {
        Map<String, Pin> pins = new HashMap<>();
        for (Pin pin : request.pins()) {
            if (!shotIndex.containsKey(pin.shotCode())) {
                throw new IllegalArgumentException("Pin names shot " + pin.shotCode() + ", which is not in the plan.");
            }
            pins.put(pin.shotCode(), pin);
        }
        return pins;
    }

    private record Precedence(List<List<Integer>> predecessors, List<List<Integer>> successors) {
    }

    /** Precedence from "depends on"; a dependency outside the plan (omitted) no longer constrains. */
    private Precedence precedence() {
        int n = shots.size();
        List<List<Integer>> predecessors = new ArrayList<>();
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>());
            successors.add(new ArrayList<>());
        }
        java.util.Set<String> allCodes = new java.util.HashSet<>();
        show.shots().forEach(s -> allCodes.add(s.code()));
        for (int i = 0; i < n; i++) {
            for (String code : shots.get(i).dependsOn()) {
                Integer p = shotIndex.get(code);
                if (p == null) {
                    if (!allCodes.contains(code)) {
                        throw new IllegalArgumentException("Shot " + shots.get(i).code() + " depends on unknown shot " + code + ".");
                    }
                    continue;
                }
                predecessors.get(i).add(p);
                successors.get(p).add(i);
            }
        }
        return new Precedence(predecessors, successors);
    }

    /** Each shot's activity with its modes, and what the objective needs of them, by shot and by mode key. */
    private record ShotModes(List<Activity> activities, int[] episodeOf, int[] shotsPerEpisode, long[] costCents,
            boolean[] ai, int[] previousKey, int[] previousStart) {
    }

    /**
     * The modes: each shot's eligible estimates, narrowed by work under way, pins and the previous plan, each
     * priced on the working days it would take from the shot's earliest start.
     */
    private ShotModes modes(Map<String, Integer> episodeIndex, Precedence precedence, Map<String, Pin> pins) {
        int n = shots.size();
        int[] episodeOf = new int[n];
        int[] previousKey = new int[n];
        int[] previousStart = new int[n];
        List<Activity> activities = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        List<Boolean> ai = new ArrayList<>();
        int[] shotsPerEpisode = new int[episodes.size()];
        for (int i = 0; i < n; i++) {
            Shot shot = shots.get(i);
            int e = episodeIndex.get(shot.episode());
            episodeOf[i] = e;
            shotsPerEpisode[e]++;
            List<ModeEstimate> candidates = new ArrayList<>(estimator.candidates(shot));
            Optional<PreviousAssignment> previous = Optional.ofNullable(request.previous().get(shot.code()));
            Pin pin = pins.get(shot.code());
            int fixedStart = -1;
            if (shot.status().isFixed()) {
                fixed[i] = true;
                if (previous.isPresent()) {
                    candidates = keepLabel(candidates, previous.get().modeLabel(), shot, "the previous plan");
                    fixedStart = days.periodOnOrAfter(previous.get().start());
                } else {
                    candidates = keepLabel(candidates, WorkMode.TRADITIONAL.label(), shot, "the default for work under way");
                    fixedStart = shot.plateReadyDate() == null ? 0 : days.periodOnOrAfter(shot.plateReadyDate());
                    assumptions.add("Shot " + shot.code() + " is " + shot.status().name().toLowerCase().replace('_', ' ')
                            + " but has no previous plan: assumed traditional, started " + days.date(fixedStart) + ".");
                }
            } else if (pin != null) {
                if (pin.modeLabel().isPresent()) {
                    candidates = keepLabel(candidates, pin.modeLabel().get(), shot, "a pin");
                    pinnedMode[i] = true;
                }
                if (pin.start().isPresent()) {
                    fixedStart = days.periodOnOrAfter(pin.start().get());
                    pinnedStart[i] = true;
                }
            }
            int release = shot.plateReadyDate() == null ? 0 : days.periodOnOrAfter(shot.plateReadyDate());
            List<ModeEstimate> priced = new ArrayList<>();
            List<ExecutionMode> modes = new ArrayList<>();
            for (ModeEstimate candidate : candidates) {
                int key = estimateByKey.size();
                int duration = duration(candidate);
                ModeEstimate estimate = estimator.pricedOver(shot, candidate,
                        workingDays(fixedStart >= 0 ? fixedStart : release, duration));
                priced.add(estimate);
                estimateByKey.add(estimate);
                shotByKey.add(shot);
                earliestByKey.add(fixedStart >= 0 ? null : release);
                durationByKey.add(duration);
                long cents = cents(estimate.totalCost());
                costs.add(cents);
                ai.add(!(estimate.mode() instanceof WorkMode.Traditional));
                // budgets per episode, the show's budget, then AI shots per episode (the policy's share)
                long[] nonRenewable = new long[2 * episodes.size() + 1];
                nonRenewable[e] = cents;
                nonRenewable[episodes.size()] = cents;
                if (!(estimate.mode() instanceof WorkMode.Traditional)) {
                    nonRenewable[episodes.size() + 1 + e] = 1;
                }
                modes.add(toMode(key, shot, estimate, duration, nonRenewable));
            }
            estimates.add(priced);
            previousKey[i] = -1;
            if (previous.isPresent()) {
                for (int m = 0; m < candidates.size(); m++) {
                    if (candidates.get(m).mode().label().equals(previous.get().modeLabel())) {
                        previousKey[i] = modes.get(m).getKey();
                    }
                }
                previousStart[i] = days.periodOnOrAfter(previous.get().start());
            }
            Activity activity = new Activity(i, shot.code(), modes,
                    precedence.predecessors().get(i).stream().mapToInt(Integer::intValue).toArray(),
                    precedence.successors().get(i).stream().mapToInt(Integer::intValue).toArray(), release, fixedStart);
            activity.setDuePeriod(duePeriod[e]);
            activities.add(activity);
        }
        return new ShotModes(activities, episodeOf, shotsPerEpisode, costs.stream().mapToLong(Long::longValue).toArray(),
                toBooleans(ai), previousKey, previousStart);
    }

    /**
     * The engine's non-renewable limits and the objective's: budgets per episode, the show's budget less contingency,
     * then AI shots per episode (the policy's share of the episode's shots to plan, rounded down; the one place the
     * cap is computed).
     */
    private record Limits(long[] episodeBudgetCents, long showBudgetCents, int[] maxAiShots, String[] names,
            long[] capacity, boolean[] hard) {
    }

    private Limits limits(int[] shotsPerEpisode) {
        long[] episodeBudget = new long[episodes.size()];
        String[] names = new String[2 * episodes.size() + 1];
        long[] capacity = new long[2 * episodes.size() + 1];
        boolean[] hard = new boolean[2 * episodes.size() + 1];
        int[] maxAi = new int[episodes.size()];
        for (int e = 0; e < episodes.size(); e++) {
            episodeBudget[e] = cents(episodes.get(e).budget());
            names[e] = "budget " + episodes.get(e).code();
            capacity[e] = episodeBudget[e];
            maxAi[e] = show.policy().maxAiSharePerEpisode().multiply(BigDecimal.valueOf(shotsPerEpisode[e]))
                    .setScale(0, RoundingMode.FLOOR).intValueExact();
            names[episodes.size() + 1 + e] = "AI shots " + episodes.get(e).code();
            capacity[episodes.size() + 1 + e] = maxAi[e];
            hard[episodes.size() + 1 + e] = true;
        }
        long showBudget = cents(show.spendableBudget());
        names[episodes.size()] = "show budget less contingency";
        capacity[episodes.size()] = showBudget;
        return new Limits(episodeBudget, showBudget, maxAi, names, capacity, hard);
    }

    /**
     * A re-plan starts from the current plan: each shot keeps its previous mode and the list is ordered by previous
     * start, so the first schedule is the current plan wherever it still fits and the search moves away only for a
     * reason. Shots new to the plan are placed by the construction phase.
     */
    private void warmStartFromPrevious(List<Activity> activities, int[] previousKey, int[] previousStart) {
        List<Activity> ordered = new ArrayList<>();
        for (Activity activity : activities) {
            int key = previousKey[activity.getIndex()];
            if (key < 0) {
                continue;
            }
            for (ExecutionMode mode : activity.getModeOptions()) {
                if (mode.getKey() == key) {
                    activity.setMode(mode);
                    ordered.add(activity);
                }
            }
        }
        ordered.sort(java.util.Comparator.comparingInt((Activity a) -> previousStart[a.getIndex()])
                .thenComparingInt(Activity::getIndex));
        schedule.getSequence().getActivities().addAll(ordered);
    }

    /** The estimate of a mode priced on the working days it takes when it starts at {@code start}. */
    public ModeEstimate pricedAt(ExecutionMode mode, int start) {
        return estimator.pricedOver(shotByKey.get(mode.getKey()), estimateByKey.get(mode.getKey()),
                workingDays(start, mode.getDuration()));
    }

    /**
     * What shot {@code i} would cost by artists alone starting at {@code start}, priced on the days that takes: the
     * plan's "against traditional" beside each shot, on the same days' cards as the plan itself.
     */
    public ModeEstimate traditionalAt(int i, int start) {
        Shot shot = shots.get(i);
        ModeEstimate traditional = estimator.traditional(shot);
        return estimator.pricedOver(shot, traditional, workingDays(start, duration(traditional)));
    }

    private List<LocalDate> workingDays(int start, int duration) {
        List<LocalDate> dates = new ArrayList<>(duration);
        for (int t = start; t < start + duration; t++) {
            dates.add(days.date(t));
        }
        return dates;
    }

    /**
     * Working days a mode takes: its longest discipline's artist-days, and at least the days its GPU pool needs or the
     * vendor's turnaround.
     */
    private int duration(ModeEstimate estimate) {
        BigDecimal longest = BigDecimal.ONE;
        for (BigDecimal d : estimate.artistDays().values()) {
            longest = longest.max(d);
        }
        int duration = longest.setScale(0, RoundingMode.CEILING).intValueExact();
        switch (estimate.mode()) {
            case WorkMode.InHouseAi inHouse -> {
                GpuPool pool = show.gpuPoolsByCode().get(inHouse.capability().gpuPool());
                // the whole pool may work on one shot, so a day of the pool is the shortest a render can take
                if (estimate.gpuHours().signum() > 0 && pool.gpuHoursPerDay().signum() > 0) {
                    duration = Math.max(duration, estimate.gpuHours().divide(pool.gpuHoursPerDay(), 0, RoundingMode.CEILING).intValueExact());
                }
            }
            case WorkMode.VendorAi vendor -> duration = Math.max(duration, request.vendorTurnaroundDays());
            case WorkMode.Traditional traditional -> {
            }
        }
        return Math.max(1, duration);
    }

    private ExecutionMode toMode(int key, Shot shot, ModeEstimate estimate, int duration, long[] nonRenewable) {
        int[] demand = new int[resourceNames.length];
        String poolCode = estimate.mode() instanceof WorkMode.InHouseAi inHouse ? inHouse.capability().gpuPool() : null;
        BigDecimal periods = BigDecimal.valueOf(duration);
        for (Map.Entry<String, BigDecimal> entry : estimate.artistDays().entrySet()) {
            Integer r = resourceIndex.get("discipline:" + entry.getKey());
            if (r == null) {
                throw new IllegalArgumentException("Shot " + shot.code() + " needs discipline " + entry.getKey()
                        + ", which the show does not list.");
            }
            demand[r] = units(entry.getValue().divide(periods, 6, RoundingMode.CEILING));
        }
        if (poolCode != null) {
            Integer r = resourceIndex.get("gpu:" + poolCode);
            demand[r] = units(estimate.gpuHours().divide(periods, 6, RoundingMode.CEILING));
        }
        return new ExecutionMode(key, shot.code() + " " + estimate.mode().label(), duration, demand, nonRenewable);
    }

    private static List<ModeEstimate> keepLabel(List<ModeEstimate> candidates, String label, Shot shot, String source) {
        List<ModeEstimate> kept = candidates.stream().filter(m -> m.mode().label().equals(label)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("Shot " + shot.code() + ": " + source + " asks for mode '" + label
                    + "', but its eligible modes are " + candidates.stream().map(m -> m.mode().label()).toList() + ".");
        }
        return kept;
    }

    private static boolean[] toBooleans(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    static int units(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(UNITS)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    static long cents(BigDecimal money) {
        return money.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public io.shotplan.show.Show show() {
        return show;
    }

    public PlanRequest request() {
        return request;
    }

    public WorkingDays days() {
        return days;
    }

    public List<Shot> shots() {
        return shots;
    }

    public List<ModeEstimate> estimates(int shot) {
        return estimates.get(shot);
    }

    public ModeEstimate estimate(ExecutionMode mode) {
        return estimateByKey.get(mode.getKey());
    }

    /**
     * The least the mode can cost on any days from its shot's earliest start ({@link DatedCosts#least}); where no price
     * depends on the day, or the start is fixed, what it costs.
     */
    public BigDecimal leastCost(ExecutionMode mode) {
        int key = mode.getKey();
        Integer earliest = earliestByKey.get(key);
        return datedCosts == null || earliest == null ? estimateByKey.get(key).totalCost()
                : datedCosts.least(key, earliest);
    }

    public List<Episode> episodes() {
        return episodes;
    }

    public int duePeriod(int episode) {
        return duePeriod[episode];
    }

    public String[] resourceNames() {
        return resourceNames;
    }

    public int disciplineCount() {
        return disciplineCount;
    }

    public boolean isPinnedMode(int shot) {
        return pinnedMode[shot];
    }

    public boolean isPinnedStart(int shot) {
        return pinnedStart[shot];
    }

    public boolean isFixed(int shot) {
        return fixed[shot];
    }

    public List<String> assumptions() {
        return assumptions;
    }

    /** The episode (index into {@link #episodes()}) of a shot. */
    public int episodeOf(int shot) {
        return episodeOf[shot];
    }

    public long episodeBudgetCents(int episode) {
        return episodeBudgetCents[episode];
    }

    /** The show's budget less its contingency, in cents. */
    public long showBudgetCents() {
        return showBudgetCents;
    }

    /** The most AI shots the policy's share allows in an episode. */
    public int maxAiShots(int episode) {
        return maxAiShots[episode];
    }

    public ProjectSchedule schedule() {
        return schedule;
    }

    /**
     * The show's objective over a window of its shots: budgets and AI shares less what the shots outside the window
     * spend in their current modes on their current days, each episode's finish over the window's shots.
     *
     * @param window shot indices, in the window's own index order
     * @param modes every shot's current mode, by shot index
     * @param start every shot's current start period, by shot index
     */
    ShowObjective windowObjective(int[] window, ExecutionMode[] modes, int[] start) {
        boolean[] inWindow = new boolean[modes.length];
        for (int i : window) {
            inWindow[i] = true;
        }
        long[] budget = episodeBudgetCents.clone();
        int[] maxAi = maxAiShots.clone();
        long showBudget = showBudgetCents;
        for (int i = 0; i < modes.length; i++) {
            if (!inWindow[i]) {
                long spent = objective.costCents(modes[i], start[i]);
                budget[episodeOf[i]] -= spent;
                showBudget -= spent;
                maxAi[episodeOf[i]] -= aiByKey[modes[i].getKey()] ? 1 : 0;
            }
        }
        int[] windowEpisodeOf = new int[window.length];
        int[] windowPreviousKey = new int[window.length];
        int[] windowPreviousStart = new int[window.length];
        for (int j = 0; j < window.length; j++) {
            windowEpisodeOf[j] = episodeOf[window[j]];
            windowPreviousKey[j] = previousKey[window[j]];
            windowPreviousStart[j] = previousStart[window[j]];
        }
        return new ShowObjective(windowEpisodeOf, costCentsByKey, datedCosts, aiByKey, budget, showBudget, duePeriod,
                maxAi, windowPreviousKey, windowPreviousStart, request.weights());
    }

    public ShowObjective objective() {
        return objective;
    }
}
