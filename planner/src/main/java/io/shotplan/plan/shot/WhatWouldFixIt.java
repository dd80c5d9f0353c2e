package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.shotplan.show.CrewPlan;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Show;

/**
 * When a plan misses a budget or a delivery date: what would fix it, computed by re-solving the show with one limit
 * relaxed (money ignored, artists doubled, GPUs quadrupled) and measuring what the relaxed plan actually uses beyond
 * the real limit. Not guessed from the failing plan.
 */
public final class WhatWouldFixIt {

    /** How much the relaxed limits are relaxed: enough to show what the limit costs, still a plausible show. */
    static final BigDecimal ARTIST_RELAXATION = BigDecimal.valueOf(2);
    static final BigDecimal GPU_RELAXATION = BigDecimal.valueOf(4);

    /**
     * One way out.
     *
     * @param limit "budget", "artists" or "GPUs"
     * @param amounts extra money per episode (and "show"), or extra artist-days per discipline in the busiest week,
     *        or extra GPU hours per pool in the busiest week
     * @param fixesEverything the relaxed plan meets every remaining budget and delivery date
     */
    public record Fix(String limit, String description, Map<String, BigDecimal> amounts, boolean fixesEverything,
            ShowPlan relaxedPlan) {
    }

    /** One relaxed re-solve, named for the limit it relaxes, to run when the caller chooses (one at a time, with progress). */
    public record Relaxation(String limit, Supplier<Fix> resolve) {
    }

    private WhatWouldFixIt() {
    }

    public static List<Fix> of(Show show, PlanRequest request, ShowPlan plan) {
        if (plan.withinLimits()) {
            return List.of();
        }
        return relaxations(show, request).stream().map(r -> r.resolve().get()).toList();
    }

    /** The re-solves that find the fixes of a plan that misses a budget or a delivery: money, artists, GPUs (if any). */
    public static List<Relaxation> relaxations(Show show, PlanRequest request) {
        List<Relaxation> relaxations = new ArrayList<>();
        relaxations.add(new Relaxation("budget", () -> budget(show, request)));
        relaxations.add(new Relaxation("artists", () -> artists(show, request)));
        if (!show.gpuPools().isEmpty()) {
            relaxations.add(new Relaxation("GPUs", () -> gpus(show, request)));
        }
        return relaxations;
    }

    static Fix budget(Show show, PlanRequest request) {
        ShowPlan relaxed = ShowPlanner.relaxedPlan(show, request.withWeights(request.weights().withOverBudgetPerCent(0)));
        Map<String, BigDecimal> extra = new LinkedHashMap<>();
        for (EpisodePlan e : relaxed.episodes()) {
            extra.put(e.code(), e.cost().subtract(e.budget()).max(BigDecimal.ZERO));
        }
        extra.put("show", relaxed.totalCost().subtract(show.spendableBudget()).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_EVEN));
        boolean fixes = relaxed.feasible() && relaxed.episodes().stream().noneMatch(EpisodePlan::isLate);
        String description = "More money: " + describe(extra, show.currency()) + (fixes ? "" : " (deliveries still missed)");
        return new Fix("budget", description, extra, fixes, relaxed);
    }

    static Fix artists(Show show, PlanRequest request) {
        ShowPlan relaxed = ShowPlanner.relaxedPlan(ShowVariants.withCrew(show, ARTIST_RELAXATION), request);
        Map<String, BigDecimal> extra = busiestWeekExcess(relaxed, (discipline, day) -> show.crew().artistsOn(discipline, day),
                shot -> shot.artistDays());
        return new Fix("artists", "More artists: " + describe(extra, "artist-days in the busiest week")
                + (relaxed.withinLimits() ? "" : " (limits still missed)"), extra, relaxed.withinLimits(), relaxed);
    }

    static Fix gpus(Show show, PlanRequest request) {
        ShowPlan relaxed = ShowPlanner.relaxedPlan(ShowVariants.withGpus(show, GPU_RELAXATION), request);
        Map<String, GpuPool> pools = show.gpuPoolsByCode();
        Map<String, String> poolOfCapability = new HashMap<>();
        show.capabilities().forEach(c -> {
            if (c.gpuPool() != null) {
                poolOfCapability.put(c.code(), c.gpuPool());
            }
        });
        Map<String, BigDecimal> extra = busiestWeekExcess(relaxed,
                (pool, day) -> CrewPlan.isWorkingDay(day) ? pools.get(pool).gpuHoursPerDay() : BigDecimal.ZERO,
                shot -> poolOfCapability.containsKey(shot.modeLabel()) && shot.gpuHours().signum() > 0
                        ? Map.of(poolOfCapability.get(shot.modeLabel()), shot.gpuHours()) : Map.of());
        return new Fix("GPUs", "More GPU time: " + describe(extra, "GPU hours in the busiest week")
                + (relaxed.withinLimits() ? "" : " (limits still missed)"), extra, relaxed.withinLimits(), relaxed);
    }

    /**
     * Per resource: the largest weekly total of what the plan uses beyond the real capacity, where each shot's
     * amount is spread evenly over its working days.
     */
    private static Map<String, BigDecimal> busiestWeekExcess(ShowPlan plan, BiFunction<String, LocalDate, BigDecimal> capacity,
            java.util.function.Function<PlannedShot, Map<String, BigDecimal>> amounts) {
        Map<String, Map<LocalDate, BigDecimal>> usedByDay = new HashMap<>();
        for (PlannedShot shot : plan.shots()) {
            for (Map.Entry<String, BigDecimal> entry : amounts.apply(shot).entrySet()) {
                BigDecimal perDay = entry.getValue().divide(BigDecimal.valueOf(shot.workingDays()), 6, RoundingMode.HALF_EVEN);
                LocalDate day = shot.start();
                for (int d = 0; d < shot.workingDays(); day = day.plusDays(1)) {
                    if (CrewPlan.isWorkingDay(day)) {
                        usedByDay.computeIfAbsent(entry.getKey(), k -> new HashMap<>()).merge(day, perDay, BigDecimal::add);
                        d++;
                    }
                }
            }
        }
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        usedByDay.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(resource -> {
            Map<String, BigDecimal> byWeek = new HashMap<>();
            resource.getValue().forEach((day, used) -> {
                BigDecimal over = used.subtract(capacity.apply(resource.getKey(), day)).max(BigDecimal.ZERO);
                String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                byWeek.merge(week, over, BigDecimal::add);
            });
            BigDecimal busiest = byWeek.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            if (busiest.signum() > 0) {
                result.put(resource.getKey(), busiest.setScale(2, RoundingMode.CEILING));
            }
        });
        return result;
    }

    private static String describe(Map<String, BigDecimal> amounts, String unit) {
        List<String> parts = new ArrayList<>();
        amounts.forEach((key, amount) -> {
            if (amount.signum() > 0) {
                parts.add(key + " +" + amount.toPlainString());
            }
        });
        return parts.isEmpty() ? "none needed" : String.join(", ", parts) + " " + unit;
    }
}
