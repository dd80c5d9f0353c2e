package io.shotplan.plan.shot.rules;

import java.util.Map;

/**
 * A shot's mode as the business rules see it: whether it is AI, what it costs, how many working days it takes and
 * what it needs per day from each resource (hundredths of an artist or of a GPU-hour).
 */
public record ModeChoice(String label, boolean ai, long costCents, int workingDays, Map<String, Integer> dailyDemand) {

    public ModeChoice {
        dailyDemand = Map.copyOf(dailyDemand);
    }

    public int demand(String resource) {
        return dailyDemand.getOrDefault(resource, 0);
    }
}
