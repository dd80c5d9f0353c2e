package io.shotplan.show;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a shot in each of its modes from the show's bid template, rate card, GPU pools and AI capabilities, and
 * from the shot's hand bids where a supervisor gave them.
 * The one estimator behind plans, "what the other mode would have cost" and the all-traditional comparison.
 * {@link #traditional} and {@link #ai} price as on the show's first day (its first rate card, at the exchange rates
 * then in force); {@link #pricedOver} prices the same quantities on the working days the shot takes, each day at the
 * card and exchange rate in force that day, and a vendor's quote at the rate of the day the vendor delivers.
 */
public final class ShotEstimator {

    private static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Show show;
    private final Map<String, Discipline> disciplines;
    private final RateCards rateCards;
    /** Whether a shot's cost depends on its days: rate changes, or a card or a vendor in another currency. */
    private final boolean datedPrices;

    public ShotEstimator(Show show) {
        this.show = show;
        this.disciplines = show.disciplinesByCode();
        this.rateCards = show.rateCards();
        this.datedPrices = rateCards.change()
                || show.capabilities().stream()
                        .anyMatch(c -> c.isExternalVendor() && !c.vendorCurrency().equals(show.currency()))
                || show.shots().stream().flatMap(s -> s.estimateOverrides().stream()).anyMatch(
                        o -> o instanceof EstimateOverride.VendorCost q && !q.currency().equals(show.currency()));
    }

    /** Whether what a shot costs depends on its days: rate changes, or a card or a vendor in another currency. */
    public boolean pricesDependOnDays() {
        return datedPrices;
    }

    /**
     * The estimate with its quantities priced on {@code days}, the working days the shot takes: the work is spread
     * evenly over them, as the plan books the crew and the GPUs, so each discipline's artist-days cost their number
     * times the mean of the day rates in force on those days, and the GPU-hours likewise; the expected redo is the
     * traditional estimate priced on the same days. A vendor's quote in another currency is converted at the rate in
     * force on the last day, when the vendor delivers and invoices. Each cost is rounded once. Where no price depends
     * on the day this is the estimate as it is.
     */
    public ModeEstimate pricedOver(Shot shot, ModeEstimate estimate, List<LocalDate> days) {
        if (!datedPrices) {
            return estimate;
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("shot " + shot.code() + ": no working days to price");
        }
        BigDecimal n = BigDecimal.valueOf(days.size());
        Map<String, BigDecimal> artistCost = new LinkedHashMap<>();
        estimate.artistDays().forEach((discipline, d) -> artistCost.put(discipline,
                meanCost(d, days.stream().map(day -> rateCards.dayRate(discipline, day)), n)));
        BigDecimal gpuCost = estimate.gpuCost();
        BigDecimal vendorCost = estimate.vendorCost();
        BigDecimal expectedRedo = estimate.expectedRedoCost();
        switch (estimate.mode()) {
            case WorkMode.InHouseAi inHouse -> {
                gpuCost = meanCost(estimate.gpuHours(),
                        days.stream().map(day -> rateCards.hourlyRate(inHouse.capability().gpuPool(), day)), n);
                expectedRedo = redo(shot, inHouse.capability(), days);
            }
            case WorkMode.VendorAi vendor -> {
                vendorCost = vendorCost(shot, vendor.capability(), days.getLast());
                expectedRedo = redo(shot, vendor.capability(), days);
            }
            case WorkMode.Traditional traditional -> {
            }
        }
        return new ModeEstimate(estimate.mode(), estimate.artistDays(), artistCost, estimate.gpuHours(), gpuCost,
                vendorCost, expectedRedo, estimate.overrides());
    }

    private BigDecimal redo(Shot shot, AiCapability capability, List<LocalDate> days) {
        return capability.rejectionRisk().multiply(pricedOver(shot, traditional(shot), days).totalCost())
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** quantity × (the sum of the day's rates ÷ the number of days), rounded once. */
    private static BigDecimal meanCost(BigDecimal quantity, java.util.stream.Stream<BigDecimal> rates, BigDecimal days) {
        return quantity.multiply(rates.reduce(BigDecimal.ZERO, BigDecimal::add))
                .divide(days, SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The traditional estimate: bid-template artist-days scaled by the shot's frame count, with the shot's hand-bid
     * artist-days in place of the template's for the disciplines they name.
     */
    public ModeEstimate traditional(Shot shot) {
        BidTemplate.Entry bid = show.bidTemplate().find(shot.workType(), shot.complexity())
                .orElseThrow(() -> new IllegalArgumentException("shot " + shot.code() + ": the bid template has no row for work type '"
                        + shot.workType() + "' at complexity " + shot.complexity()));
        Map<String, BigDecimal> days = new LinkedHashMap<>();
        bid.daysPer100FramesByDiscipline().forEach((discipline, per100) ->
                days.put(discipline, per100Frames(per100, shot.frameCount())));
        List<EstimateOverride> overrides = overrides(shot, WorkMode.TRADITIONAL);
        overrideDays(days, overrides);
        return new ModeEstimate(WorkMode.TRADITIONAL, days, costOf(days), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, overrides);
    }

    /**
     * The estimate for an AI capability: GPU or vendor time, review artist-days, and the expected cost of a redo
     * (priced from the traditional estimate, hand bids included); the shot's hand bids for the capability replace
     * the artist-days, GPU-hours or vendor price they name.
     */
    public ModeEstimate ai(Shot shot, AiCapability capability) {
        WorkMode mode = WorkMode.of(capability);
        List<EstimateOverride> overrides = overrides(shot, mode);
        Map<String, BigDecimal> days = new LinkedHashMap<>();
        if (capability.reviewDiscipline() != null && capability.reviewDaysPer100Frames().signum() > 0) {
            days.put(capability.reviewDiscipline(), per100Frames(capability.reviewDaysPer100Frames(), shot.frameCount()));
        }
        overrideDays(days, overrides);
        BigDecimal expectedRedo = capability.rejectionRisk().multiply(traditional(shot).totalCost())
                .setScale(SCALE, RoundingMode.HALF_EVEN);
        if (capability.isExternalVendor()) {
            return new ModeEstimate(mode, days, costOf(days), BigDecimal.ZERO, BigDecimal.ZERO,
                    vendorCost(shot, capability, show.startDate()), expectedRedo, overrides);
        }
        BigDecimal gpuHours = first(overrides, EstimateOverride.GpuHours.class).map(EstimateOverride.GpuHours::hours)
                .orElseGet(() -> gpuHours(shot, capability));
        return new ModeEstimate(mode, days, costOf(days), gpuHours,
                gpuHours.multiply(rateCards.hourlyRate(capability.gpuPool(), show.startDate()))
                        .setScale(SCALE, RoundingMode.HALF_EVEN),
                BigDecimal.ZERO, expectedRedo, overrides);
    }

    /**
     * What the vendor asks for the shot in its own currency: the shot's hand-bid quote, else the vendor's price per
     * second of the shot's footage.
     */
    public EstimateOverride.VendorCost vendorQuote(Shot shot, AiCapability capability) {
        return first(overrides(shot, WorkMode.of(capability)), EstimateOverride.VendorCost.class)
                .orElseGet(() -> new EstimateOverride.VendorCost(capability.code(),
                        capability.vendorPricePerSecond().multiply(shot.durationSeconds())
                                .setScale(SCALE, RoundingMode.HALF_EVEN),
                        capability.vendorCurrency()));
    }

    /** The vendor's quote in the show's currency at the exchange rate in force on {@code day}, rounded once. */
    private BigDecimal vendorCost(Shot shot, AiCapability capability, LocalDate day) {
        EstimateOverride.VendorCost quote = vendorQuote(shot, capability);
        return rateCards.inShowCurrency(quote.amount(), quote.currency(), day,
                        "shot " + shot.code() + ": the " + capability.code() + " quote")
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** GPU-hours for a shot: seconds per frame at the reference resolution, scaled by the shot's pixel count. */
    private static BigDecimal gpuHours(Shot shot, AiCapability capability) {
        BigDecimal pixelRatio = BigDecimal.valueOf(shot.resolution().pixels())
                .divide(BigDecimal.valueOf(capability.referenceResolution().pixels()), MathContext.DECIMAL64);
        return capability.gpuSecondsPerFrame().multiply(BigDecimal.valueOf(shot.frameCount())).multiply(pixelRatio)
                .divide(SECONDS_PER_HOUR, SCALE, RoundingMode.HALF_EVEN);
    }

    private static List<EstimateOverride> overrides(Shot shot, WorkMode mode) {
        return shot.estimateOverrides().stream().filter(o -> o.mode().equals(mode.code())).toList();
    }

    private static <T extends EstimateOverride> Optional<T> first(List<EstimateOverride> overrides, Class<T> kind) {
        return overrides.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Hand-bid artist-days replace the derived ones of their discipline; 0 takes the discipline out. */
    private static void overrideDays(Map<String, BigDecimal> days, List<EstimateOverride> overrides) {
        for (EstimateOverride override : overrides) {
            if (override instanceof EstimateOverride.ArtistDays(String mode, String discipline, BigDecimal bid)) {
                if (bid.signum() == 0) {
                    days.remove(discipline);
                } else {
                    days.put(discipline, bid);
                }
            }
        }
    }

    /**
     * May this shot be done in this mode, and if not, why: the one eligibility rule. The planner offers a shot only
     * the modes it allows ({@link #candidates}); supervisors' pins, human-only and consent edits and hand-bid imports
     * ask it too, so none of them can let through what the planner would refuse. Traditional is always allowed; an
     * AI capability must do the shot's work type, and the shot must be one that may go to AI ({@link #whyNotAi}).
     *
     * @param modeCode {@value WorkMode#TRADITIONAL_CODE} or an AI capability's code (a pin, a hand bid's mode)
     * @return why not, in words for the person who asked; empty when the shot may go to that mode
     */
    public Optional<String> whyNot(Shot shot, String modeCode) {
        if (modeCode.equalsIgnoreCase(WorkMode.TRADITIONAL_CODE)) {
            return Optional.empty();
        }
        return show.capabilities().stream().filter(c -> c.code().equals(modeCode)).findFirst()
                .map(capability -> whyNot(shot, capability))
                .orElseGet(() -> Optional.of("'" + modeCode + "' is neither " + WorkMode.TRADITIONAL_CODE
                        + " nor an AI capability of the show"));
    }

    /** {@link #whyNot(Shot, String)} for a capability of the show. */
    public Optional<String> whyNot(Shot shot, AiCapability capability) {
        if (!capability.workType().equals(shot.workType())) {
            return Optional.of(capability.code() + " does " + capability.workType() + " work, not the shot's "
                    + shot.workType());
        }
        return whyNotAi(shot);
    }

    /**
     * Why a shot may not go to AI in any mode, or empty when it may: the shot's flags, its state and the show's
     * policy (part of {@link #whyNot}).
     */
    public Optional<String> whyNotAi(Shot shot) {
        if (shot.status() == ShotStatus.REPLAN) {
            return Optional.of("its AI job failed for good (REPLAN): only artists can finish it");
        }
        if (shot.humanOnly()) {
            return Optional.of("marked human-only");
        }
        if (shot.performerLikeness() && !shot.consentOnFile()) {
            return Optional.of("performer likeness without consent on file");
        }
        if (show.policy().neverAiWorkTypes().contains(shot.workType())) {
            return Optional.of("policy: work type '" + shot.workType() + "' never goes to AI");
        }
        if (show.capabilitiesFor(shot.workType()).isEmpty()) {
            return Optional.of("no AI capability for work type '" + shot.workType() + "'");
        }
        return Optional.empty();
    }

    /** Every mode the shot may be done in: traditional first, then each AI capability {@link #whyNot} allows. */
    public List<ModeEstimate> candidates(Shot shot) {
        List<ModeEstimate> modes = new ArrayList<>();
        modes.add(traditional(shot));
        for (AiCapability capability : show.capabilitiesFor(shot.workType())) {
            if (whyNot(shot, capability).isEmpty()) {
                modes.add(ai(shot, capability));
            }
        }
        return modes;
    }

    private static BigDecimal per100Frames(BigDecimal per100, int frames) {
        return per100.multiply(BigDecimal.valueOf(frames)).divide(HUNDRED, SCALE, RoundingMode.HALF_EVEN);
    }

    private Map<String, BigDecimal> costOf(Map<String, BigDecimal> days) {
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        days.forEach((code, d) -> {
            Discipline discipline = disciplines.get(code);
            if (discipline == null) {
                throw new IllegalArgumentException("unknown discipline '" + code + "'");
            }
            cost.put(code, d.multiply(rateCards.dayRate(discipline.code(), show.startDate()))
                    .setScale(SCALE, RoundingMode.HALF_EVEN));
        });
        return cost;
    }
}
