package io.shotplan.app.show;

import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_DISCIPLINE;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.InvalidFields;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.app.web.ProblemHandler.FieldProblem;
import io.shotplan.show.RateCard;
import io.shotplan.sql.money.RateCardsInForce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.springframework.stereotype.Service;

/**
 * A producer's dated rate cards between imports: the list, and one card added or changed by its date. A card is
 * stored whole (a rate of every discipline and GPU pool, as the import stores it), so a new card starts as the card in
 * force before its date with the named rates changed, and a change to a card leaves the later cards as they are: each
 * states its own rates. The next plan loads the cards as stored, so it prices its days at the edited card.
 */
@Service
public class RateCardEdits {

    /** A card and the days it prices, up to {@code until} exclusive (null for the latest card). */
    public record CardView(String name, String currency, LocalDate effectiveFrom, LocalDate until,
                           Map<String, BigDecimal> dayRates, Map<String, BigDecimal> hourlyRates) {
    }

    /**
     * What a producer sends: a name (required for a new card), only the rates that change, and a currency when the
     * card is in another than the card it starts from (it then names every rate: none carries over into another
     * currency).
     */
    public record Change(String name, String currency, Map<String, BigDecimal> dayRates,
                         Map<String, BigDecimal> hourlyRates) {

        public Change {
            dayRates = dayRates == null ? Map.of() : Map.copyOf(dayRates);
            hourlyRates = hourlyRates == null ? Map.of() : Map.copyOf(hourlyRates);
        }
    }

    /** The show file's limit for a rate: what NUMERIC(19, 4) holds with room to spare. */
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000_000_000_000L);

    private final DSLContext dsl;
    private final AuditLog audit;

    public RateCardEdits(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public List<CardView> list(String showCode) {
        return list(dsl, showId(dsl, showCode));
    }

    /**
     * Adds the card taking effect on {@code effectiveFrom}, or changes the one that does; with its audit entry, in one
     * transaction, answered from it. Every problem of the request is named with its field, and nothing is saved.
     */
    public List<CardView> put(String showCode, LocalDate effectiveFrom, Change change) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // one edit of a show's cards at a time: a new card copies the card before it
            var show = db.selectFrom(SHOW).where(SHOW.CODE.eq(showCode)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("show", showCode));
            long showId = show.getId();
            var existing = db.selectFrom(RATE_CARD)
                    .where(RATE_CARD.SHOW_ID.eq(showId), RATE_CARD.EFFECTIVE_FROM.eq(effectiveFrom)).fetchOptional();
            Map<String, Long> disciplines = db.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE)
                    .where(DISCIPLINE.SHOW_ID.eq(showId)).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID);
            Map<String, Long> pools = db.select(GPU_POOL.CODE, GPU_POOL.ID).from(GPU_POOL)
                    .where(GPU_POOL.SHOW_ID.eq(showId)).fetchMap(GPU_POOL.CODE, GPU_POOL.ID);

            List<FieldProblem> problems = new ArrayList<>();
            String name = change.name() == null || change.name().isBlank() ? null : change.name().strip();
            if (existing.isEmpty() && name == null) {
                problems.add(new FieldProblem("name", "a new rate card needs a name"));
            }
            if (existing.isEmpty() && !effectiveFrom.isAfter(show.getStartDate())) {
                problems.add(new FieldProblem("effectiveFrom", "the card takes effect on " + effectiveFrom
                        + ", not after the show starts on " + show.getStartDate()
                        + "; change the card in force from the start (" + show.getStartDate() + ") instead"));
            }
            if (name != null && db.fetchExists(RATE_CARD, RATE_CARD.SHOW_ID.eq(showId), RATE_CARD.NAME.eq(name),
                    RATE_CARD.EFFECTIVE_FROM.ne(effectiveFrom))) {
                problems.add(new FieldProblem("name", "a second rate card named '" + name + "'; expected a name of its own"));
            }
            if (change.dayRates().isEmpty() && change.hourlyRates().isEmpty() && existing.isEmpty()) {
                problems.add(new FieldProblem("dayRates", "the card changes no rate; expected dayRates: {\"comp\": 650} "
                        + "or hourlyRates: {\"render-a\": 2.10}"));
            }
            check(change.dayRates(), "dayRates", disciplines.keySet(), "discipline", problems);
            check(change.hourlyRates(), "hourlyRates", pools.keySet(), "GPU pool", problems);
            String before = existing.map(card -> card.getCurrency().trim()).orElseGet(() -> db.select(RATE_CARD.CURRENCY)
                    .from(RATE_CARD).where(RATE_CARD.ID.eq(RateCardsInForce.cardOn(db, showId, effectiveFrom).orElseThrow()))
                    .fetchSingle(RATE_CARD.CURRENCY).trim());
            String currency = currency(change, before, disciplines.keySet(), pools.keySet(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidFields(problems);
            }

            List<String> changes = new ArrayList<>();
            long cardId = existing.map(card -> {
                if (name != null && !name.equals(card.getName())) {
                    changes.add("renamed from '" + card.getName() + "'");
                    card.setName(name);
                    card.store();
                }
                return card.getId();
            }).orElseGet(() -> {
                long copied = RateCardsInForce.cardOn(db, showId, effectiveFrom).orElseThrow();
                changes.add("new card, from the rates of '" + cardName(db, copied) + "'");
                return insertCopy(db, showId, name, effectiveFrom, copied);
            });
            if (!currency.equals(before)) {
                db.update(RATE_CARD).set(RATE_CARD.CURRENCY, currency).where(RATE_CARD.ID.eq(cardId)).execute();
                changes.add("currency " + before + " -> " + currency);
            }
            changes.addAll(setRates(db, cardId, disciplines, change.dayRates(), RATE_CARD_DISCIPLINE.RATE_CARD_ID,
                    RATE_CARD_DISCIPLINE.DISCIPLINE_ID, RATE_CARD_DISCIPLINE.DAY_RATE));
            changes.addAll(setRates(db, cardId, pools, change.hourlyRates(), RATE_CARD_GPU_POOL.RATE_CARD_ID,
                    RATE_CARD_GPU_POOL.GPU_POOL_ID, RATE_CARD_GPU_POOL.HOURLY_RATE));
            if (!changes.isEmpty()) {
                audit.record(db, "RATE_CARD", "rate_card", showCode + "/" + effectiveFrom,
                        "rate card '" + cardName(db, cardId) + "' from " + effectiveFrom + ": " + String.join(", ", changes));
            }
            return list(db, showId);
        });
    }

    private static List<CardView> list(DSLContext db, long showId) {
        List<RateCard> cards = new ShowRepository(db).load(showId).rateCards().all();
        List<CardView> views = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            RateCard card = cards.get(i);
            views.add(new CardView(card.name(), card.currency(), card.effectiveFrom(),
                    i + 1 < cards.size() ? cards.get(i + 1).effectiveFrom() : null,
                    new TreeMap<>(card.dayRates()), new TreeMap<>(card.hourlyRates())));
        }
        return views;
    }

    /**
     * The card's currency after the change: the one it names (ISO 4217), else the one it had or copies. In another
     * currency than that, the change must name every rate.
     */
    private static String currency(Change change, String before, java.util.Set<String> disciplines,
                                   java.util.Set<String> pools, List<FieldProblem> problems) {
        if (change.currency() == null || change.currency().isBlank()) {
            return before;
        }
        String currency = change.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (java.util.Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            problems.add(new FieldProblem("currency", "expected an ISO 4217 currency code such as USD, EUR or ARS, got '"
                    + change.currency() + "'"));
            return before;
        }
        TreeSet<String> missing = new TreeSet<>();
        disciplines.stream().filter(d -> !change.dayRates().containsKey(d)).forEach(d -> missing.add("dayRates." + d));
        pools.stream().filter(p -> !change.hourlyRates().containsKey(p)).forEach(p -> missing.add("hourlyRates." + p));
        if (!currency.equals(before) && !missing.isEmpty()) {
            problems.add(new FieldProblem("currency", "the card's rates are in " + before + "; in " + currency
                    + " it names every rate, since none carries over into another currency: missing "
                    + String.join(", ", missing)));
        }
        return currency;
    }

    private static void check(Map<String, BigDecimal> rates, String field, java.util.Set<String> known, String what,
                              List<FieldProblem> problems) {
        rates.forEach((code, rate) -> {
            String at = field + "." + code;
            if (!known.contains(code)) {
                problems.add(new FieldProblem(at, "unknown " + what + " '" + code + "'; the show has "
                        + String.join(", ", new TreeSet<>(known))));
            } else if (rate == null || rate.signum() < 0) {
                problems.add(new FieldProblem(at, "expected a rate of 0 or more, got " + rate));
            } else if (rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 4) {
                problems.add(new FieldProblem(at, "expected a rate below 10^12 with at most 4 decimals, got "
                        + rate.toPlainString()));
            }
        });
    }

    /** A new card holding every rate of the card {@code copied}, in its currency, which the named rates then change. */
    private static long insertCopy(DSLContext db, long showId, String name, LocalDate effectiveFrom, long copied) {
        long id = db.insertInto(RATE_CARD).set(RATE_CARD.SHOW_ID, showId).set(RATE_CARD.NAME, name)
                .set(RATE_CARD.CURRENCY, db.select(RATE_CARD.CURRENCY).from(RATE_CARD).where(RATE_CARD.ID.eq(copied)))
                .set(RATE_CARD.EFFECTIVE_FROM, effectiveFrom)
                .returningResult(RATE_CARD.ID).fetchSingle(RATE_CARD.ID);
        db.insertInto(RATE_CARD_DISCIPLINE, RATE_CARD_DISCIPLINE.RATE_CARD_ID, RATE_CARD_DISCIPLINE.DISCIPLINE_ID,
                        RATE_CARD_DISCIPLINE.DAY_RATE)
                .select(select(val(id), RATE_CARD_DISCIPLINE.DISCIPLINE_ID, RATE_CARD_DISCIPLINE.DAY_RATE)
                        .from(RATE_CARD_DISCIPLINE).where(RATE_CARD_DISCIPLINE.RATE_CARD_ID.eq(copied)))
                .execute();
        db.insertInto(RATE_CARD_GPU_POOL, RATE_CARD_GPU_POOL.RATE_CARD_ID, RATE_CARD_GPU_POOL.GPU_POOL_ID,
                        RATE_CARD_GPU_POOL.HOURLY_RATE)
                .select(select(val(id), RATE_CARD_GPU_POOL.GPU_POOL_ID, RATE_CARD_GPU_POOL.HOURLY_RATE)
                        .from(RATE_CARD_GPU_POOL).where(RATE_CARD_GPU_POOL.RATE_CARD_ID.eq(copied)))
                .execute();
        return id;
    }

    /** Sets the named rates of a whole card (every rate has its row); says what changed, for the audit entry. */
    private static <R extends org.jooq.Record> List<String> setRates(DSLContext db, long cardId, Map<String, Long> ids,
            Map<String, BigDecimal> rates, TableField<R, Long> card, TableField<R, Long> of, TableField<R, BigDecimal> rate) {
        List<String> changes = new ArrayList<>();
        new TreeMap<>(rates).forEach((code, to) -> {
            Field<Long> id = val(ids.get(code));
            BigDecimal from = db.select(rate).from(rate.getTable()).where(card.eq(cardId), of.eq(id)).fetchSingle(rate);
            if (from.compareTo(to) != 0) {
                db.update(rate.getTable()).set(rate, to).where(card.eq(cardId), of.eq(id)).execute();
                changes.add(code + " " + from.stripTrailingZeros().toPlainString() + " -> " + to.toPlainString());
            }
        });
        return changes;
    }

    private static String cardName(DSLContext db, long cardId) {
        return db.select(RATE_CARD.NAME).from(RATE_CARD).where(RATE_CARD.ID.eq(cardId)).fetchSingle(RATE_CARD.NAME);
    }

    private static long showId(DSLContext db, String showCode) {
        return db.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq(showCode)).fetchOptional(SHOW.ID)
                .orElseThrow(() -> new NotFoundException("show", showCode));
    }
}
