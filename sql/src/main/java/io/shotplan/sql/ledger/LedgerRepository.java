package io.shotplan.sql.ledger;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.sql.money.ExchangeRateRepository;
import io.shotplan.sql.money.MissingExchangeRateException;
import io.shotplan.sql.schema.tables.records.CostLedgerRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The cost ledger: rows are appended, never updated or deleted. Appending is idempotent on the entry's key, so a
 * retried job or a re-imported file records its cost once.
 *
 * <p>Every row appended is also added, in the same transaction, to its line of {@code cost_ledger_rollup}: the ledger
 * summed per show, week and what reports break costs down by (shot, discipline, GPU pool, device, model, source, the
 * source of the booking a reversal corrects, currency), and of {@code cost_ledger_rollup_period}, the same per four
 * weeks. Reports read whole periods and weeks from there. Every writer of the
 * ledger goes through this class, so the two stay equal.
 *
 * <p>An entry in another currency than the show's is converted here, in the transaction that appends it, at the rate
 * of its currency in force on the day it occurred: the row keeps the original amount and currency and the rate beside
 * the converted amount, which is what the rollups and reports sum. Converting rounds once, half-even, to the ledger's
 * four decimals; an entry with no rate in force is refused ({@link MissingExchangeRateException}).
 */
public final class LedgerRepository {

    /** The rollup's stand-in for no shot, discipline or GPU pool (ids start at 1). */
    public static final long NONE = 0L;
    /** The rollup's stand-in for no device or model. */
    public static final String NO_NAME = "";
    /** The Monday the rollup's weeks and four-week periods are counted from. */
    public static final LocalDate PERIOD_ZERO = LocalDate.of(1900, 1, 1);
    public static final int PERIOD_DAYS = 28;

    private static final int SCALE = 4;

    /**
     * What a row books: {@code amount} in the show's {@code currency}; for an entry in another currency its original
     * amount and currency and the rate (units of it per unit of the show's currency) it was converted at.
     */
    private record Booking(BigDecimal amount, String currency, BigDecimal originalAmount, String originalCurrency,
                           BigDecimal rate) {

        static Booking of(DSLContext tx, LedgerEntry e) {
            String showCurrency = tx.select(SHOW.CURRENCY).from(SHOW).where(SHOW.ID.eq(e.showId()))
                    .fetchSingle(SHOW.CURRENCY).trim();
            if (showCurrency.equals(e.currency())) {
                return new Booking(e.amount(), e.currency(), null, null, BigDecimal.ONE);
            }
            BigDecimal rate = new ExchangeRateRepository(tx).rateOn(e.showId(), e.currency(), e.occurredOn())
                    .orElseThrow(() -> new MissingExchangeRateException(showCurrency, e.currency(), e.occurredOn()));
            return new Booking(e.amount().divide(rate, SCALE, RoundingMode.HALF_EVEN), showCurrency, e.amount(),
                    e.currency(), rate);
        }

        /** The booking that cancels a stored row: its amounts negated at the rate it was booked at. */
        static Booking reversing(CostLedgerRecord r) {
            return new Booking(r.getAmount().negate(), r.getCurrency(),
                    r.getOriginalAmount() == null ? null : r.getOriginalAmount().negate(), r.getOriginalCurrency(),
                    r.getExchangeRate());
        }
    }

    private final DSLContext dsl;

    public LedgerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Appends the entry unless its idempotency key is already there; returns the id of the new row, if one was added. */
    public Optional<Long> append(LedgerEntry entry) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            Booking booking = Booking.of(tx, entry);
            Optional<Long> id = tx.insertInto(COST_LEDGER)
                    .set(toRecord(tx, entry, booking))
                    .onConflict(COST_LEDGER.IDEMPOTENCY_KEY).doNothing()
                    .returningResult(COST_LEDGER.ID)
                    .fetchOptional(COST_LEDGER.ID);
            // a key already recorded adds nothing, to the ledger or to its rollup
            id.ifPresent(added -> addToRollup(tx, entry, booking, bookedSource(tx, entry)));
            return id;
        });
    }

    /** Appends the entry and fails if the key was already recorded: for callers that must know the row is new. */
    public long appendNew(LedgerEntry entry) {
        return dsl.transactionResult(trx -> appendNew(trx.dsl(), entry, Booking.of(trx.dsl(), entry),
                bookedSource(trx.dsl(), entry)));
    }

    private static long appendNew(DSLContext tx, LedgerEntry entry, Booking booking, LedgerSource bookedSource) {
        long id = tx.insertInto(COST_LEDGER).set(toRecord(tx, entry, booking)).returningResult(COST_LEDGER.ID)
                .fetchSingle(COST_LEDGER.ID);
        addToRollup(tx, entry, booking, bookedSource);
        return id;
    }

    /** The Monday of the week a day falls in: the rollup's weeks, and the reports'. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first day of the period of four weeks a day falls in (periods start on Monday 1900-01-01 + 28 k days). */
    public static LocalDate periodStart(LocalDate day) {
        long days = ChronoUnit.DAYS.between(PERIOD_ZERO, day);
        return PERIOD_ZERO.plusDays(Math.floorDiv(days, PERIOD_DAYS) * PERIOD_DAYS);
    }

    /** The source of the booking the entry belongs to: its own, or for a reversal that of the row it reverses. */
    private static LedgerSource bookedSource(DSLContext tx, LedgerEntry entry) {
        if (entry.reversesId() == null) {
            return entry.source();
        }
        return LedgerSource.valueOf(tx.select(COST_LEDGER.SOURCE).from(COST_LEDGER)
                .where(COST_LEDGER.ID.eq(entry.reversesId())).fetchSingle(COST_LEDGER.SOURCE));
    }

    /**
     * Adds one appended row to its line in its week and in its four-week period of the rollup (upserts, on H2 and
     * PostgreSQL alike).
     */
    private static void addToRollup(DSLContext tx, LedgerEntry e, Booking booking, LedgerSource bookedSource) {
        addToLine(tx, COST_LEDGER_ROLLUP, COST_LEDGER_ROLLUP.WEEK_START, weekStart(e.occurredOn()), e, booking,
                bookedSource);
        addToLine(tx, COST_LEDGER_ROLLUP_PERIOD, COST_LEDGER_ROLLUP_PERIOD.PERIOD_START, periodStart(e.occurredOn()), e,
                booking, bookedSource);
    }

    /** One rollup's upsert; both rollups share every column but the start of their time bucket. */
    private static <R extends Record> void addToLine(DSLContext tx, Table<R> rollup, Field<LocalDate> bucket,
                                                     LocalDate bucketStart, LedgerEntry e, Booking booking,
                                                     LedgerSource bookedSource) {
        var c = COST_LEDGER_ROLLUP; // names the shared columns; rollup.field(...) finds each in either table
        Field<BigDecimal> amount = rollup.field(c.AMOUNT);
        Field<BigDecimal> gpuSeconds = rollup.field(c.GPU_SECONDS);
        Field<BigDecimal> artistDays = rollup.field(c.ARTIST_DAYS);
        Field<Long> rowCount = rollup.field(c.ROW_COUNT);
        Field<Long> showId = rollup.field(c.SHOW_ID);
        Field<Long> shotId = rollup.field(c.SHOT_ID);
        Field<Long> disciplineId = rollup.field(c.DISCIPLINE_ID);
        Field<Long> gpuPoolId = rollup.field(c.GPU_POOL_ID);
        Field<String> source = rollup.field(c.SOURCE);
        Field<String> booked = rollup.field(c.BOOKED_SOURCE);
        Field<String> currency = rollup.field(c.CURRENCY);
        Field<String> device = rollup.field(c.DEVICE);
        Field<String> model = rollup.field(c.MODEL);
        tx.insertInto(rollup)
                .set(showId, e.showId())
                .set(bucket, bucketStart)
                .set(shotId, Objects.requireNonNullElse(e.shotId(), NONE))
                .set(disciplineId, Objects.requireNonNullElse(e.disciplineId(), NONE))
                .set(gpuPoolId, Objects.requireNonNullElse(e.gpuPoolId(), NONE))
                .set(source, e.source().name())
                .set(booked, bookedSource.name())
                .set(currency, booking.currency())
                .set(device, Objects.requireNonNullElse(e.device(), NO_NAME))
                .set(model, Objects.requireNonNullElse(e.model(), NO_NAME))
                .set(amount, booking.amount())
                .set(gpuSeconds, e.gpuSeconds())
                .set(artistDays, e.artistDays())
                .set(rowCount, 1L)
                .onConflict(showId, bucket, shotId, disciplineId, gpuPoolId, source, booked, currency, device, model)
                .doUpdate()
                .set(amount, amount.plus(booking.amount()))
                .set(gpuSeconds, gpuSeconds.plus(e.gpuSeconds()))
                .set(artistDays, artistDays.plus(e.artistDays()))
                .set(rowCount, rowCount.plus(1L))
                .execute();
    }

    /**
     * Appends a reversing row for an earlier one: same shot and discipline, the opposite amounts, converted at the
     * rate the original was booked at so that the two cancel exactly.
     */
    public long reverse(long ledgerId, String reason, String idempotencyKey) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            CostLedgerRecord original = tx.selectFrom(COST_LEDGER).where(COST_LEDGER.ID.eq(ledgerId)).fetchSingle();
            Booking booking = Booking.reversing(original);
            LedgerEntry reversal = new LedgerEntry(original.getShowId(), original.getShotId(), LedgerSource.REVERSAL,
                    Objects.requireNonNullElse(booking.originalAmount(), booking.amount()),
                    Objects.requireNonNullElse(booking.originalCurrency(), booking.currency()),
                    original.getGpuSeconds().negate(),
                    original.getArtistDays().negate(), original.getDisciplineId(), original.getGpuPoolId(),
                    original.getDevice(), original.getModel(), original.getOccurredOn(), reason, ledgerId,
                    idempotencyKey);
            return appendNew(tx, reversal, booking, LedgerSource.valueOf(original.getSource()));
        });
    }

    /** The show's rows as booked: amounts in the show's currency. */
    public List<LedgerEntry> forShow(long showId) {
        return dsl.selectFrom(COST_LEDGER).where(COST_LEDGER.SHOW_ID.eq(showId)).orderBy(COST_LEDGER.ID)
                .fetch(LedgerRepository::toEntry);
    }

    private static CostLedgerRecord toRecord(DSLContext tx, LedgerEntry e, Booking booking) {
        return tx.newRecord(COST_LEDGER)
                .setShowId(e.showId()).setShotId(e.shotId()).setSource(e.source().name()).setAmount(booking.amount())
                .setCurrency(booking.currency()).setOriginalAmount(booking.originalAmount())
                .setOriginalCurrency(booking.originalCurrency()).setExchangeRate(booking.rate()).setGpuSeconds(e.gpuSeconds()).setArtistDays(e.artistDays())
                .setDisciplineId(e.disciplineId()).setGpuPoolId(e.gpuPoolId()).setDevice(e.device())
                .setModel(e.model()).setOccurredOn(e.occurredOn()).setReference(e.reference())
                .setReversesId(e.reversesId()).setIdempotencyKey(e.idempotencyKey());
    }

    private static LedgerEntry toEntry(CostLedgerRecord r) {
        return new LedgerEntry(r.getShowId(), r.getShotId(), LedgerSource.valueOf(r.getSource()), r.getAmount(),
                r.getCurrency(), r.getGpuSeconds(), r.getArtistDays(), r.getDisciplineId(), r.getGpuPoolId(),
                r.getDevice(), r.getModel(), r.getOccurredOn(), r.getReference(), r.getReversesId(),
                r.getIdempotencyKey());
    }
}
