package io.shotplan.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.plan.PlanStore;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.plan.shot.PlanRequest;
import io.shotplan.plan.shot.PlannedShot;
import io.shotplan.plan.shot.ShowPlan;
import io.shotplan.plan.shot.ShowPlanner;
import io.shotplan.show.Show;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.Source;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The plan out as an Excel bid sheet, a supervisor's edit, the sheet back in, and the next plan priced by it. */
class BidSheetTest {

    /** Human-only: always traditional, so its plan item shows the traditional artist-days. */
    static final String SHOT = "EP101_040_0050";

    @Test
    void aBidSheetRoundTripsAndTheNextPlanPricesTheEditedCell() throws IOException {
        try (var f = ImportServiceTest.Fixture.of(TestDatabases::h2)) {
            Database db = f.db();
            ShowRepository shows = new ShowRepository(db.dsl());
            long showId = shows.findId("NVB").orElseThrow();
            PlanRequest quick = PlanRequest.of(Duration.ofMinutes(1)).withMoveLimit(500).withSeed(3);
            Show show = shows.load(showId);
            ShowPlan first = ShowPlanner.plan(show, quick);
            new PlanStore(db.dsl(), new AuditLog(db.dsl())).save(showId, null, show, first, "maria", false);
            ByteArrayOutputStream exported = new ByteArrayOutputStream();
            new BidSheetExport(db.dsl(), new ShotQueries(db.dsl())).write("NVB", exported);

            byte[] edited;
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported.toByteArray()))) {
                Sheet sheet = book.getSheet(BidSheet.SHEET);
                Row header = sheet.getRow(0);
                assertThat(header.getCell(0).getStringCellValue()).isEqualTo("shot");
                int comp = column(header, "comp");
                Row row = row(sheet, SHOT);
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo("TRADITIONAL");
                assertThat(BigDecimal.valueOf(row.getCell(comp).getNumericCellValue())).isEqualByComparingTo(
                        first.shots().stream().filter(s -> s.shotCode().equals(SHOT)).findFirst().orElseThrow()
                                .artistDays().get("comp"));
                row.getCell(comp).setCellValue(9.5);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                book.write(out);
                edited = out.toByteArray();
            }

            ImportResult result = f.imports().importEstimates("NVB", Source.of("NVB-bid-sheet.xlsx", edited));

            assertThat(result.shotsAdded()).as("every shot of the sheet gets the sheet's bids").hasSize(424);
            ShowPlan next = ShowPlanner.plan(shows.load(showId), quick);
            PlannedShot priced = next.shots().stream().filter(s -> s.shotCode().equals(SHOT)).findFirst().orElseThrow();
            assertThat(priced.artistDays().get("comp")).isEqualByComparingTo("9.5");
            assertThat(priced.costByDiscipline().get("comp")).isEqualByComparingTo("5890"); // 9.5 days at 620
            PlannedShot untouched = next.shots().stream().filter(s -> s.shotCode().equals("EP101_010_0010")).findFirst()
                    .orElseThrow();
            PlannedShot before = first.shots().stream().filter(s -> s.shotCode().equals("EP101_010_0010")).findFirst()
                    .orElseThrow();
            if (untouched.modeLabel().equals(before.modeLabel())) {
                assertThat(untouched.cost()).as("an unedited row prices as before").isEqualByComparingTo(before.cost());
            }
        }
    }

    @Test
    void aBadSheetNamesItsSheetRowAndColumnAndWritesNothing() throws IOException {
        try (var f = ImportServiceTest.Fixture.of(TestDatabases::h2)) {
            byte[] sheet;
            try (XSSFWorkbook book = new XSSFWorkbook()) {
                Sheet bids = book.createSheet("Bids");
                cells(bids.createRow(0), "Shot", "Roto", "Compositing", "GPU hours", "AI mode");
                cells(bids.createRow(1), "EP101_030_0060", "3", "2.5", "", "");
                cells(bids.createRow(3), "EP101_999_0010", "1", "", "", "");
                cells(bids.createRow(4), "EP101_030_0060", "lots", "", "", "");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                book.write(out);
                sheet = out.toByteArray();
            }
            var before = ImportServiceTest.snapshot(f.dsl());

            List<Problem> problems = catchThrowableOfType(ImportProblems.class,
                    () -> f.imports().importEstimates("NVB", Source.of("bids.xlsx", sheet))).problems();

            assertThat(problems).extracting(Problem::file, Problem::line, Problem::column, Problem::field)
                    .containsExactly(tuple("bids.xlsx sheet 'Bids'", 4, 1, "Shot"), tuple("bids.xlsx sheet 'Bids'", 5, 2, "roto"));
            assertThat(problems.getFirst().message()).startsWith("unknown shot 'EP101_999_0010'");
            assertThat(ImportServiceTest.snapshot(f.dsl())).isEqualTo(before);
        }
    }

    static void cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    static int column(Row header, String name) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (header.getCell(c).getStringCellValue().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    static Row row(Sheet sheet, String shot) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(shot)) {
                return row;
            }
        }
        throw new AssertionError("no row " + shot);
    }
}
