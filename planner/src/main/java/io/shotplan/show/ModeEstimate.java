package io.shotplan.show;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one shot costs in one mode, before scheduling.
 *
 * @param artistDays       planned artist-days per discipline
 * @param artistCost       their cost per discipline at the rate card's day rates
 * @param gpuHours         planned GPU-hours on the capability's pool (in-house AI only)
 * @param expectedRedoCost rejection risk times the traditional cost: the price of an AI result that is redone
 * @param overrides        the shot's hand bids for this mode, applied in place of the derived quantities
 */
public record ModeEstimate(
        WorkMode mode,
        Map<String, BigDecimal> artistDays,
        Map<String, BigDecimal> artistCost,
        BigDecimal gpuHours,
        BigDecimal gpuCost,
        BigDecimal vendorCost,
        BigDecimal expectedRedoCost,
        List<EstimateOverride> overrides) {

    public ModeEstimate {
        artistDays = Map.copyOf(artistDays);
        artistCost = Map.copyOf(artistCost);
        overrides = List.copyOf(overrides);
    }

    public boolean isOverridden() {
        return !overrides.isEmpty();
    }

    public BigDecimal totalArtistDays() {
        return artistDays.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCost() {
        return artistCost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(gpuCost).add(vendorCost).add(expectedRedoCost);
    }
}
