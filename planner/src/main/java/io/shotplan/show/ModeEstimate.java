package io.shotplan.show;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What one shot costs in one mode, before scheduling.
 *
 * @param artistDays       planned artist-days per discipline
 * @param artistCost       their cost per discipline at the rate card's day rates
 * @param gpuHours         planned GPU-hours on the capability's pool (in-house AI only)
 * @param expectedRedoCost rejection risk times the traditional cost: the price of an AI result that is redone
 */
public record ModeEstimate(
        WorkMode mode,
        Map<String, BigDecimal> artistDays,
        Map<String, BigDecimal> artistCost,
        BigDecimal gpuHours,
        BigDecimal gpuCost,
        BigDecimal vendorCost,
        BigDecimal expectedRedoCost) {

    public ModeEstimate {
        artistDays = Map.copyOf(artistDays);
        artistCost = Map.copyOf(artistCost);
    }

    public BigDecimal totalArtistDays() {
        return artistDays.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCost() {
        return artistCost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(gpuCost).add(vendorCost).add(expectedRedoCost);
    }
}
