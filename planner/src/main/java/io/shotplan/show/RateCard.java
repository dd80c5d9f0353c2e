package io.shotplan.show;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A dated rate card, in {@code currency} (the show's, or another converted at the show's exchange rates): from
 * {@code effectiveFrom} it prices the artist-day of each discipline and the GPU-hour of each pool it names, until the
 * next card takes effect. A rate it does not name stays as the card before it had it.
 *
 * @param dayRates    per discipline code
 * @param hourlyRates per GPU pool code
 */
public record RateCard(String name, String currency, LocalDate effectiveFrom, Map<String, BigDecimal> dayRates,
                       Map<String, BigDecimal> hourlyRates) {

    public RateCard {
        dayRates = Map.copyOf(dayRates);
        hourlyRates = Map.copyOf(hourlyRates);
    }
}
