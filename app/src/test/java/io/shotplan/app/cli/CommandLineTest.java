package io.shotplan.app.cli;

import static io.shotplan.sql.schema.Tables.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.show.ShowComparison;
import io.shotplan.app.web.WebTest;
import io.shotplan.show.io.ShowFolderReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Task;
import net.sf.mpxj.mspdi.MSPDIReader;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import picocli.CommandLine;

/** The command line as a user types it, on the application's own beans: exit codes 0 done, 1 failed, 2 bad input. */
class CommandLineTest extends WebTest {

    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    DSLContext dsl;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine command = CommandLineEntry.commandLine(beans);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "serve", "worker", "import", "export", "plan", "dispatch", "report", "bench"})
    void everyCommandExplainsItself(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: shotplan " + command);
    }

    @Test
    void planStoresTheShowsNextPlanVersion() {
        int before = dsl.fetchCount(PLAN);

        assertThat(run("plan", "--show", SHOW, "--seconds", "2")).isZero();

        assertThat(dsl.fetchCount(PLAN)).isEqualTo(before + 1);
        assertThat(out.toString()).contains("Stored plan").contains("score 0hard/")
                // the demo's per-episode table, the rules of thumb beside the plan and its bound
                .contains("Episode").contains("EP101").contains("Beside the rules of thumb")
                .contains("all-traditional").contains("greedy (cheapest eligible mode)")
                .contains("Bound: no plan within the policy that does as well on budgets and deliveries costs less than");
    }

    @Test
    void reportWritesEachFormAskedFor() throws Exception {
        run("plan", "--show", SHOW, "--seconds", "1");

        assertThat(run("report", "--show", SHOW, "--format", "csv,json", "--out", dir.toString())).isZero();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(SHOW + ".csv", SHOW + ".json");
        }
    }

    @Test
    void exportWritesAShowFolderThatReadsBackAsTheStoredShow() throws Exception {
        Path folder = dir.resolve("TST");

        assertThat(run("export", "--show", SHOW, folder.toString())).isZero();

        // other tests of this context may have given TST hand bids: then estimates.csv is listed too
        assertThat(out.toString().strip()).startsWith("Exported show TST to " + folder + ": ")
                .contains("shots.csv").contains("show.yaml");
        ShowComparison.assertSameShow(new ShowFolderReader().read(folder), shows.load(SHOW).orElseThrow());
    }

    @Test
    void exportWritesTheCurrentPlanAsMsProjectXml() throws Exception {
        run("plan", "--show", SHOW, "--seconds", "1");
        Path folder = dir.resolve("TST");

        assertThat(run("export", "--show", SHOW, "--ms-project", folder.toString())).isZero();

        assertThat(out.toString()).contains("schedule.xml");
        ProjectFile schedule = new MSPDIReader().read(folder.resolve("schedule.xml").toFile());
        assertThat(schedule.getTasks()).extracting(Task::getName).contains("EP101_010_0010", "EP101 delivery");
    }

    @Test
    void exportRefusesAFolderWithFilesInIt() throws Exception {
        Files.writeString(dir.resolve("estimates.csv"), "shot,mode,discipline,artist_days\n");

        assertThat(run("export", "--show", SHOW, dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not empty");
        assertThat(run("export", "--show", "NOPE", dir.resolve("new").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("NOPE");
    }

    @Test
    void anUnknownShowIsBadInput() {
        assertThat(run("report", "--show", "NOPE", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("NOPE");
    }

    @Test
    void anUnknownFormatIsBadInput() {
        assertThat(run("report", "--show", SHOW, "--format", "docx", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("docx");
    }

    @Test
    void aMissingRequiredOptionIsBadUsage() {
        assertThat(run("plan")).isEqualTo(2);
        assertThat(err.toString()).contains("--show");
    }

    @Test
    void dispatchWithoutAPlanSaysWhatToDoFirst() {
        dsl.deleteFrom(PLAN).execute();

        assertThat(run("dispatch", "--show", SHOW, "--workers", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("shotplan plan --show " + SHOW);
    }
}
