package io.shotplan.reporting.benchmark;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static io.shotplan.sql.schema.Tables.CREW_CAPACITY;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM_COST;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateAdd;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.sql.Database;
import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.flywaydb.core.Flyway;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Fills a database with a show of 10,000 shots over 10 episodes (a baseline and a current plan, two discipline lines per
 * item, 40 % AI) and 1,000,000 ledger rows (1 % of them reversals), then times building the show report. Not a test:
 * run it by hand, see docs/benchmarks.md.
 *
 * <pre>
 * mvn -q -B -pl reporting test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.shotplan.reporting.benchmark.ReportBenchmark [-Dexec.args="h2 postgres"]
 * </pre>
 *
 * Rows are made inside the database ({@code INSERT ... SELECT} over a generated series), so the fill is a few
 * statements, not a million round trips. PostgreSQL: {@code SHOTPLAN_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code SHOTPLAN_BENCH_PG_USER} (postgres), schema
 * {@code bench_report}, dropped and recreated. The ledger is filled before migration V31, whose backfill (and V31_1's)
 * then sums it into the rollups, as on a database upgraded with a ledger already in it.
 */
public final class ReportBenchmark {

    static final int SHOTS = Integer.getInteger("bench.shots", 10_000);
    static final int LEDGER_ROWS = Integer.getInteger("bench.ledger", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int APPENDS = Integer.getInteger("bench.appends", 1_000);
    static final int EPISODES = 10;
    static final int DISCIPLINES = 8;
    static final LocalDate START = LocalDate.of(2026, 1, 5);
    static final LocalDate AS_OF = START.plusDays(150);

    public static void main(String[] args) throws Exception {
        List<String> databases = args.length == 0 ? List.of("h2", "postgres") : Arrays.asList(args);
        for (String which : databases) {
            Target target = target(which);
            // the ledger is filled as it stood before the rollup (migrations up to V30_1), then migrating to the end
            // sums it into the rollups with the backfills of V31 and V31_1: the rollup comes from the same SQL as on an
            // upgraded database, and from then on LedgerRepository keeps it (timed below)
            migrate(target, "30.1");
            long fillStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(target.url, target.user, target.password)) {
                if (target.schema != null) {
                    c.setSchema(target.schema);
                }
                fill(DSL.using(c, Database.dialectOf(target.url)));
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            long backfillStart = System.nanoTime();
            try (Database db = Database.open(target.url, target.user, target.password, target.schema)) {
                double backfillSeconds = (System.nanoTime() - backfillStart) / 1e9;
                if (which.equals("postgres")) {
                    db.dsl().execute("VACUUM ANALYZE");
                } else {
                    db.dsl().execute("ANALYZE");
                }
                System.out.printf("%s: filled %,d shots, %,d ledger rows in %.1f s; V31 and V31_1 summed them into %,d "
                                + "weekly and %,d four-week rollup rows in %.1f s%n", which, db.dsl().fetchCount(SHOT),
                        db.dsl().fetchCount(COST_LEDGER), fillSeconds, db.dsl().fetchCount(COST_LEDGER_ROLLUP),
                        db.dsl().fetchCount(COST_LEDGER_ROLLUP_PERIOD), backfillSeconds);
                ShowReportQuery query = new ShowReportQuery(db.dsl());
                List<Double> times = new ArrayList<>();
                ShowReport report = null;
                for (int run = 0; run <= RUNS; run++) {
                    long start = System.nanoTime();
                    report = query.build("BENCH", Optional.empty(), ReportOptions.asOf(AS_OF));
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (run > 0) {
                        times.add(ms);
                    }
                    System.out.printf("%s: run %d %s %.0f ms%n", which, run, run == 0 ? "(warm-up)" : "", ms);
                }
                times.sort(Double::compare);
                System.out.printf("%s: load average while measuring (other work on the machine): %s%n", which, loadAverage());
                System.out.printf("%s: show report over %,d shots and %,d ledger rows: median %.0f ms, best %.0f ms, "
                                + "worst %.0f ms (%d runs after one warm-up); EAC %s %s, %d episodes%n",
                        which, SHOTS, LEDGER_ROWS, times.get(times.size() / 2), times.getFirst(), times.getLast(),
                        RUNS, report.total().figures().eac().toPlainString(), report.show().currency(),
                        report.episodes().size());
                timeAppends(which, db.dsl());
            }
        }
    }

    /** Where one database of the benchmark lives; {@code schema} is null for H2. */
    private record Target(String url, String user, String password, String schema) {
    }

    private static Target target(String which) throws Exception {
        return switch (which) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("shotplan-bench-h2");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                yield new Target(Database.embeddedUrl(dir), "sa", "", null);
            }
            case "postgres" -> {
                String url = System.getenv().getOrDefault("SHOTPLAN_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = System.getenv().getOrDefault("SHOTPLAN_BENCH_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("SHOTPLAN_BENCH_PG_PASSWORD", "");
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS bench_report CASCADE");
                    s.execute("CREATE SCHEMA bench_report");
                }
                yield new Target(url, user, password, "bench_report");
            }
            default -> throw new IllegalArgumentException("unknown database '" + which + "': use h2 or postgres");
        };
    }

    private static void migrate(Target target, String version) {
        var flyway = Flyway.configure().dataSource(target.url, target.user, target.password)
                .locations(Database.MIGRATIONS).target(version);
        if (target.schema != null) {
            flyway.schemas(target.schema);
        }
        flyway.load().migrate();
    }

    /**
     * The write side of the rollup: {@code bench.appends} appends through {@link LedgerRepository}, each in its own
     * transaction (the ledger row and its rollup line), on shots and days of the filled ledger.
     */
    private static void timeAppends(String which, DSLContext dsl) {
        long show = dsl.select(SHOW.ID).from(SHOW).where(SHOW.CODE.eq("BENCH")).fetchSingle(SHOW.ID);
        long firstShot = dsl.select(min(SHOT.ID)).from(SHOT).where(SHOT.SHOW_ID.eq(show)).fetchSingle().value1();
        LedgerRepository ledger = new LedgerRepository(dsl);
        long start = System.nanoTime();
        for (int a = 0; a < APPENDS; a++) {
            ledger.append(LedgerEntry.money(show, firstShot + (a * 7919L) % SHOTS, LedgerSource.INVOICE,
                    new BigDecimal("12.3400"), "USD", START.plusDays(a % 200), "bench append", "append-" + a));
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("%s: %,d appends (ledger row and rollup line each) in %.0f ms: %.2f ms per append%n",
                which, APPENDS, ms, ms / APPENDS);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** The show, its reference data, two plans and the ledger, made in SQL. */
    static void fill(DSLContext dsl) {
        long show = dsl.insertInto(SHOW).set(SHOW.CODE, "BENCH").set(SHOW.NAME, "Benchmark show")
                .set(SHOW.CURRENCY, "USD").set(SHOW.START_DATE, START).set(SHOW.CONTINGENCY_PERCENT, BigDecimal.TEN)
                .set(SHOW.REVIEW_BUFFER_DAYS, 5).returningResult(SHOW.ID).fetchSingle().value1();
        for (int d = 0; d < DISCIPLINES; d++) {
            long id = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, show).set(DISCIPLINE.CODE, "D" + d)
                    .set(DISCIPLINE.NAME, "Discipline " + d).returningResult(DISCIPLINE.ID).fetchSingle().value1();
            dsl.insertInto(CREW_CAPACITY).set(CREW_CAPACITY.DISCIPLINE_ID, id).set(CREW_CAPACITY.VALID_FROM, START)
                    .set(CREW_CAPACITY.ARTISTS, BigDecimal.valueOf(20)).execute();
        }
        for (int p = 0; p < 2; p++) {
            long pool = dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, show).set(GPU_POOL.CODE, "POOL" + p)
                    .set(GPU_POOL.GPU_TYPE, p == 0 ? "H100" : "L40S").set(GPU_POOL.GPU_COUNT, 8)
                    .set(GPU_POOL.HOURS_PER_DAY, BigDecimal.valueOf(20)).returningResult(GPU_POOL.ID).fetchSingle()
                    .value1();
            dsl.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, show).set(AI_CAPABILITY.CODE, "CAP" + p)
                    .set(AI_CAPABILITY.WORK_TYPE, "roto").set(AI_CAPABILITY.GPU_POOL_ID, pool)
                    .set(AI_CAPABILITY.MODEL, "model-" + p).set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, BigDecimal.ONE)
                    .set(AI_CAPABILITY.REFERENCE_WIDTH, 1920).set(AI_CAPABILITY.REFERENCE_HEIGHT, 1080).execute();
        }
        for (int e = 0; e < EPISODES; e++) {
            dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, show).set(EPISODE.CODE, String.format("EP%02d", e))
                    .set(EPISODE.DELIVERY_DATE, START.plusDays(200 + 10L * e))
                    .set(EPISODE.BUDGET, BigDecimal.valueOf(2_500_000)).execute();
        }
        long firstEpisode = dsl.select(min(EPISODE.ID)).from(EPISODE).where(EPISODE.SHOW_ID.eq(show)).fetchSingle().value1();
        long firstDiscipline = dsl.select(min(DISCIPLINE.ID)).from(DISCIPLINE).where(DISCIPLINE.SHOW_ID.eq(show))
                .fetchSingle().value1();
        long firstPool = dsl.select(min(GPU_POOL.ID)).from(GPU_POOL).where(GPU_POOL.SHOW_ID.eq(show)).fetchSingle().value1();

        Field<Integer> i = field(name("s", "i"), SQLDataType.INTEGER);
        var shots = generateSeries(0, SHOTS - 1).as("s", "i");
        dsl.insertInto(SHOT, SHOT.SHOW_ID, SHOT.EPISODE_ID, SHOT.CODE, SHOT.FRAME_COUNT, SHOT.WIDTH, SHOT.HEIGHT,
                        SHOT.WORK_TYPE, SHOT.COMPLEXITY, SHOT.STATUS)
                .select(select(inline(show), inline(firstEpisode).plus(i.mod(EPISODES)).cast(SQLDataType.BIGINT),
                        inline("S").concat(i.cast(SQLDataType.VARCHAR)), inline(100), inline(1920), inline(1080),
                        inline("roto"), inline((short) 2),
                        when(i.mod(7).eq(0), inline("DONE")).when(i.mod(7).eq(1), inline("IN_PROGRESS"))
                                .otherwise(inline("NOT_STARTED")))
                        .from(shots))
                .execute();
        long firstShot = dsl.select(min(SHOT.ID)).from(SHOT).where(SHOT.SHOW_ID.eq(show)).fetchSingle().value1();

        long baseline = plan(dsl, show, 1);
        long current = plan(dsl, show, 2);
        dsl.update(SHOW).set(SHOW.BASELINE_PLAN_ID, baseline).where(SHOW.ID.eq(show)).execute();
        for (long planId : new long[] {baseline, current}) {
            int shift = planId == current ? 3 : 0;
            Field<String> mode = when(i.mod(5).le(1), inline("AI")).when(i.mod(5).eq(2), inline("AI_VENDOR"))
                    .otherwise(inline("TRADITIONAL"));
            Field<Integer> startDay = i.mod(200);
            dsl.insertInto(PLAN_ITEM, PLAN_ITEM.PLAN_ID, PLAN_ITEM.SHOT_ID, PLAN_ITEM.MODE, PLAN_ITEM.CAPABILITY_CODE,
                            PLAN_ITEM.START_DATE, PLAN_ITEM.END_DATE, PLAN_ITEM.PLANNED_COST,
                            PLAN_ITEM.PLANNED_GPU_HOURS, PLAN_ITEM.TRADITIONAL_COST, PLAN_ITEM.TRADITIONAL_DAYS)
                    .select(select(inline(planId), inline(firstShot).plus(i).cast(SQLDataType.BIGINT), mode,
                            when(i.mod(5).le(1), inline("CAP").concat(i.mod(2).cast(SQLDataType.VARCHAR)))
                                    .otherwise(castNull(SQLDataType.VARCHAR)),
                            localDateAdd(inline(START), startDay),
                            localDateAdd(inline(START), startDay.plus(inline(5 + shift)).plus(i.mod(10))),
                            inline(new BigDecimal("1500.0000")).plus(i.mod(997).mul(inline(new BigDecimal("3.1250")))),
                            when(i.mod(5).le(1), inline(new BigDecimal("12.5000"))).otherwise(inline(BigDecimal.ZERO)),
                            inline(new BigDecimal("4000.0000")).plus(i.mod(991).mul(inline(new BigDecimal("5.5000")))),
                            inline(10))
                            .from(shots))
                    .execute();
            // two discipline lines per item, a third of the planned cost each
            for (int line = 0; line < 2; line++) {
                var pi = PLAN_ITEM.as("pi");
                dsl.insertInto(PLAN_ITEM_COST, PLAN_ITEM_COST.PLAN_ITEM_ID, PLAN_ITEM_COST.DISCIPLINE_ID,
                                PLAN_ITEM_COST.ARTIST_DAYS, PLAN_ITEM_COST.COST)
                        .select(select(pi.ID,
                                inline(firstDiscipline).plus(pi.SHOT_ID.plus(inline(line * 3)).mod(DISCIPLINES)),
                                inline(new BigDecimal("1.2500")),
                                pi.PLANNED_COST.div(inline(3)).cast(SQLDataType.DECIMAL(19, 4)))
                                .from(pi).where(pi.PLAN_ID.eq(planId)))
                        .execute();
            }
        }

        // the ledger: 99 % bookings, then 1 % reversals of the first rows. Row i books on shot i mod SHOTS; its n-th
        // row (n = i div SHOTS) takes a source, a discipline and a day around the shot's schedule from n, so each shot
        // has rows of every source, several disciplines and days over about 60 days
        int reversals = LEDGER_ROWS / 100;
        var rows = generateSeries(0, LEDGER_ROWS - reversals - 1).as("s", "i");
        Field<Integer> shot = i.mod(SHOTS);
        Field<Integer> n = i.div(SHOTS);
        Field<Integer> kind = n.plus(shot).mod(10);
        Field<String> source = when(kind.le(5), inline("TIMESHEET")).when(kind.eq(6), inline("INVOICE"))
                .when(kind.eq(7), inline("GENERATION")).otherwise(inline("AI_VENDOR"));
        Field<Integer> pool = n.plus(shot).mod(2);
        dsl.insertInto(COST_LEDGER, COST_LEDGER.SHOW_ID, COST_LEDGER.SHOT_ID, COST_LEDGER.SOURCE, COST_LEDGER.AMOUNT,
                        COST_LEDGER.CURRENCY, COST_LEDGER.GPU_SECONDS, COST_LEDGER.ARTIST_DAYS,
                        COST_LEDGER.DISCIPLINE_ID, COST_LEDGER.GPU_POOL_ID, COST_LEDGER.DEVICE, COST_LEDGER.MODEL,
                        COST_LEDGER.OCCURRED_ON, COST_LEDGER.REFERENCE, COST_LEDGER.IDEMPOTENCY_KEY)
                .select(select(inline(show), inline(firstShot).plus(shot).cast(SQLDataType.BIGINT), source,
                        inline(new BigDecimal("10.0000")).plus(i.mod(997).mul(inline(new BigDecimal("0.3333")))),
                        inline("USD"),
                        when(kind.eq(7), inline(new BigDecimal("900.0000"))).otherwise(inline(BigDecimal.ZERO)),
                        when(kind.le(5), inline(new BigDecimal("0.2500"))).otherwise(inline(BigDecimal.ZERO)),
                        when(kind.le(5), inline(firstDiscipline).plus(n.div(10).plus(shot).mod(DISCIPLINES)))
                                .otherwise(castNull(SQLDataType.BIGINT)),
                        when(kind.eq(7), inline(firstPool).plus(pool)).otherwise(castNull(SQLDataType.BIGINT)),
                        when(kind.eq(7), inline("cuda:0")).otherwise(castNull(SQLDataType.VARCHAR)),
                        when(kind.eq(7), inline("model-").concat(pool.cast(SQLDataType.VARCHAR)))
                                .otherwise(castNull(SQLDataType.VARCHAR)),
                        localDateAdd(inline(START), shot.mod(200).plus(n.mod(60))),
                        inline("bench"),
                        inline("b").concat(i.cast(SQLDataType.VARCHAR)))
                        .from(rows))
                .execute();
        var l = COST_LEDGER.as("l");
        dsl.insertInto(COST_LEDGER, COST_LEDGER.SHOW_ID, COST_LEDGER.SHOT_ID, COST_LEDGER.SOURCE, COST_LEDGER.AMOUNT,
                        COST_LEDGER.CURRENCY, COST_LEDGER.GPU_SECONDS, COST_LEDGER.ARTIST_DAYS,
                        COST_LEDGER.DISCIPLINE_ID, COST_LEDGER.GPU_POOL_ID, COST_LEDGER.DEVICE, COST_LEDGER.MODEL,
                        COST_LEDGER.OCCURRED_ON, COST_LEDGER.REFERENCE, COST_LEDGER.REVERSES_ID,
                        COST_LEDGER.IDEMPOTENCY_KEY)
                .select(select(l.SHOW_ID, l.SHOT_ID, inline("REVERSAL"), l.AMOUNT.neg(), l.CURRENCY,
                        l.GPU_SECONDS.neg(), l.ARTIST_DAYS.neg(), l.DISCIPLINE_ID, l.GPU_POOL_ID, l.DEVICE, l.MODEL,
                        l.OCCURRED_ON, inline("bench reversal"), l.ID,
                        inline("r").concat(l.ID.cast(SQLDataType.VARCHAR)))
                        .from(l).where(l.SHOW_ID.eq(show)).orderBy(l.ID).limit(reversals))
                .execute();
    }

    private static long plan(DSLContext dsl, long show, int version) {
        return dsl.insertInto(PLAN).set(PLAN.SHOW_ID, show).set(PLAN.VERSION, version).set(PLAN.FEASIBLE, true)
                .returningResult(PLAN.ID).fetchSingle().value1();
    }
}
