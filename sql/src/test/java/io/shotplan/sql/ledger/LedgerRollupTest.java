package io.shotplan.sql.ledger;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.sql.Database;
import io.shotplan.sql.money.ExchangeRate;
import io.shotplan.sql.money.ExchangeRateRepository;
import io.shotplan.sql.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollup always equals the ledger summed by line and week: after appends across week boundaries, idempotent
 * repeats, a rejected duplicate, reversals, and, for databases that had a ledger before the rollup, after the
 * migration's backfill. The expected sums are computed here in Java from the ledger's rows.
 */
class LedgerRollupTest {

    private static final LocalDate SUNDAY = LocalDate.of(2027, 2, 28);
    private static final LocalDate MONDAY = SUNDAY.plusDays(1);
    private static final LocalDate TUESDAY = SUNDAY.plusDays(2);

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theRollupIsTheLedgerSummedByLineAndWeek(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            Fixture f = fixture(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            euroRate(db.dsl(), f);
            appendAMix(ledger, f);

            assertThat(rollup(db.dsl())).isEqualTo(ledgerByLineAndWeek(db.dsl())).hasSize(8);
            assertThat(periods(db.dsl())).isEqualTo(ledgerByLine(db.dsl(), LedgerRepository::periodStart));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void repeatsAndRejectedDuplicatesAddNothing(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            Fixture f = fixture(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            LedgerEntry invoice = LedgerEntry.money(f.show, f.shot, LedgerSource.INVOICE, new BigDecimal("100.10"), "USD",
                    MONDAY, "INV-1", "invoice:INV-1");
            ledger.append(invoice);
            Map<String, String> once = rollup(db.dsl());

            assertThat(ledger.append(invoice)).isEmpty();
            assertThatThrownBy(() -> ledger.appendNew(invoice)).isInstanceOf(IntegrityConstraintViolationException.class);

            assertThat(rollup(db.dsl())).isEqualTo(once).isEqualTo(ledgerByLineAndWeek(db.dsl()));
            assertThat(periods(db.dsl())).isEqualTo(ledgerByLine(db.dsl(), LedgerRepository::periodStart));
            assertThat(db.dsl().fetchValue(DSL.select(COST_LEDGER_ROLLUP.ROW_COUNT).from(COST_LEDGER_ROLLUP))).isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aReversalLandsInTheLineOfWhatItCorrects(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            Fixture f = fixture(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            long render = ledger.appendNew(generation(f, "9.50", "36.0000", TUESDAY, "job:1"));
            ledger.reverse(render, "render failed QC", "reversal:job:1");
            assertThatThrownBy(() -> ledger.reverse(render, "again", "reversal:job:1"))
                    .isInstanceOf(IntegrityConstraintViolationException.class);

            var rows = db.dsl().selectFrom(COST_LEDGER_ROLLUP).orderBy(COST_LEDGER_ROLLUP.SOURCE).fetch();
            assertThat(rows).extracting(r -> r.getSource() + "/" + r.getBookedSource())
                    .containsExactly("GENERATION/GENERATION", "REVERSAL/GENERATION");
            assertThat(rows.stream().map(r -> r.getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
            assertThat(rollup(db.dsl())).isEqualTo(ledgerByLineAndWeek(db.dsl()));
            assertThat(periods(db.dsl())).isEqualTo(ledgerByLine(db.dsl(), LedgerRepository::periodStart));
        }
    }

    @Test
    void theMigrationSumsALedgerThatWasThereBefore_H2() {
        String url = "jdbc:h2:mem:" + uniqueName() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        migrateAndCompare(url, "sa", "", null);
    }

    @Test
    void theMigrationSumsALedgerThatWasThereBefore_PostgreSQL() throws Exception {
        TestDatabases.requirePostgres();
        String schema = uniqueName();
        try {
            migrateAndCompare(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, TestDatabases.POSTGRES_PASSWORD,
                    schema);
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER,
                    TestDatabases.POSTGRES_PASSWORD)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * A database at the version before the rollup gets a ledger (through the repository, whose rollup does not exist
     * yet, so the rows are inserted as the old repository did), then is migrated: the backfill must equal the ledger.
     */
    private static void migrateAndCompare(String url, String user, String password, String schema) {
        var config = Flyway.configure().dataSource(url, user, password).locations(Database.MIGRATIONS);
        if (schema != null) {
            config.schemas(schema);
        }
        config.target("30.1").load().migrate();
        // the rows, written the way the ledger was written before V31: plain inserts
        try (var c = DriverManager.getConnection(url, user, password)) {
            if (schema != null) {
                c.setSchema(schema);
            }
            DSLContext old = DSL.using(c, Database.dialectOf(url));
            Fixture f = fixture(old);
            long render = insertOld(old, generation(f, "9.50", "36.0000", TUESDAY, "job:1"), null);
            insertOld(old, generation(f, "1.25", "3.0000", SUNDAY, "job:2"), null);
            insertOld(old, timesheet(f, "400.00", "1.0000", MONDAY, "ts:1"), null);
            insertOld(old, timesheet(f, "400.00", "1.0000", TUESDAY, "ts:2"), null);
            insertOld(old, LedgerEntry.money(f.show, null, LedgerSource.INVOICE, new BigDecimal("77.77"), "USD",
                    SUNDAY, "INV-2", "invoice:INV-2"), null);
            insertOld(old, new LedgerEntry(f.show, f.shot, LedgerSource.REVERSAL, new BigDecimal("-9.50"), "USD",
                    new BigDecimal("-36.0000"), BigDecimal.ZERO, null, f.pool, "cuda:0", "upres-x2", TUESDAY, "QC",
                    render, "reversal:job:1"), render);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Database db = Database.open(url, user, password, schema)) {
            assertThat(rollup(db.dsl())).isEqualTo(ledgerByLineAndWeek(db.dsl())).hasSize(5);
            assertThat(periods(db.dsl())).isEqualTo(ledgerByLine(db.dsl(), LedgerRepository::periodStart));
            // and appends after the migration keep it equal
            long show = db.dsl().fetchValue(DSL.select(DSL.max(SHOW.ID)).from(SHOW));
            Fixture f = new Fixture(show,
                    db.dsl().fetchValue(DSL.select(DSL.max(SHOT.ID)).from(SHOT)),
                    db.dsl().fetchValue(DSL.select(DSL.max(DISCIPLINE.ID)).from(DISCIPLINE)),
                    db.dsl().fetchValue(DSL.select(DSL.max(GPU_POOL.ID)).from(GPU_POOL)));
            euroRate(db.dsl(), f);
            appendAMix(new LedgerRepository(db.dsl()), f);
            assertThat(rollup(db.dsl())).isEqualTo(ledgerByLineAndWeek(db.dsl()));
            assertThat(periods(db.dsl())).isEqualTo(ledgerByLine(db.dsl(), LedgerRepository::periodStart));
        }
    }

    private static long insertOld(DSLContext dsl, LedgerEntry e, Long reverses) {
        return dsl.insertInto(COST_LEDGER)
                .set(COST_LEDGER.SHOW_ID, e.showId()).set(COST_LEDGER.SHOT_ID, e.shotId())
                .set(COST_LEDGER.SOURCE, e.source().name()).set(COST_LEDGER.AMOUNT, e.amount())
                .set(COST_LEDGER.CURRENCY, e.currency()).set(COST_LEDGER.GPU_SECONDS, e.gpuSeconds())
                .set(COST_LEDGER.ARTIST_DAYS, e.artistDays()).set(COST_LEDGER.DISCIPLINE_ID, e.disciplineId())
                .set(COST_LEDGER.GPU_POOL_ID, e.gpuPoolId()).set(COST_LEDGER.DEVICE, e.device())
                .set(COST_LEDGER.MODEL, e.model()).set(COST_LEDGER.OCCURRED_ON, e.occurredOn())
                .set(COST_LEDGER.REFERENCE, e.reference()).set(COST_LEDGER.REVERSES_ID, reverses)
                .set(COST_LEDGER.IDEMPOTENCY_KEY, e.idempotencyKey())
                .returningResult(COST_LEDGER.ID).fetchSingle(COST_LEDGER.ID);
    }

    /** The AI vendor of {@link #appendAMix} bills in euros: its rows are booked in dollars at this rate. */
    private static void euroRate(DSLContext dsl, Fixture f) {
        new ExchangeRateRepository(dsl).store(f.show(), List.of(new ExchangeRate("EUR", SUNDAY.minusWeeks(10),
                new BigDecimal("0.92"))), "rates.csv", "finance");
    }

    /** Rows over two weeks, in every kind of line, with repeats and reversals. */
    private static void appendAMix(LedgerRepository ledger, Fixture f) {
        String k = UUID.randomUUID().toString();
        long ts = ledger.appendNew(timesheet(f, "400.0000", "1.0000", MONDAY, k + "ts:1"));
        ledger.append(timesheet(f, "200.0000", "0.5000", TUESDAY, k + "ts:2"));
        ledger.append(timesheet(f, "200.0000", "0.5000", TUESDAY, k + "ts:2"));     // a repeat: nothing
        ledger.append(timesheet(f, "123.4567", "0.2500", SUNDAY, k + "ts:3"));     // the week before
        ledger.append(timesheet(f, "80.0000", "0.2000", SUNDAY.minusWeeks(5), k + "ts:4")); // the period before
        long render = ledger.appendNew(generation(f, "9.50", "36.0000", TUESDAY, k + "job:1"));
        long smallRender = ledger.append(generation(f, "0.01", "0.0400", MONDAY, k + "job:2")).orElseThrow();
        ledger.append(LedgerEntry.money(f.show, null, LedgerSource.INVOICE, new BigDecimal("1234.5678"), "USD", MONDAY,
                "INV-7", k + "invoice:INV-7"));
        ledger.append(new LedgerEntry(f.show, f.shot, LedgerSource.AI_VENDOR, new BigDecimal("55.00"), "EUR",
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, "vendor-model", MONDAY, "AIV-1", null, k + "aiv:1"));
        ledger.reverse(ts, "wrong shot", k + "reversal:ts:1");
        ledger.reverse(render, "failed QC", k + "reversal:job:1");
        // a reversal that a caller builds itself and appends
        ledger.append(new LedgerEntry(f.show, f.shot, LedgerSource.REVERSAL, new BigDecimal("-0.01"), "USD",
                new BigDecimal("-0.0400"), BigDecimal.ZERO, null, f.pool, "cuda:0", "upres-x2", MONDAY, "dup",
                smallRender, k + "reversal:job:2"));
    }

    private static LedgerEntry timesheet(Fixture f, String amount, String days, LocalDate on, String key) {
        return new LedgerEntry(f.show, f.shot, LedgerSource.TIMESHEET, new BigDecimal(amount), "USD", BigDecimal.ZERO,
                new BigDecimal(days), f.discipline, null, null, null, on, "timesheet", null, key);
    }

    private static LedgerEntry generation(Fixture f, String amount, String seconds, LocalDate on, String key) {
        return new LedgerEntry(f.show, f.shot, LedgerSource.GENERATION, new BigDecimal(amount), "USD",
                new BigDecimal(seconds), BigDecimal.ZERO, null, f.pool, "cuda:0", "upres-x2", on, "render", null, key);
    }

    /** The rollup's rows: line and week → sums, numbers compared by value. */
    private static Map<String, String> rollup(DSLContext dsl) {
        var r = COST_LEDGER_ROLLUP;
        Map<String, String> out = new TreeMap<>();
        dsl.selectFrom(r).forEach(x -> out.put(
                key(x.getShowId(), x.getWeekStart(), x.getShotId(), x.getDisciplineId(), x.getGpuPoolId(),
                        x.getSource(), x.getBookedSource(), x.getCurrency(), x.getDevice(), x.getModel()),
                sums(x.getAmount(), x.getGpuSeconds(), x.getArtistDays(), x.getRowCount())));
        return out;
    }

    /** The four-week rollup's rows, like {@link #rollup}. */
    private static Map<String, String> periods(DSLContext dsl) {
        var r = COST_LEDGER_ROLLUP_PERIOD;
        Map<String, String> out = new TreeMap<>();
        dsl.selectFrom(r).forEach(x -> out.put(
                key(x.getShowId(), x.getPeriodStart(), x.getShotId(), x.getDisciplineId(), x.getGpuPoolId(),
                        x.getSource(), x.getBookedSource(), x.getCurrency(), x.getDevice(), x.getModel()),
                sums(x.getAmount(), x.getGpuSeconds(), x.getArtistDays(), x.getRowCount())));
        return out;
    }

    /** The ledger's rows summed here, by the same line and week. */
    private static Map<String, String> ledgerByLineAndWeek(DSLContext dsl) {
        return ledgerByLine(dsl, day -> day.minusDays(day.getDayOfWeek().getValue() - 1));
    }

    /** The ledger's rows summed here by line and the bucket of their day. */
    private static Map<String, String> ledgerByLine(DSLContext dsl, java.util.function.UnaryOperator<LocalDate> bucket) {
        var l = COST_LEDGER.as("l");
        var o = COST_LEDGER.as("o");
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        dsl.select(l.fields()).select(o.SOURCE).from(l).leftJoin(o).on(o.ID.eq(l.REVERSES_ID)).forEach(x -> {
            LocalDate day = x.get(l.OCCURRED_ON);
            String key = key(x.get(l.SHOW_ID), bucket.apply(day), Objects.requireNonNullElse(x.get(l.SHOT_ID), 0L),
                    Objects.requireNonNullElse(x.get(l.DISCIPLINE_ID), 0L),
                    Objects.requireNonNullElse(x.get(l.GPU_POOL_ID), 0L), x.get(l.SOURCE),
                    Objects.requireNonNullElse(x.get(o.SOURCE), x.get(l.SOURCE)), x.get(l.CURRENCY),
                    Objects.requireNonNullElse(x.get(l.DEVICE), ""), Objects.requireNonNullElse(x.get(l.MODEL), ""));
            BigDecimal[] s = sums.computeIfAbsent(key, ignored -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(x.get(l.AMOUNT));
            s[1] = s[1].add(x.get(l.GPU_SECONDS));
            s[2] = s[2].add(x.get(l.ARTIST_DAYS));
            s[3] = s[3].add(BigDecimal.ONE);
        });
        Map<String, String> out = new TreeMap<>();
        sums.forEach((k, s) -> out.put(k, sums(s[0], s[1], s[2], s[3].longValue())));
        return out;
    }

    private static String key(Object... parts) {
        return String.join("|", java.util.Arrays.stream(parts).map(p -> String.valueOf(p).trim()).toList());
    }

    private static String sums(BigDecimal amount, BigDecimal seconds, BigDecimal days, long rows) {
        return List.of(amount, seconds, days).stream().map(n -> n.stripTrailingZeros().toPlainString()).toList()
                + " in " + rows + " rows";
    }

    private record Fixture(long show, long shot, long discipline, long pool) {
    }

    private static Fixture fixture(DSLContext dsl) {
        String code = "S" + UUID.randomUUID().toString().substring(0, 8);
        long show = dsl.insertInto(SHOW).set(SHOW.CODE, code).set(SHOW.NAME, "Rollup").set(SHOW.CURRENCY, "USD")
                .set(SHOW.START_DATE, SUNDAY).returningResult(SHOW.ID).fetchSingle(SHOW.ID);
        long episode = dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, show).set(EPISODE.CODE, "EP1")
                .set(EPISODE.DELIVERY_DATE, SUNDAY.plusMonths(3)).set(EPISODE.BUDGET, BigDecimal.TEN)
                .returningResult(EPISODE.ID).fetchSingle(EPISODE.ID);
        long shot = dsl.insertInto(SHOT).set(SHOT.SHOW_ID, show).set(SHOT.EPISODE_ID, episode).set(SHOT.CODE, "SH010")
                .set(SHOT.FRAME_COUNT, 10).set(SHOT.WIDTH, 1920).set(SHOT.HEIGHT, 1080).set(SHOT.WORK_TYPE, "roto")
                .set(SHOT.COMPLEXITY, (short) 2).returningResult(SHOT.ID).fetchSingle(SHOT.ID);
        long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, show).set(DISCIPLINE.CODE, "COMP")
                .returningResult(DISCIPLINE.ID).fetchSingle(DISCIPLINE.ID);
        long pool = dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, show).set(GPU_POOL.CODE, "P1")
                .set(GPU_POOL.GPU_TYPE, "H100").set(GPU_POOL.GPU_COUNT, 2).set(GPU_POOL.HOURS_PER_DAY, BigDecimal.TEN)
                .returningResult(GPU_POOL.ID).fetchSingle(GPU_POOL.ID);
        return new Fixture(show, shot, discipline, pool);
    }

    private static String uniqueName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
