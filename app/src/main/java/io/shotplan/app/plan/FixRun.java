package io.shotplan.app.plan;

import io.shotplan.plan.shot.EpisodePlan;
import io.shotplan.plan.shot.WhatWouldFixIt;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "What would fix it" for a stored plan, as its poller sees it ({@code GET /api/fixes/{id}}): the episodes the plan
 * misses and by how much at once, then the fixes one relaxed re-solve at a time.
 *
 * @param state       RUNNING, DONE or FAILED
 * @param misses      what the plan misses; empty when it meets every budget and delivery (then there is nothing to fix)
 * @param relaxations the re-solves to run, by the limit each relaxes ("budget", "artists", "GPUs")
 * @param resolving   the limit being relaxed now, while RUNNING
 * @param fixes       the fixes found so far, each with the relaxed plan that proves it
 */
public record FixRun(String id, long planId, String show, String requestedBy, long secondsPerResolve, String state,
                     List<Miss> misses, List<String> relaxations, String resolving, List<Fix> fixes,
                     Instant startedAt, Instant finishedAt, String error) {

    /**
     * An episode (or the whole show, {@code "show"}) that the plan misses.
     *
     * @param overBudgetBy money beyond the budget (the show's: beyond the budget less contingency)
     * @param daysLate     working days the last shot finishes after the episode is due (delivery less review buffer)
     */
    public record Miss(String episode, BigDecimal cost, BigDecimal budget, BigDecimal overBudgetBy, LocalDate finish,
                       LocalDate delivery, int daysLate) {
    }

    /**
     * One way out, proven by re-solving the show with one limit relaxed.
     *
     * @param amounts         the extra money per episode, or artist-days per discipline, or GPU-hours per pool (busiest week)
     * @param fixesEverything the relaxed plan meets every budget and delivery that remains
     * @param relaxedCost     what the relaxed plan costs
     * @param relaxedEpisodes the relaxed plan per episode: cost against budget, finish against due date, slack
     */
    public record Fix(String limit, String description, Map<String, BigDecimal> amounts, boolean fixesEverything,
                      BigDecimal relaxedCost, List<EpisodePlan> relaxedEpisodes) {

        static Fix of(WhatWouldFixIt.Fix fix) {
            return new Fix(fix.limit(), fix.description(), fix.amounts(), fix.fixesEverything(),
                    fix.relaxedPlan().totalCost(), fix.relaxedPlan().episodes());
        }
    }

    FixRun resolving(String limit) {
        return new FixRun(id, planId, show, requestedBy, secondsPerResolve, state, misses, relaxations, limit, fixes,
                startedAt, null, null);
    }

    FixRun found(Fix fix) {
        List<Fix> more = new ArrayList<>(fixes);
        more.add(fix);
        return new FixRun(id, planId, show, requestedBy, secondsPerResolve, state, misses, relaxations, null,
                List.copyOf(more), startedAt, null, null);
    }

    FixRun done(Instant at) {
        return new FixRun(id, planId, show, requestedBy, secondsPerResolve, "DONE", misses, relaxations, null, fixes,
                startedAt, at, null);
    }

    FixRun failed(String why, Instant at) {
        return new FixRun(id, planId, show, requestedBy, secondsPerResolve, "FAILED", misses, relaxations, null, fixes,
                startedAt, at, why);
    }
}
