package io.shotplan.show;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated exchange rate of the show: {@code rate} units of {@code currency} buy one unit of the show's currency, from
 * {@code effectiveFrom} until that currency's next rate.
 */
public record ExchangeRate(String currency, LocalDate effectiveFrom, BigDecimal rate) {
}
