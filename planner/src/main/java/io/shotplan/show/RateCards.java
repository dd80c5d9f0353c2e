package io.shotplan.show;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A show's rate cards in date order, each complete: the first is the disciplines' day rates and the pools' hourly
 * rates from the show's start, each later one ({@link Show#rateChanges()}) that card with the rates it names changed.
 * The card that prices a day is the one that took effect last on or before it, and the first before it starts: the
 * rule of {@code io.shotplan.sql.money.RateCardsInForce}, which generation's metering and the stored cards' spans
 * follow, so a day is priced by the same card when it is planned and when it is billed.
 * A card in another currency than the show's names every rate (none carries over across currencies), and its rates
 * are converted at the exchange rate in force on the day they price, as the ledger converts what it books.
 */
public final class RateCards {

    /** The name of the first card: the rates the show file gives its disciplines and GPU pools. */
    public static final String FIRST = "default";

    private final List<RateCard> cards = new ArrayList<>();
    private final String currency;
    private final List<ExchangeRate> exchangeRates;

    public RateCards(Show show) {
        currency = show.currency();
        exchangeRates = show.exchangeRates().stream().sorted(java.util.Comparator.comparing(ExchangeRate::effectiveFrom))
                .toList();
        Map<String, BigDecimal> dayRates = new HashMap<>();
        show.disciplines().forEach(d -> dayRates.put(d.code(), d.dayRate()));
        Map<String, BigDecimal> hourlyRates = new HashMap<>();
        show.gpuPools().forEach(p -> hourlyRates.put(p.code(), p.hourlyRate()));
        cards.add(new RateCard(FIRST, show.rateCurrency(), show.startDate(), dayRates, hourlyRates));
        show.rateChanges().stream().sorted(java.util.Comparator.comparing(RateCard::effectiveFrom)).forEach(change -> {
            RateCard before = cards.getLast();
            boolean sameCurrency = before.currency().equals(change.currency());
            Map<String, BigDecimal> days = sameCurrency ? new HashMap<>(before.dayRates()) : new HashMap<>();
            days.putAll(change.dayRates());
            Map<String, BigDecimal> hours = sameCurrency ? new HashMap<>(before.hourlyRates()) : new HashMap<>();
            hours.putAll(change.hourlyRates());
            cards.add(new RateCard(change.name(), change.currency(), change.effectiveFrom(), days, hours));
        });
    }

    /** Every card, complete, earliest first. */
    public List<RateCard> all() {
        return List.copyOf(cards);
    }

    /**
     * Whether what a day's work costs depends on the day: the rates change during the show, or a card is in another
     * currency than the show's (its exchange rate moves). If not, every day is priced as the first.
     */
    public boolean change() {
        return cards.size() > 1 || !cards.getFirst().currency().equals(currency);
    }

    /** The last day a card or an exchange rate takes effect (the show's start if none does): no price changes after it. */
    public LocalDate lastChange() {
        LocalDate last = cards.getFirst().effectiveFrom();
        for (RateCard card : cards) {
            last = card.effectiveFrom().isAfter(last) ? card.effectiveFrom() : last;
        }
        for (ExchangeRate rate : exchangeRates) {
            last = rate.effectiveFrom().isAfter(last) ? rate.effectiveFrom() : last;
        }
        return last;
    }

    /** The card that prices {@code day}. */
    public RateCard on(LocalDate day) {
        RateCard inForce = cards.getFirst();
        for (RateCard card : cards) {
            if (!card.effectiveFrom().isAfter(day)) {
                inForce = card;
            }
        }
        return inForce;
    }

    /** The artist-day of {@code discipline} on {@code day}, in the show's currency ({@link #inShowCurrency}). */
    public BigDecimal dayRate(String discipline, LocalDate day) {
        return rate(day, RateCard::dayRates, discipline, "discipline");
    }

    /** The GPU-hour of {@code pool} on {@code day}, in the show's currency ({@link #inShowCurrency}). */
    public BigDecimal hourlyRate(String pool, LocalDate day) {
        return rate(day, RateCard::hourlyRates, pool, "GPU pool");
    }

    private BigDecimal rate(LocalDate day, java.util.function.Function<RateCard, Map<String, BigDecimal>> rates,
                            String code, String what) {
        RateCard card = on(day);
        BigDecimal rate = rates.apply(card).get(code);
        if (rate == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + code + "'");
        }
        return inShowCurrency(rate, card.currency(), day, "rate card '" + card.name() + "'");
    }

    /**
     * {@code amount} in {@code amountCurrency} converted at the exchange rate of that currency in force on {@code day},
     * not rounded: the cost it prices is rounded once, as the ledger rounds a converted amount once.
     *
     * @param what what the amount belongs to, named when no rate is in force that day
     */
    public BigDecimal inShowCurrency(BigDecimal amount, String amountCurrency, LocalDate day, String what) {
        if (amountCurrency.equals(currency)) {
            return amount;
        }
        BigDecimal exchangeRate = null;
        for (ExchangeRate x : exchangeRates) {
            if (x.currency().equals(amountCurrency) && !x.effectiveFrom().isAfter(day)) {
                exchangeRate = x.rate();
            }
        }
        if (exchangeRate == null) {
            throw new IllegalArgumentException(what + " is in " + amountCurrency + ", but no exchange rate of "
                    + amountCurrency + " against the show's " + currency + " is in force on " + day
                    + ": upload one dated on or before that day");
        }
        return amount.divide(exchangeRate, MathContext.DECIMAL128);
    }
}
