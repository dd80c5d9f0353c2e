package io.shotplan.sql.money;

import static io.shotplan.sql.schema.Tables.EXCHANGE_RATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** A show's dated exchange rates: the rate in force on a day is the currency's latest dated on or before it. */
public final class ExchangeRateRepository {

    private final DSLContext dsl;

    public ExchangeRateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The rate of {@code currency} in force on {@code day}; empty before its first rate. */
    public Optional<BigDecimal> rateOn(long showId, String currency, LocalDate day) {
        var x = EXCHANGE_RATE;
        return dsl.select(x.RATE).from(x)
                .where(x.SHOW_ID.eq(showId), x.CURRENCY.eq(currency), x.EFFECTIVE_FROM.le(day))
                .orderBy(x.EFFECTIVE_FROM.desc()).limit(1).fetchOptional(x.RATE);
    }

    /**
     * Stores the rates inside the caller's transaction; a rate of a currency and day already stored is replaced
     * (ledger rows keep the rate they were booked at).
     *
     * @return how many rates were new
     */
    public int store(long showId, List<ExchangeRate> rates, String source, String uploadedBy) {
        var x = EXCHANGE_RATE;
        int added = 0;
        for (ExchangeRate rate : rates) {
            int replaced = dsl.deleteFrom(x).where(x.SHOW_ID.eq(showId), x.CURRENCY.eq(rate.currency()),
                    x.EFFECTIVE_FROM.eq(rate.effectiveFrom())).execute();
            dsl.insertInto(x).set(x.SHOW_ID, showId).set(x.CURRENCY, rate.currency())
                    .set(x.EFFECTIVE_FROM, rate.effectiveFrom()).set(x.RATE, rate.rate()).set(x.SOURCE, source)
                    .set(x.UPLOADED_BY, uploadedBy).execute();
            added += replaced == 0 ? 1 : 0;
        }
        return added;
    }

    /** Every rate of the show, by currency and date. */
    public List<ExchangeRate> forShow(long showId) {
        var x = EXCHANGE_RATE;
        return dsl.selectFrom(x).where(x.SHOW_ID.eq(showId)).orderBy(x.CURRENCY, x.EFFECTIVE_FROM)
                .fetch(r -> new ExchangeRate(r.getCurrency().trim(), r.getEffectiveFrom(), r.getRate()));
    }
}
