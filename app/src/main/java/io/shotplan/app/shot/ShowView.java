package io.shotplan.app.shot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Views of the breakdown for the API and the pages. */
public final class ShowView {

    private ShowView() {
    }

    /** @param archivedAt when an ADMIN archived the show (it left the active lists); null while active */
    public record ShowInfo(String code, String name, String currency, LocalDate startDate, int episodes, int shots,
                           Long baselinePlanId, Long latestPlanId, java.time.OffsetDateTime archivedAt) {
    }

    public record EpisodeInfo(String code, String title, LocalDate deliveryDate, BigDecimal budget, int shots,
                              long frames) {
    }

    /** An AI workflow of the show: in-house on a GPU pool, or an external vendor. */
    public record Capability(String code, String workType, String tier, String gpuPool, String vendor) {
    }

    /**
     * A shot with its supervisor flags, its hand bids and, when the show has a plan, the mode, cost and reason it got
     * there.
     */
    public record ShotRow(String code, String episode, String sequence, String description, int frameCount,
                          String workType, int complexity, String status, boolean performerLikeness,
                          boolean consentOnFile, boolean humanOnly, String pinnedMode, List<HandBid> handBids,
                          String plannedMode, String capability, BigDecimal plannedCost, LocalDate plannedStart,
                          LocalDate plannedEnd, String reason) {
    }

    /**
     * One quantity of a mode's estimate that a supervisor set by hand: a discipline's artist-days, GPU-hours or a
     * vendor's quote in its currency (the others null). Shown before a plan exists, so nobody wonders where a number
     * came from.
     */
    public record HandBid(String mode, String discipline, BigDecimal artistDays, BigDecimal gpuHours,
                          BigDecimal vendorCost, String vendorCurrency) {
    }
}
