package io.shotplan.show;

import java.math.BigDecimal;

/**
 * A supervisor's hand bid for one quantity of a shot's estimate in one mode ("this roto is 6 days", "this up-res
 * needs 2.5 GPU-hours", "the vendor quoted 1,800"). It replaces that quantity only: what it does not name stays as
 * the bid template, the AI capability and the vendor's price derive it.
 */
public sealed interface EstimateOverride {

    /** The mode the bid is for: {@link WorkMode#TRADITIONAL_CODE} or an AI capability's code. */
    String mode();

    /** What the bid sets, in words for a plan's reasons: "traditional roto 6 days". */
    String describe();

    /** Artist-days of one discipline; 0 drops the discipline from the estimate. */
    record ArtistDays(String mode, String discipline, BigDecimal days) implements EstimateOverride {
        public String describe() {
            return mode + " " + discipline + " " + days.stripTrailingZeros().toPlainString() + " days";
        }
    }

    /** GPU-hours of an in-house AI capability, priced at its pool's hourly rate. */
    record GpuHours(String mode, BigDecimal hours) implements EstimateOverride {
        public String describe() {
            return mode + " " + hours.stripTrailingZeros().toPlainString() + " GPU-hours";
        }
    }

    /**
     * The price an external AI vendor quoted for the shot, in {@code currency} (the vendor's, which may differ from the
     * show's: it is converted at the exchange rate in force on the day the vendor delivers).
     */
    record VendorCost(String mode, BigDecimal amount, String currency) implements EstimateOverride {
        public String describe() {
            return mode + " vendor quote " + amount.stripTrailingZeros().toPlainString() + " " + currency;
        }
    }
}
