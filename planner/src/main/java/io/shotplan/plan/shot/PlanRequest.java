package io.shotplan.plan.shot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to plan with: weights, pins, the previous plan (for fixed shots and churn), how long to search, and the
 * assumptions the estimates leave open.
 *
 * @param vendorTurnaroundDays working days an external AI vendor takes for a shot (its review days run alongside)
 * @param moveLimit stop after this many evaluated moves as well (0 = time only); makes a plan reproducible
 */
public record PlanRequest(PlanWeights weights, List<Pin> pins, Map<String, PreviousAssignment> previous,
        Duration timeLimit, long seed, long moveLimit, int vendorTurnaroundDays) {

    public static final int DEFAULT_VENDOR_TURNAROUND_DAYS = 5;

    public PlanRequest {
        pins = List.copyOf(pins);
        previous = Map.copyOf(previous);
    }

    public static PlanRequest of(Duration timeLimit) {
        return new PlanRequest(PlanWeights.DEFAULT, List.of(), Map.of(), timeLimit, 0L, 0L,
                DEFAULT_VENDOR_TURNAROUND_DAYS);
    }

    public PlanRequest withWeights(PlanWeights weights) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }

    public PlanRequest withPins(List<Pin> pins) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }

    public PlanRequest withPrevious(Map<String, PreviousAssignment> previous) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }

    public PlanRequest withMoveLimit(long moveLimit) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }

    public PlanRequest withSeed(long seed) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }

    public PlanRequest withTimeLimit(Duration timeLimit) {
        return new PlanRequest(weights, pins, previous, timeLimit, seed, moveLimit, vendorTurnaroundDays);
    }
}
