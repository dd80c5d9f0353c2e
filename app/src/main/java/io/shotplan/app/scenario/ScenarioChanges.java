package io.shotplan.app.scenario;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Show;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A what-if on top of the show as imported. Every field is optional; absent means unchanged.
 *
 * @param budgetPercent      every episode's budget scaled to this percent (100 = as is)
 * @param episodeBudgets     budgets set outright for named episodes (after the percent)
 * @param maxAiShare         the policy's cap on the share of AI shots per episode, 0..1
 * @param crewPercent        every discipline's artists scaled to this percent
 * @param gpuCountPercent    every GPU pool's GPU count scaled to this percent (rounded down, at least 0)
 * @param deliveryShiftDays  every delivery date moved by this many days (negative: earlier)
 */
public record ScenarioChanges(
        @DecimalMin("0") @DecimalMax("1000") BigDecimal budgetPercent,
        Map<String, @DecimalMin("0") BigDecimal> episodeBudgets,
        @DecimalMin("0") @DecimalMax("1") BigDecimal maxAiShare,
        @DecimalMin("0") @DecimalMax("1000") BigDecimal crewPercent,
        @DecimalMin("0") @DecimalMax("1000") BigDecimal gpuCountPercent,
        @Min(-365) @Max(365) Integer deliveryShiftDays) {

    public static final ScenarioChanges NONE = new ScenarioChanges(null, null, null, null, null, null);

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An episode's budget and delivery date under this scenario. */
    public Episode applyTo(Episode e) {
        BigDecimal budget = budgetPercent == null ? e.budget()
                : e.budget().multiply(budgetPercent).divide(HUNDRED, 4, RoundingMode.HALF_EVEN);
        if (episodeBudgets != null && episodeBudgets.containsKey(e.code())) {
            budget = episodeBudgets.get(e.code());
        }
        return new Episode(e.code(), e.title(),
                deliveryShiftDays == null ? e.deliveryDate() : e.deliveryDate().plusDays(deliveryShiftDays), budget);
    }

    /** Reads the JSON stored in the scenario table; empty means no change. */
    public static ScenarioChanges fromJson(String json) {
        return json == null || json.isBlank() ? NONE : JSON.readValue(json, ScenarioChanges.class);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The show with these changes applied; an unknown episode in {@code episodeBudgets} is bad input. */
    public Show applyTo(Show show) {
        if (episodeBudgets != null) {
            episodeBudgets.keySet().stream()
                    .filter(code -> show.episodes().stream().noneMatch(e -> e.code().equals(code)))
                    .findFirst().ifPresent(code -> {
                        throw new IllegalArgumentException("scenario names unknown episode '" + code + "'");
                    });
        }
        var episodes = show.episodes().stream().map(this::applyTo).toList();
        AiPolicy policy = maxAiShare == null ? show.policy() : new AiPolicy(maxAiShare, show.policy().neverAiWorkTypes());
        CrewPlan crew = crewPercent == null ? show.crew() : new CrewPlan(show.crew().capacities().stream()
                .map(c -> new CrewPlan.Capacity(c.discipline(), c.from(),
                        c.artists().multiply(crewPercent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN)))
                .toList(), show.crew().exceptions());
        var pools = gpuCountPercent == null ? show.gpuPools() : show.gpuPools().stream()
                .map(p -> new GpuPool(p.code(), p.gpuType(), BigDecimal.valueOf(p.gpuCount()).multiply(gpuCountPercent)
                        .divide(HUNDRED, 0, RoundingMode.DOWN).intValue(), p.hourlyRate(), p.hoursPerDay()))
                .toList();
        return new Show(show.code(), show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                show.reviewBufferDays(), episodes, show.disciplines(), pools, show.capabilities(), show.bidTemplate(),
                policy, crew, show.shots(), show.rateCurrency(), show.rateChanges(), show.exchangeRates());
    }
}
