package io.shotplan.sql.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated exchange rate: {@code rate} units of {@code currency} buy one unit of the show's (reporting) currency, from
 * {@code effectiveFrom} until the currency's next rate.
 */
public record ExchangeRate(String currency, LocalDate effectiveFrom, BigDecimal rate) {
}
