package io.shotplan.show.io;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an exchange-rate file: {@code rate} units of {@code currency} buy one unit of the show's currency from
 * {@code effectiveFrom} until that currency's next rate (1 USD = 1,050 ARS is ARS, 1050).
 */
public record ExchangeRateLine(int line, String currency, LocalDate effectiveFrom, BigDecimal rate) {
}
