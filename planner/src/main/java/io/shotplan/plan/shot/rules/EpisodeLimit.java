package io.shotplan.plan.shot.rules;

import java.time.LocalDate;

/**
 * An episode's limits: its budget, the period its shots must finish by (delivery less review buffer, exclusive),
 * and how many of its shots AI may do under the show's policy.
 */
public record EpisodeLimit(String episode, long budgetCents, int duePeriod, LocalDate due, int maxAiShots) {
}
