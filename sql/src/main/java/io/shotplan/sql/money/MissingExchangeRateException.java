package io.shotplan.sql.money;

import java.time.LocalDate;

/** An amount in another currency than the show's, on a day before any rate of that currency: nothing is booked. */
public class MissingExchangeRateException extends IllegalStateException {

    public MissingExchangeRateException(String showCurrency, String currency, LocalDate day) {
        super("no exchange rate of " + currency + " against the show's " + showCurrency + " in force on " + day
                + ": upload one dated on or before that day (shotplan rates, or POST /api/shows/{code}/exchange-rates)");
    }
}
