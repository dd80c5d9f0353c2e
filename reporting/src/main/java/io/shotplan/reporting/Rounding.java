package io.shotplan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one place a report rounds: half-even, money to the currency's minor unit, quantities (artist-days, GPU hours,
 * device seconds) to two decimals, ratios to four. Each exact figure from the database passes through here once;
 * totals are then sums of rounded figures, so they foot.
 */
public record Rounding(int moneyScale) {

    public static final int QUANTITY_SCALE = 2;
    public static final int RATIO_SCALE = 4;

    public static Rounding forCurrency(String currencyCode) {
        int digits = Currency.getInstance(currencyCode.trim()).getDefaultFractionDigits();
        return new Rounding(Math.max(digits, 0));
    }

    public BigDecimal money(BigDecimal exact) {
        return (exact == null ? BigDecimal.ZERO : exact).setScale(moneyScale, RoundingMode.HALF_EVEN);
    }

    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(moneyScale);
    }

    public static BigDecimal quantity(BigDecimal exact) {
        return (exact == null ? BigDecimal.ZERO : exact).setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** numerator ÷ denominator to four decimals, 0 when the denominator is 0. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE);
        }
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
