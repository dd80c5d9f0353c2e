package io.shotplan.show;

import java.math.BigDecimal;
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
 */
public final class RateCards {

    /** The name of the first card: the rates the show file gives its disciplines and GPU pools. */
    public static final String FIRST = "default";

    private final List<RateCard> cards = new ArrayList<>();

    public RateCards(Show show) {
        Map<String, BigDecimal> dayRates = new HashMap<>();
        show.disciplines().forEach(d -> dayRates.put(d.code(), d.dayRate()));
        Map<String, BigDecimal> hourlyRates = new HashMap<>();
        show.gpuPools().forEach(p -> hourlyRates.put(p.code(), p.hourlyRate()));
        cards.add(new RateCard(FIRST, show.startDate(), dayRates, hourlyRates));
        show.rateChanges().stream().sorted(java.util.Comparator.comparing(RateCard::effectiveFrom)).forEach(change -> {
            RateCard before = cards.getLast();
            Map<String, BigDecimal> days = new HashMap<>(before.dayRates());
            days.putAll(change.dayRates());
            Map<String, BigDecimal> hours = new HashMap<>(before.hourlyRates());
            hours.putAll(change.hourlyRates());
            cards.add(new RateCard(change.name(), change.effectiveFrom(), days, hours));
        });
    }

    /** Every card, complete, earliest first. */
    public List<RateCard> all() {
        return List.copyOf(cards);
    }

    /** Whether the rates change during the show: if not, every day is priced as the first. */
    public boolean change() {
        return cards.size() > 1;
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

    public BigDecimal dayRate(String discipline, LocalDate day) {
        BigDecimal rate = on(day).dayRates().get(discipline);
        if (rate == null) {
            throw new IllegalArgumentException("unknown discipline '" + discipline + "'");
        }
        return rate;
    }

    public BigDecimal hourlyRate(String pool, LocalDate day) {
        BigDecimal rate = on(day).hourlyRates().get(pool);
        if (rate == null) {
            throw new IllegalArgumentException("unknown GPU pool '" + pool + "'");
        }
        return rate;
    }
}
