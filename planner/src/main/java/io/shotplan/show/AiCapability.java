package io.shotplan.show;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An AI workflow for one work type and its cost profile. In-house capabilities run on a GPU pool; a capability
 * with a vendor is bought per processed second instead. Several tiers of one work type may coexist
 * (cheap and fast against dear and better), each with its own rejection risk.
 *
 * @param vendorCurrency      the currency the vendor prices and quotes in (the show's, or another converted at the
 *                            show's exchange rates); null for an in-house capability
 * @param gpuSecondsPerFrame  GPU time per frame at {@code referenceResolution}; scales with pixel count
 * @param reviewDaysPer100Frames artist-days of review and cleanup in {@code reviewDiscipline} per 100 frames
 * @param rejectionRisk       probability that the result is rejected and the shot redone traditionally
 */
public record AiCapability(
        String code,
        String workType,
        String tier,
        String gpuPool,
        String vendor,
        BigDecimal vendorPricePerSecond,
        String vendorCurrency,
        BigDecimal gpuSecondsPerFrame,
        Resolution referenceResolution,
        String reviewDiscipline,
        BigDecimal reviewDaysPer100Frames,
        BigDecimal rejectionRisk,
        String model) {

    public Optional<String> vendorName() {
        return Optional.ofNullable(vendor);
    }

    public boolean isExternalVendor() {
        return vendor != null;
    }
}
