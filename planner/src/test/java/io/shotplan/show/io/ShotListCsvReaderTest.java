package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotListCsvReaderTest {

    static final Show SEASON = new ShowFolderReader().read(ShowFolderReaderTest.EXAMPLE);
    static final ShotListContext NEW_SHOTS = ShotListContext.of(SEASON.withShots(List.of()));
    static final String HEADER = "code,episode,frame_count,work_type,complexity,depends_on\n";

    @TempDir
    Path dir;

    static List<Shot> read(String csv) {
        return new ShotListCsvReader().read(Source.of("shots.csv", csv.getBytes(StandardCharsets.UTF_8)), NEW_SHOTS);
    }

    static List<Problem> problems(String csv) {
        return catchThrowableOfType(ImportProblems.class, () -> read(csv)).problems();
    }

    @Test
    void aShotGridExportReadsByItsDisplayNamesAndKeepsTheRestAsNotes() throws Exception {
        Path export = Path.of(getClass().getResource("shotgrid-export.csv").toURI());

        List<Shot> shots = new ShotListCsvReader().read(export, NEW_SHOTS);

        assertThat(shots).hasSize(5);
        Shot first = shots.getFirst();
        assertThat(first).isEqualTo(new Shot("EP103_045_0120", "EP103", "EP103_045",
                "Snow piles on the windscreen; Ines wipes it, hand roto", 96, BigDecimal.valueOf(24), Resolution.HD,
                "snow_atmos", 3, false, false, false, LocalDate.of(2027, 3, 22), ShotStatus.NOT_STARTED, List.of(),
                Map.of("Id", "5123", "Cut In", "1009", "Cut Out", "1104", "Tags", "hero, night", "Assigned To", "Carla M.")));
        assertThat(shots).extracting(Shot::status).containsExactly(ShotStatus.NOT_STARTED, ShotStatus.IN_PROGRESS,
                ShotStatus.NOT_STARTED, ShotStatus.OMITTED, ShotStatus.DONE);
    }

    @Test
    void shotGridFieldNamesWorkAndCutInOutGiveTheFrameCount() {
        List<Shot> shots = read("""
                code,sg_sequence,sg_episode,sg_cut_in,sg_cut_out,sg_status_list,description,work_type,complexity
                EP101_900_0010,EP101_900,EP101,1001,1096,wtg,Flakes,snow_atmos,2
                """);

        assertThat(shots).singleElement().satisfies(s -> {
            assertThat(s.frameCount()).isEqualTo(96);
            assertThat(s.sequence()).isEqualTo("EP101_900");
            assertThat(s.notes()).containsEntry("sg_cut_in", "1001").containsEntry("sg_cut_out", "1096");
        });
    }

    @Test
    void aEuropeanSpreadsheetWithSemicolonsAndAByteOrderMarkReads() {
        List<Shot> shots = read("\uFEFFcode;episode;frame_count;work_type;complexity;description\n"
                + "EP102_010_0010;EP102;80;roto;2;\"Roto; hair\"\n");

        assertThat(shots).singleElement().satisfies(s -> assertThat(s.description()).isEqualTo("Roto; hair"));
    }

    @Test
    void aMissingRequiredColumnIsNamedWithTheHeadersThatWouldDo() {
        assertThat(problems("code,episode,frame_count,complexity\nEP101_900_0010,EP101,48,2\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.field()).isEqualTo("work_type");
                    assertThat(p.message()).isEqualTo("missing required column work_type; accepted headers: work_type,"
                            + " sg_work_type, vfx_work_type");
                });
    }

    @Test
    void aNegativeFrameCountIsReportedAtItsCell() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,-12,roto,2,\n")).singleElement()
                .isEqualTo(new Problem("shots.csv", 2, 3, "frame_count", "expected a whole number of frames above 0, got -12"));
    }

    @Test
    void aNonNumericFrameCountIsReportedAtItsCell() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,96f,roto,2,\n")).singleElement()
                .isEqualTo(new Problem("shots.csv", 2, 3, "frame_count", "expected a whole number of frames above 0, got '96f'"));
    }

    @Test
    void anUnknownWorkTypeListsTheBidTemplatesWorkTypes() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,48,rotoscope,2,\n")).singleElement()
                .isEqualTo(new Problem("shots.csv", 2, 4, "work_type", "unknown work type 'rotoscope'; the bid template has"
                        + " cleanup, crowd, de_aging, destruction, plate_upres, roto, set_extension, sky_replacement, snow_atmos"));
    }

    @Test
    void aComplexityTheBidTemplateDoesNotPriceIsReported() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,48,roto,5,\n")).singleElement()
                .isEqualTo(new Problem("shots.csv", 2, 5, "complexity",
                        "the bid template has no row for work type 'roto' at complexity 5; it has complexity 1, 2, 3"));
    }

    @Test
    void aDuplicateShotCodePointsAtTheFirst() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,48,roto,2,\nEP101_900_0010,EP101,60,roto,2,\n"))
                .singleElement().isEqualTo(new Problem("shots.csv", 3, 1, "code",
                        "duplicate shot code EP101_900_0010; first on line 2"));
    }

    @Test
    void aShotCodeTheShowAlreadyHasIsADuplicateToo() {
        ShotListContext stored = ShotListContext.of(SEASON);
        String code = SEASON.shots().getFirst().code();

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShotListCsvReader().read(
                Source.of("more.csv", (HEADER + code + ",EP101,48,roto,2,\n").getBytes(StandardCharsets.UTF_8)), stored));

        assertThat(problems.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("shot " + code + " already exists in the show; shot codes are unique"));
    }

    @Test
    void aDependencyOnAnUnknownShotIsReported() {
        assertThat(problems(HEADER + "EP101_900_0010,EP101,48,roto,2,EP101_900_0099\n")).singleElement()
                .isEqualTo(new Problem("shots.csv", 2, 6, "depends_on", "depends on unknown shot 'EP101_900_0099';"
                        + " expected the code of a shot in this file or in the show"));
    }

    @Test
    void aDependencyCycleIsNamedShotByShot() {
        assertThat(problems(HEADER + """
                A_010,EP101,48,roto,2,C_030
                B_020,EP101,48,roto,2,A_010
                C_030,EP101,48,roto,2,B_020
                D_040,EP101,48,roto,2,D_040
                E_050,EP101,48,roto,2,A_010
                """)).extracting(Problem::line, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "dependency cycle: A_010 → C_030 → B_020 → A_010; a shot cannot wait for itself"),
                org.assertj.core.groups.Tuple.tuple(5, "dependency cycle: D_040 → D_040; a shot cannot wait for itself"));
    }

    @Test
    void anUnknownEpisodeIsReported() {
        assertThat(problems(HEADER + "EP107_010_0010,EP107,48,roto,2,\n")).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("unknown episode 'EP107'; the show has EP101, EP102, EP103, EP104, EP105, EP106"));
    }

    @Test
    void everyProblemOfTheFileIsReportedNotJustTheFirst() {
        List<Problem> problems = problems("""
                code,episode,frame_count,work_type,complexity,plate_ready_date,human_only,status
                EP101_900_0010,EP101,0,roto,2,2027-02-30,yes,wtg
                EP101_900_0020,,48,roto,seven,,maybe,lost
                bad code,EP101,48,roto,2,,,
                """);

        assertThat(problems).extracting(p -> p.line() + ":" + p.field()).containsExactly("2:frame_count",
                "2:plate_ready_date", "3:episode", "3:complexity", "3:human_only", "3:status", "4:code");
        assertThat(problems.get(1).message()).isEqualTo("expected a date as YYYY-MM-DD, got '2027-02-30'");
        assertThat(problems.get(5).message()).startsWith("unknown status 'lost'; expected one of NOT_STARTED, IN_PROGRESS");
    }

    @Test
    void cutInAndOutMustAgreeWithTheDuration() {
        assertThat(problems("code,episode,sg_cut_in,sg_cut_out,sg_cut_duration,work_type,complexity\n"
                + "EP101_900_0010,EP101,1001,1096,95,roto,2\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("frame count 95 disagrees with cut out − cut in + 1 = 96"));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, HEADER + "EP101_900_0010,EP101,48,roto,2,\n".repeat(100));

        ImportProblems problems = catchThrowableOfType(ImportProblems.class,
                () -> new ShotListCsvReader(new ImportLimits(1000, 100)).read(big, NEW_SHOTS));

        assertThat(problems.problems()).singleElement().isEqualTo(Problem.ofFile("big.csv",
                "is larger than the limit of 1000 bytes per file; split it or raise shotplan.import.max-file-bytes"));
    }

    @Test
    void aStreamLargerThanTheLimitIsCutOffWhileReading() {
        byte[] content = (HEADER + "EP101_900_0010,EP101,48,roto,2,\n".repeat(100)).getBytes(StandardCharsets.UTF_8);

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShotListCsvReader(
                new ImportLimits(1000, 100)).read(Source.of("upload.csv", new java.io.ByteArrayInputStream(content)), NEW_SHOTS));

        assertThat(problems.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("is larger than"));
    }

    @Test
    void frameCountsAndPlatesBeyondTheLimitsAreProblemsAtTheirCells() {
        List<Problem> problems = problems("""
                code,episode,frame_count,resolution,work_type,complexity
                EP101_900_0010,EP101,2147483647,HD,roto,2
                EP101_900_0020,EP101,100001,16385x1080,roto,2
                EP101_900_0030,EP101,100000,16384x16384,roto,2
                """);

        assertThat(problems).containsExactly(
                new Problem("shots.csv", 2, 3, "frame_count", "2147483647 frames is more than the limit of 100000 per shot"
                        + " (shotplan.import.max-frames-per-shot); split the shot or fix the count"),
                new Problem("shots.csv", 3, 3, "frame_count", "100001 frames is more than the limit of 100000 per shot"
                        + " (shotplan.import.max-frames-per-shot); split the shot or fix the count"),
                new Problem("shots.csv", 3, 4, "resolution", "plate 16385x1080 is larger than the limit of 16384 pixels"
                        + " per side (shotplan.import.max-resolution-side)"));
    }

    @Test
    void theShotLimitsAreConfigurable() {
        ImportLimits small = new ImportLimits(1 << 20, 100, 50, 2048);
        String csv = HEADER.replace("complexity,", "complexity,resolution,") + "EP101_900_0010,EP101,96,roto,2,4K,\n";

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShotListCsvReader(small)
                .read(Source.of("shots.csv", csv.getBytes(StandardCharsets.UTF_8)), NEW_SHOTS));

        assertThat(problems.problems()).extracting(Problem::field).containsExactly("frame_count", "resolution");
        assertThat(problems.problems()).extracting(Problem::message).allMatch(m -> m.contains("limit of 50 per shot")
                || m.contains("limit of 2048 pixels"));
    }

    @Test
    void moreShotsThanTheLimitIsOneClearProblem() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 11; i++) {
            csv.append("EP101_900_").append(1000 + i).append(",EP101,48,roto,2,\n");
        }

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShotListCsvReader(
                new ImportLimits(1 << 20, 10)).read(Source.of("shots.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), NEW_SHOTS));

        assertThat(problems.problems()).singleElement().isEqualTo(new Problem("shots.csv", 12, 0, "",
                "more than 10 shots; the limit is 10 per file (shotplan.import.max-rows)"));
    }

    @Test
    void textThatIsNotUtf8IsReportedNotGuessed() {
        byte[] latin1 = (HEADER + "EP101_900_0010,EP101,48,roto,2,\n").replace("roto,2,", "roto,2,")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(latin1, latin1.length + 1);
        withBadByte[latin1.length] = (byte) 0xE9;

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShotListCsvReader()
                .read(Source.of("excel.csv", withBadByte), NEW_SHOTS));

        assertThat(problems.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("is not UTF-8 text"));
    }

    @Test
    void theWritersOutputReadsBackToTheSameShots() throws Exception {
        StringWriter out = new StringWriter();
        new ShotListCsvWriter().write(SEASON.shots(), out);

        List<Shot> again = read(out.toString());

        // hand bids live in estimates.csv, not in the shot list
        assertThat(again).isEqualTo(SEASON.shots().stream().map(s -> s.withEstimateOverrides(List.of())).toList());
    }

    @Test
    void textThatWouldRunAsAFormulaIsExportedInertAndImportsBackAsItWas() throws Exception {
        Shot plain = SEASON.shots().getFirst().withEstimateOverrides(List.of());
        List<String> formulas = List.of("=HYPERLINK(\"http://x.test\",\"notes\")", "+1+1", "-2+3+cmd|' /C calc'!A0",
                "@SUM(A1)", "\t=1", "'=already quoted", "- a dash in words", "'plain quote", "=");
        List<Shot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            shots.add(new Shot(plain.code() + "_F" + i, plain.episode(), plain.sequence(), formulas.get(i),
                    plain.frameCount(), plain.fps(), plain.resolution(), plain.workType(), plain.complexity(),
                    false, false, false, plain.plateReadyDate(), plain.status(), List.of(),
                    Map.of("=vendor", formulas.get(i))));
        }
        StringWriter out = new StringWriter();

        new ShotListCsvWriter().write(shots, out);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(out.toString())).getRecords();
        assertThat(rows.getFirst().getParser().getHeaderNames()).contains("'=vendor");
        assertThat(rows).allSatisfy(r -> assertThat(List.of(r.get("description"), r.get("'=vendor")))
                .allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t")));
        assertThat(rows).extracting(r -> r.get("description")).startsWith("'=HYPERLINK(\"http://x.test\",\"notes\")",
                "'+1+1", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", "'\t=1", "''=already quoted", "'- a dash in words",
                "'plain quote");
        // cells are trimmed on import, so a leading tab reads back without it
        assertThat(read(out.toString())).extracting(Shot::description).containsExactly("=HYPERLINK(\"http://x.test\",\"notes\")",
                "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "=1", "'=already quoted", "- a dash in words", "'plain quote", "=");
        assertThat(read(out.toString())).extracting(s -> s.notes().get("=vendor")).containsExactly(
                "=HYPERLINK(\"http://x.test\",\"notes\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "=1",
                "'=already quoted", "- a dash in words", "'plain quote", "=");
    }

    @Test
    void theReadmeShowsTheHeaderTableTheReaderUses() throws Exception {
        assertThat(Files.readString(Path.of("../README.md"))).contains(ShotColumn.markdownTable());
    }
}
