package io.shotplan.show;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One VFX shot of the breakdown.
 *
 * @param performerLikeness the shot alters a performer's face or body: AI only with consent on file
 * @param humanOnly         a supervisor's decision that the shot is done by artists only
 * @param plateReadyDate    the day the plate arrives from editorial; work cannot start before it (null: at show start)
 * @param notes             tracker columns shotplan does not model, kept as they came
 * @param estimateOverrides a supervisor's hand bids, which replace the quantities they name in the derived estimates
 */
public record Shot(
        String code,
        String episode,
        String sequence,
        String description,
        int frameCount,
        BigDecimal fps,
        Resolution resolution,
        String workType,
        int complexity,
        boolean performerLikeness,
        boolean consentOnFile,
        boolean humanOnly,
        LocalDate plateReadyDate,
        ShotStatus status,
        List<String> dependsOn,
        Map<String, String> notes,
        List<EstimateOverride> estimateOverrides) {

    public Shot {
        dependsOn = List.copyOf(dependsOn);
        notes = Map.copyOf(notes);
        estimateOverrides = List.copyOf(estimateOverrides);
    }

    /** A shot as the breakdown lists it, before anyone bids it by hand. */
    public Shot(String code, String episode, String sequence, String description, int frameCount, BigDecimal fps,
            Resolution resolution, String workType, int complexity, boolean performerLikeness, boolean consentOnFile,
            boolean humanOnly, LocalDate plateReadyDate, ShotStatus status, List<String> dependsOn,
            Map<String, String> notes) {
        this(code, episode, sequence, description, frameCount, fps, resolution, workType, complexity, performerLikeness,
                consentOnFile, humanOnly, plateReadyDate, status, dependsOn, notes, List.of());
    }

    /** The same shot with these hand bids instead of its earlier ones. */
    public Shot withEstimateOverrides(List<EstimateOverride> overrides) {
        return new Shot(code, episode, sequence, description, frameCount, fps, resolution, workType, complexity,
                performerLikeness, consentOnFile, humanOnly, plateReadyDate, status, dependsOn, notes, overrides);
    }

    /** Seconds of screen time: what external AI vendors bill. */
    public BigDecimal durationSeconds() {
        return BigDecimal.valueOf(frameCount).divide(fps, 6, java.math.RoundingMode.HALF_EVEN);
    }
}
