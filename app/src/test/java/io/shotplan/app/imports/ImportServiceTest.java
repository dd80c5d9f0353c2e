package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.shotplan.app.show.ShowRepository;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.ImportLimits;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.show.io.Source;
import io.shotplan.sql.Database;
import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every import on H2 and PostgreSQL: what a good file adds, and that a bad one changes nothing at all. */
class ImportServiceTest {

    static final Path EXAMPLE = Path.of("../examples/snowfall");
    static final Show SEASON = new ShowFolderReader().read(EXAMPLE);
    static final String HEADER = "code,episode,frame_count,work_type,complexity,depends_on\n";

    @TempDir
    Path dir;

    /** A database holding the example season, and an import service on it. */
    record Fixture(Database db, ImportService imports) implements AutoCloseable {
        static Fixture of(Supplier<Database> databases) {
            Database db = databases.get();
            ImportService imports = new ImportService(db.dsl(), ImportLimits.DEFAULT, new io.shotplan.app.audit.AuditLog(db.dsl()));
            imports.importShow(EXAMPLE, false);
            return new Fixture(db, imports);
        }

        DSLContext dsl() {
            return db.dsl();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    static Source csv(String name, String text) {
        return Source.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every row of every table an import writes, sorted: equal snapshots mean the database did not change. */
    static List<String> snapshot(DSLContext dsl) {
        List<String> rows = new ArrayList<>();
        for (Table<?> table : io.shotplan.sql.schema.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            dsl.selectFrom(table).fetch().forEach(r -> rows.add(table.getName() + " " + r.formatJSON()));
        }
        rows.sort(null);
        return rows;
    }

    /** Runs an import that must fail, and checks it names the problem and left the database exactly as before. */
    static Problem rejected(Fixture f, Runnable importing) {
        List<String> before = snapshot(f.dsl());
        ImportProblems problems = catchThrowableOfType(ImportProblems.class, importing::run);
        assertThat(problems).as("the import is rejected").isNotNull();
        assertThat(snapshot(f.dsl())).as("the database is exactly as before").isEqualTo(before);
        return problems.problems().getFirst();
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theExampleSeasonImportsWholeAndLoadsBackEqual(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Show loaded = new ShowRepository(f.dsl()).load("NVB").orElseThrow();

            io.shotplan.app.show.ShowComparison.assertSameShow(loaded, SEASON);
            assertThat(f.dsl().fetchCount(SHOT)).isEqualTo(SEASON.shots().size());
        }
    }

    /** Without statistics that count them, the planner takes a show just imported for a few rows (see TableStatistics). */
    @Test
    void theDatabaseKnowsHowManyShotsAnImportedShowHasAsSoonAsItIsImported() {
        try (Fixture f = Fixture.of(io.shotplan.sql.TestDatabases::postgres)) {
            assertThat(f.dsl().explain(f.dsl().selectFrom(SHOT)).rows()).isEqualTo(SEASON.shots().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void importExportImportGivesTheSameRows(Supplier<Database> databases) throws IOException {
        try (Fixture f = Fixture.of(databases)) {
            List<String> before = shotRows(f.dsl());
            StringWriter exported = new StringWriter();
            f.imports().exportShots("NVB", exported);
            Files.copy(EXAMPLE.resolve("show.yaml"), dir.resolve("show.yaml"));
            Files.writeString(dir.resolve("shots.csv"), exported.toString());

            ImportResult again = f.imports().importShow(dir, true);

            assertThat(again.replaced()).isTrue();
            assertThat(shotRows(f.dsl())).isEqualTo(before);
            StringWriter exportedAgain = new StringWriter();
            f.imports().exportShots("NVB", exportedAgain);
            assertThat(exportedAgain.toString()).isEqualTo(exported.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anExportedShowFolderImportsBackToTheSameShow(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Show before = new ShowRepository(f.dsl()).load("NVB").orElseThrow();
            List<String> shotsBefore = shotRows(f.dsl());

            f.imports().exportShow("NVB", dir);
            f.imports().importShow(dir, true);

            io.shotplan.app.show.ShowComparison.assertSameShow(new ShowRepository(f.dsl()).load("NVB").orElseThrow(), before);
            assertThat(shotRows(f.dsl())).isEqualTo(shotsBefore);
        }
    }

    /** The shot rows without their surrogate keys, which a re-import renumbers. */
    static List<String> shotRows(DSLContext dsl) {
        var predecessor = SHOT.as("p");
        return dsl.select(SHOT.CODE, SHOT.DESCRIPTION, SHOT.FRAME_COUNT, SHOT.FPS, SHOT.WIDTH, SHOT.HEIGHT, SHOT.WORK_TYPE,
                        SHOT.COMPLEXITY, SHOT.PERFORMER_LIKENESS, SHOT.CONSENT_ON_FILE, SHOT.HUMAN_ONLY,
                        SHOT.PLATE_READY_DATE, SHOT.STATUS, SHOT.NOTES,
                        org.jooq.impl.DSL.select(org.jooq.impl.DSL.count()).from(io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY)
                                .where(io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY.SHOT_ID.eq(SHOT.ID)).asField("deps"))
                .from(SHOT).orderBy(SHOT.CODE).fetch().map(r -> r.formatCSV(false).strip());
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShotGridExportAddsShotsThatMayWaitForTheShowsShots(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            String existing = SEASON.shots().getFirst().code();

            ImportResult result = f.imports().importShots("NVB", csv("flow-export.csv", """
                    code,sg_sequence,sg_cut_in,sg_cut_out,sg_status_list,description,work_type,complexity,depends_on,Assigned To
                    EP101_990_0010,EP101_990,1001,1096,wtg,Added snow pass,snow_atmos,3,%s,Carla M.
                    EP101_990_0020,EP101_990,1001,1048,ip,Roto for it,roto,2,,
                    """.formatted(existing)), "EP101");

            assertThat(result.shotsAdded()).containsExactly("EP101_990_0010", "EP101_990_0020");
            Show show = new ShowRepository(f.dsl()).load("NVB").orElseThrow();
            Shot added = show.shots().stream().filter(s -> s.code().equals("EP101_990_0010")).findFirst().orElseThrow();
            assertThat(added.dependsOn()).containsExactly(existing);
            assertThat(added.frameCount()).isEqualTo(96);
            assertThat(added.notes()).containsEntry("Assigned To", "Carla M.");
            assertThat(show.shots()).hasSize(SEASON.shots().size() + 2);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anEdlAddsOneShotPerEvent(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            ImportResult result = f.imports().importEdl("NVB", Source.of(EXAMPLE.resolve("editorial/EP103_vfx_pull_v004.edl")),
                    EdlOptions.of("EP103", "cleanup", 2));

            assertThat(result.shotsAdded()).containsExactly("EP103_045_0120", "EP103_045_0130", "EP103_055_0010", "EP103_055_0020");
            assertThat(f.dsl().fetchCount(SHOT, SHOT.CODE.like("EP103_045%"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void actualsAreRecordedOnceHoweverOftenTheFileIsImported(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Source timesheets = Source.of(EXAMPLE.resolve("actuals/timesheets-2027-03.csv"));
            ImportResult first = f.imports().importActuals("NVB", timesheets);
            ImportResult again = f.imports().importActuals("NVB", timesheets);
            ImportResult invoices = f.imports().importActuals("NVB", Source.of(EXAMPLE.resolve("actuals/invoices-2027-04.csv")));
            ImportResult usage = f.imports().importActuals("NVB", Source.of(EXAMPLE.resolve("actuals/nimbus-usage-2027-04.csv")));

            assertThat(first.ledgerRowsAdded()).isEqualTo(6);
            assertThat(again.ledgerRowsAdded()).isZero();
            assertThat(again.ledgerRowsAlreadyRecorded()).isEqualTo(6);
            assertThat(invoices.ledgerRowsAdded()).isEqualTo(3);
            assertThat(usage.ledgerRowsAdded()).isEqualTo(3);
            assertThat(f.dsl().fetchCount(COST_LEDGER)).isEqualTo(12);
            assertThat(f.dsl().select(org.jooq.impl.DSL.sum(COST_LEDGER.AMOUNT)).from(COST_LEDGER)
                    .where(COST_LEDGER.SOURCE.eq("TIMESHEET")).fetchSingle().value1())
                    .isEqualByComparingTo("4550"); // 1.5×400 + 0.5×620 + 2×380 + 1×620 + 2.5×780 + 0.5×620 at the rate card
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aRecordedLineWithAnotherAmountRollsBackTheWholeFile(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            f.imports().importActuals("NVB", csv("inv.csv", "reference,date,shot,amount\nINV-1,2027-04-30,EP101_010_0010,100\n"));

            Problem problem = rejected(f, () -> f.imports().importActuals("NVB", csv("inv.csv",
                    "reference,date,shot,amount\nINV-2,2027-04-30,EP101_010_0010,50\nINV-1,2027-04-30,EP101_010_0010,120\n")));

            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("reference INV-1 was recorded before with amount 100; this file says 120.");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void handBidsReplaceTheBidsOfTheShotsTheyNameAndTheStoredShowPricesWithThem(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            f.imports().importEstimates("NVB", csv("bids.csv", """
                    shot,mode,discipline,artist_days
                    EP101_030_0060,traditional,roto,6
                    EP101_040_0060,traditional,roto,1
                    """));

            ImportResult result = f.imports().importEstimates("NVB", csv("bids.csv", """
                    shot,mode,gpu_hours
                    EP101_030_0060,roto-ai,2.5
                    """));

            assertThat(result.summary()).isEqualTo("Set the hand-bid estimates of 1 shots of show NVB from bids.csv.");
            Show show = new ShowRepository(f.dsl()).load("NVB").orElseThrow();
            assertThat(show.shots()).filteredOn(s -> List.of("EP101_030_0060", "EP101_040_0060").contains(s.code()))
                    .extracting(Shot::code, s -> s.estimateOverrides().stream().map(EstimateOverride::describe).toList())
                    .containsExactly(tuple("EP101_030_0060", List.of("roto-ai 2.5 GPU-hours")),
                            tuple("EP101_040_0060", List.of("TRADITIONAL roto 1 days")));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aBidFileWithOneBadLineWritesNoBidAtAll(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem problem = rejected(f, () -> f.imports().importEstimates("NVB", csv("bids.csv", """
                    shot,mode,discipline,artist_days
                    EP101_030_0060,traditional,roto,6
                    EP101_040_0060,traditional,rotoscope,1
                    """)));

            assertThat(problem).isEqualTo(new Problem("bids.csv", 3, 3, "discipline",
                    "unknown discipline 'rotoscope'; the show has anim, cg, comp, dmp, fx, matchmove, paint, roto"));
        }
    }

    // One test per kind of bad input: the problem named, nothing written.

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aMissingRequiredColumn(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", "code,episode,work_type,complexity\nEP101_990_0010,EP101,roto,2\n"), null));
            assertThat(p.message()).isEqualTo("missing required column frame_count; accepted headers: frame_count, frames,"
                    + " cut_duration, sg_cut_duration, duration; or cut in and cut out");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aNegativeFrameCount(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", HEADER + "EP101_990_0010,EP101,48,roto,2,\nEP101_990_0020,EP101,-48,roto,2,\n"), null));
            assertThat(p).isEqualTo(new Problem("s.csv", 3, 3, "frame_count", "expected a whole number of frames above 0, got -48"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aNonNumericFrameCount(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", HEADER + "EP101_990_0010,EP101,4 s,roto,2,\n"), null));
            assertThat(p).isEqualTo(new Problem("s.csv", 2, 3, "frame_count", "expected a whole number of frames above 0, got '4 s'"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anUnknownDiscipline(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importActuals("NVB", csv("ts.csv",
                    "date,shot,discipline,artist_days,reference\n2027-03-01,EP101_010_0010,paint,1,TS-1\n"
                            + "2027-03-01,EP101_010_0010,lighting,1,TS-2\n")));
            assertThat(p).isEqualTo(new Problem("ts.csv", 3, 3, "discipline",
                    "unknown discipline 'lighting'; the show has anim, cg, comp, dmp, fx, matchmove, paint, roto"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anUnknownWorkType(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", HEADER + "EP101_990_0010,EP101,48,matte,2,\n"), null));
            assertThat(p.field()).isEqualTo("work_type");
            assertThat(p.message()).startsWith("unknown work type 'matte'; the bid template has cleanup, crowd, de_aging");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aDuplicateShotCode(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            String existing = SEASON.shots().get(5).code();
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", HEADER + "EP101_990_0010,EP101,48,roto,2,\n" + existing + ",EP101,48,roto,2,\n"), null));
            assertThat(p).isEqualTo(new Problem("s.csv", 3, 1, "code", "shot " + existing
                    + " already exists in the show; shot codes are unique"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aDependencyOnAnUnknownShot(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB",
                    csv("s.csv", HEADER + "EP101_990_0010,EP101,48,roto,2,EP101_990_0099\n"), null));
            assertThat(p.message()).isEqualTo("depends on unknown shot 'EP101_990_0099'; expected the code of a shot in this file or in the show");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aDependencyCycle(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShots("NVB", csv("s.csv", HEADER
                    + "EP101_990_0010,EP101,48,roto,2,EP101_990_0020\nEP101_990_0020,EP101,48,roto,2,EP101_990_0010\n"
                    + "EP101_990_0030,EP101,48,roto,2,\n"), null));
            assertThat(p.message()).isEqualTo("dependency cycle: EP101_990_0010 → EP101_990_0020 → EP101_990_0010;"
                    + " a shot cannot wait for itself");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anEpisodeWithoutDeliveryDate(Supplier<Database> databases) throws IOException {
        try (Fixture f = Fixture.of(databases)) {
            copyExample(text -> text.replace("delivery_date: 2027-08-06, ", ""));
            Problem p = rejected(f, () -> f.imports().importShow(dir, true));
            assertThat(p.file()).isEqualTo("show.yaml");
            assertThat(p.message()).isEqualTo("episode EP104 has no delivery date; expected delivery_date: YYYY-MM-DD");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aDeliveryDateBeforeTheShowStarts(Supplier<Database> databases) throws IOException {
        try (Fixture f = Fixture.of(databases)) {
            copyExample(text -> text.replace("code: NVB", "code: NVB2").replace("2027-06-04", "2026-12-18"));
            Problem p = rejected(f, () -> f.imports().importShow(dir, false));
            assertThat(p.message()).isEqualTo("episode EP101 is due 2026-12-18, before the show starts on 2027-02-01;"
                    + " expected a delivery date on or after start_date");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aMalformedTimecode(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importEdl("NVB", csv("pull.edl", """
                    001  A001 V C 01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                    * LOC: 01:00:00:00 RED EP103_045_0120
                    002  A001 V C 01:00:00:00 01:00:02:00 01:00:02:00 01:00:4:00
                    * LOC: 01:00:02:00 RED EP103_045_0130
                    """), EdlOptions.of("EP103", "cleanup", 2)));
            assertThat(p).isEqualTo(new Problem("pull.edl", 3, 51, "record out",
                    "malformed timecode '01:00:4:00'; expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame)"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aCurrencyWithoutAnExchangeRate(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importActuals("NVB", csv("inv.csv",
                    "invoice,invoice_date,shot,amount,currency\nINV-9,2027-04-30,EP101_010_0010,900.00,USD\n"
                            + "INV-10,2027-04-30,EP101_010_0020,1200.00,EUR\n")));
            assertThat(p).extracting(Problem::file, Problem::line, Problem::field)
                    .containsExactly("inv.csv", 3, "currency");
            assertThat(p.message()).startsWith("no exchange rate of EUR against the show's USD in force on 2027-04-30");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aFileOverTheSizeLimit(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            ImportService small = new ImportService(f.dsl(), new ImportLimits(64, 10), new io.shotplan.app.audit.AuditLog(f.dsl()));
            Problem p = rejected(f, () -> small.importShots("NVB", csv("s.csv", HEADER + "EP101_990_0010,EP101,48,roto,2,\n"), null));
            assertThat(p.message()).isEqualTo("is larger than the limit of 64 bytes per file; split it or raise"
                    + " shotplan.import.max-file-bytes");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShowThatExistsIsNotReplacedUnlessAsked(Supplier<Database> databases) {
        try (Fixture f = Fixture.of(databases)) {
            Problem p = rejected(f, () -> f.imports().importShow(EXAMPLE, false));
            assertThat(p.message()).startsWith("show NVB already exists; import with --replace");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aReplaceKeepsTheShowItsPlansAndItsLedgerAndOmitsTheShotsTheFileDropsWithTheirCosts(Supplier<Database> databases)
            throws IOException {
        try (Fixture f = Fixture.of(databases)) {
            DSLContext dsl = f.dsl();
            long showId = new ShowRepository(dsl).findId("NVB").orElseThrow();
            long dropped = dsl.select(SHOT.ID).from(SHOT).where(SHOT.CODE.eq("EP101_010_0020")).fetchSingle(SHOT.ID);
            new LedgerRepository(dsl).append(LedgerEntry.money(showId, dropped, LedgerSource.INVOICE,
                    new BigDecimal("1250.00"), "USD", java.time.LocalDate.of(2027, 3, 1), "INV-1", "test:INV-1"));
            long plan = dsl.insertInto(PLAN).set(PLAN.SHOW_ID, showId).set(PLAN.VERSION, 1)
                    .returningResult(PLAN.ID).fetchSingle(PLAN.ID);
            copyExample(text -> text.replace("budget: 140000", "budget: 145000"),
                    shots -> shots.lines().filter(l -> !l.startsWith("EP101_010_0020,"))
                            .collect(java.util.stream.Collectors.joining("\n", "", "\n")));

            ImportResult result = f.imports().importShow(dir, true);

            assertThat(result.replaced()).isTrue();
            assertThat(new ShowRepository(dsl).findId("NVB")).contains(showId);
            assertThat(dsl.fetchCount(PLAN, PLAN.ID.eq(plan))).isEqualTo(1);
            assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(1);
            assertThat(dsl.select(SHOT.STATUS).from(SHOT).where(SHOT.ID.eq(dropped)).fetchSingle().value1())
                    .isEqualTo("OMITTED");
            assertThat(dsl.fetchCount(SHOT)).isEqualTo(SEASON.shots().size());
            assertThat(new ShowRepository(dsl).load("NVB").orElseThrow().episodes().getFirst().budget())
                    .isEqualByComparingTo("145000");
            var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("REPLACE")).fetchSingle();
            assertThat(audit.getActor()).startsWith("cli:");
            assertThat(audit.getDetail()).contains("1 omitted (kept with 1 ledger rows, 1250.00 USD)")
                    .contains("the whole ledger (1 rows, 1250.00 USD)").contains("kept 1 plans");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aReplaceThatWouldLoseCostsIsRefusedNamingWhatWouldBeLostAndChangesNothing(Supplier<Database> databases)
            throws IOException {
        try (Fixture f = Fixture.of(databases)) {
            long showId = new ShowRepository(f.dsl()).findId("NVB").orElseThrow();
            new LedgerRepository(f.dsl()).append(LedgerEntry.money(showId, null, LedgerSource.INVOICE,
                    new BigDecimal("1250.00"), "USD", java.time.LocalDate.of(2027, 3, 1), "INV-1", "test:INV-1"));
            copyExample(text -> text.replace("currency: USD", "currency: EUR").replaceAll("(?m)^  - \\{ code: EP106.*\\n", ""),
                    shots -> shots.lines().filter(l -> !l.startsWith("EP106"))
                            .collect(java.util.stream.Collectors.joining("\n", "", "\n")));

            List<String> before = snapshot(f.dsl());
            ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> f.imports().importShow(dir, true));

            assertThat(snapshot(f.dsl())).isEqualTo(before);
            assertThat(problems.problems()).extracting(Problem::message).containsExactly(
                    "show NVB cannot be replaced: its currency would change from USD to EUR, but its cost ledger has 1"
                            + " rows (1250.00 USD) in USD",
                    "show NVB cannot be replaced: episode EP106 is not in the file, but 74 of its shots would be kept as"
                            + " omitted (with their plans and costs) and need it: keep the episode in the file");
        }
    }

    private void copyExample(java.util.function.UnaryOperator<String> edit,
                             java.util.function.UnaryOperator<String> editShots) throws IOException {
        Files.writeString(dir.resolve("show.yaml"), edit.apply(Files.readString(EXAMPLE.resolve("show.yaml"))));
        Files.writeString(dir.resolve("shots.csv"), editShots.apply(Files.readString(EXAMPLE.resolve("shots.csv"))));
    }

    private void copyExample(java.util.function.UnaryOperator<String> edit) throws IOException {
        Files.writeString(dir.resolve("show.yaml"), edit.apply(Files.readString(EXAMPLE.resolve("show.yaml"))));
        Files.copy(EXAMPLE.resolve("shots.csv"), dir.resolve("shots.csv"));
    }
}
