package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.io.ImportLimits;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shotplan import ...} as a user types it: exit 0 and a summary, or exit 2 and every problem. */
class ImportCommandTest {

    @TempDir
    Path dir;

    Database db;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void openDatabase() {
        db = TestDatabases.h2();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    int run(String... args) {
        var audit = new io.shotplan.app.audit.AuditLog(db.dsl());
        CommandLine command = ImportCommand.commandLine(new ImportService(db.dsl(), ImportLimits.DEFAULT, audit),
                new ShotRevisions(db.dsl(), ImportLimits.DEFAULT, audit, new io.shotplan.app.shot.ShotQueries(db.dsl())));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aShowFolderImportsAndSaysWhat() {
        int exit = run("show", "../examples/snowfall");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("Imported show NVB from ../examples/snowfall with 424 shots.");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadShotListPrintsEveryProblemExitsTwoAndWritesNothing() throws IOException {
        run("show", "../examples/snowfall");
        Path file = dir.resolve("more.csv");
        Files.writeString(file, """
                code,episode,frame_count,work_type,complexity
                EP101_990_0010,EP101,-5,roto,2
                EP101_990_0020,EP101,48,rotoscope,2
                """);

        int exit = run("shots", "--show", "NVB", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "shotplan: nothing was imported; 2 problems:",
                "  more.csv line 2, column 3 (frame_count): expected a whole number of frames above 0, got -5",
                "  more.csv line 3, column 4 (work_type): unknown work type 'rotoscope'; the bid template has cleanup,"
                        + " crowd, de_aging, destruction, plate_upres, roto, set_extension, sky_replacement, snow_atmos");
        assertThat(db.dsl().fetchCount(SHOT)).isEqualTo(424);
    }

    @Test
    void anEdlNeedsItsWorkTypeAndTakesARate() {
        run("show", "../examples/snowfall");

        int exit = run("edl", "--show", "NVB", "--episode", "EP103", "--fps", "24", "--work-type", "cleanup",
                "--complexity", "2", "../examples/snowfall/editorial/EP103_vfx_pull_v004.edl");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Added 4 shots from EP103_vfx_pull_v004.edl to show NVB.");
    }

    @Test
    void actualsTwiceAreRecordedOnce() {
        run("show", "../examples/snowfall");

        run("actuals", "--show", "NVB", "../examples/snowfall/actuals/timesheets-2027-03.csv");
        run("actuals", "--show", "NVB", "../examples/snowfall/actuals/timesheets-2027-03.csv");

        assertThat(out.toString().lines()).containsSubsequence(
                "Recorded 6 cost lines from timesheets-2027-03.csv for show NVB.",
                "Recorded 0 cost lines from timesheets-2027-03.csv for show NVB; 6 were already recorded by an earlier"
                        + " import and were skipped.");
    }

    @Test
    void everyImportIsAuditedAsTheOsUserWithWhatItAdded() throws IOException {
        run("show", "../examples/snowfall");
        run("actuals", "--show", "NVB", "../examples/snowfall/actuals/timesheets-2027-03.csv");
        run("edl", "--show", "NVB", "--episode", "EP103", "--work-type", "cleanup",
                "../examples/snowfall/editorial/EP103_vfx_pull_v004.edl");

        var entries = db.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID).fetch();

        assertThat(entries).extracting(r -> r.getActor()).containsOnly("cli:" + System.getProperty("user.name"));
        assertThat(entries).extracting(r -> r.getAction() + " " + r.getEntity() + " " + r.getEntityId())
                .containsExactly("IMPORT show NVB", "IMPORT ledger NVB", "IMPORT show NVB");
        assertThat(entries.get(0).getDetail()).startsWith("Imported show NVB from ../examples/snowfall with 424 shots. "
                + "6 episodes, budget ").contains(" USD; ").endsWith(" frames.");
        assertThat(entries.get(1).getDetail()).isEqualTo("Recorded 6 cost lines from timesheets-2027-03.csv for show NVB."
                + " Amount added: " + db.dsl().select(DSL.sum(COST_LEDGER.AMOUNT)).from(COST_LEDGER).fetchSingle().value1()
                .stripTrailingZeros().toPlainString() + " USD.");
        assertThat(entries.get(2).getDetail()).matches("Added 4 shots from EP103_vfx_pull_v004.edl to show NVB. [1-9][0-9]* frames.");
    }

    @Test
    void anImportWhoseAuditEntryCannotBeWrittenIsNotWritten() {
        run("show", "../examples/snowfall");
        db.dsl().execute("ALTER TABLE audit_log RENAME TO audit_log_away");

        int exit = run("edl", "--show", "NVB", "--episode", "EP103", "--work-type", "cleanup",
                "../examples/snowfall/editorial/EP103_vfx_pull_v004.edl");

        assertThat(exit).isNotZero();
        assertThat(db.dsl().fetchCount(SHOT)).isEqualTo(424);
        db.dsl().execute("ALTER TABLE audit_log_away RENAME TO audit_log");
    }

    @Test
    void handBidsForAnIneligibleShotAreRefusedWithTheirLine() throws IOException {
        run("show", "../examples/snowfall");
        Path file = dir.resolve("estimates.csv");
        Files.writeString(file, "shot,mode,discipline,artist_days,gpu_hours\nEP101_040_0040,sky-ai,,,1\n");

        int exit = run("estimates", "--show", "NVB", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "shotplan: nothing was imported; 1 problem:",
                "  estimates.csv line 2, column 2 (mode): shot EP101_040_0040 may not go to sky-ai (marked human-only),"
                        + " so the bid would never be used; bid it traditional");
    }

    @Test
    void anUnknownShowIsBadInput() {
        int exit = run("actuals", "--show", "XYZ", "../examples/snowfall/actuals/timesheets-2027-03.csv");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("shotplan: no show XYZ in the database; import its show folder first"
                + " (shotplan import show DIR)");
    }
}
