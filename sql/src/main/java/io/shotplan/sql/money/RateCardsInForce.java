package io.shotplan.sql.money;

import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The one rule for which of a show's rate cards prices a day: the card that took effect last on or before the day;
 * before the show's first card takes effect, that first card. Plan loading (each card with the days it covers, for
 * the planner to price every working day) and generation's metering (the card that prices a job's GPU time on the
 * day it is billed) both read the cards' spans from one derived table, so a day is priced by the same card in both.
 */
public final class RateCardsInForce {

    /**
     * A card and the days it prices: from {@code from} (empty for the show's first card, which also prices the days
     * before it takes effect) up to {@code until}, exclusive (empty for the latest card).
     */
    public record Span(long cardId, String name, String currency, LocalDate effectiveFrom, Optional<LocalDate> from,
                       Optional<LocalDate> until) {
    }

    private static final Field<Long> CARD_ID = RATE_CARD.ID.as("card_id");
    private static final Field<LocalDate> FROM = RATE_CARD.EFFECTIVE_FROM.as("in_force_from");
    private static final Field<LocalDate> UNTIL = RATE_CARD.EFFECTIVE_FROM.as("in_force_until");

    private RateCardsInForce() {
    }

    /** Each card of the show with the days it prices. */
    private static Table<?> spans(long showId) {
        var byDate = orderBy(RATE_CARD.EFFECTIVE_FROM);
        Field<LocalDate> since = when(rowNumber().over(byDate).eq(1), castNull(RATE_CARD.EFFECTIVE_FROM.getDataType()))
                .otherwise(RATE_CARD.EFFECTIVE_FROM);
        return select(RATE_CARD.ID.as(CARD_ID.getName()), RATE_CARD.NAME, RATE_CARD.CURRENCY, RATE_CARD.EFFECTIVE_FROM,
                        since.as(FROM.getName()), lead(RATE_CARD.EFFECTIVE_FROM).over(byDate).as(UNTIL.getName()))
                .from(RATE_CARD).where(RATE_CARD.SHOW_ID.eq(showId))
                .asTable(name("rate_card_in_force"));
    }

    /** The spans of every card of the show, earliest first. */
    public static List<Span> ofShow(DSLContext dsl, long showId) {
        Table<?> spans = spans(showId);
        return dsl.selectFrom(spans).orderBy(spans.field(RATE_CARD.EFFECTIVE_FROM)).fetch(r -> new Span(
                r.get(spans.field(CARD_ID)), r.get(spans.field(RATE_CARD.NAME)), r.get(spans.field(RATE_CARD.CURRENCY)),
                r.get(spans.field(RATE_CARD.EFFECTIVE_FROM)), Optional.ofNullable(r.get(spans.field(FROM))),
                Optional.ofNullable(r.get(spans.field(UNTIL)))));
    }

    /** The id of the card that prices {@code day}; empty when the show has no card. */
    public static Optional<Long> cardOn(DSLContext dsl, long showId, LocalDate day) {
        Table<?> spans = spans(showId);
        return dsl.select(spans.field(CARD_ID)).from(spans).where(covers(spans, day)).fetchOptional(spans.field(CARD_ID));
    }

    private static Condition covers(Table<?> spans, LocalDate day) {
        Field<LocalDate> from = spans.field(FROM);
        Field<LocalDate> until = spans.field(UNTIL);
        return from.isNull().or(from.le(day)).and(until.isNull().or(until.gt(day)));
    }
}
