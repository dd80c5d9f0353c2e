package io.shotplan.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.SmallShow;
import io.shotplan.sql.Database;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The hand-computed show in every form, read back: CSV parsed, XLSX cells read with POI, PDF text extracted with
 * PDFBox, JSON parsed; the figures are checked in each and the forms are checked to agree to the cent.
 */
class ReportFormsTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void everyFormHoldsTheHandComputedFiguresAndTheyAgree(Supplier<Database> databases) throws IOException {
        ShowReport report;
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
        }
        Map<ReportFormat, List<Path>> files = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            files.put(format, format.writer().write(report, folder));
        }
        assertThat(files.get(ReportFormat.PDF)).extracting(p -> p.getFileName().toString())
                .containsExactly("TINY-EP1.pdf", "TINY-EP2.pdf", "TINY-EP3.pdf");

        Map<Key, Value> csv = readCsv(files.get(ReportFormat.CSV).getFirst());
        assertHandComputed(csv);

        Map<Key, Value> xlsx = readXlsx(files.get(ReportFormat.XLSX).getFirst());
        assertHandComputed(xlsx);

        // CSV and XLSX hold the same cells, numbers equal to the cent
        assertThat(xlsx.keySet()).containsExactlyInAnyOrderElementsOf(csv.keySet());
        csv.forEach((key, value) -> {
            if (value.number().isPresent()) {
                assertThat(xlsx.get(key).number()).as(key.toString()).isPresent();
                assertThat(xlsx.get(key).number().get()).as(key.toString())
                        .isEqualByComparingTo(value.number().get());
            } else {
                assertThat(xlsx.get(key).text()).as(key.toString()).isEqualTo(value.text());
            }
        });

        // JSON: every figure of the show and of each episode equals the CSV's
        JsonNode json = JsonReportWriter.MAPPER.rebuild()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(files.get(ReportFormat.JSON).getFirst().toFile());
        assertThat(Files.readString(files.get(ReportFormat.JSON).getFirst())).contains("\"eac\" : 8475.26");
        assertThat(json.at("/total/figures/eac").decimalValue()).isEqualByComparingTo("8475.26");
        assertFiguresAgree(json.at("/total/figures"), csv, ReportTables.SUMMARY);
        for (JsonNode episode : json.get("episodes")) {
            String code = episode.get("code").asString();
            assertFiguresAgree(episode.at("/breakdown/figures"), csv, code);
            for (JsonNode line : episode.at("/breakdown/byMode")) {
                assertThat(line.get("eac").decimalValue()).as(code + " " + line.get("key"))
                        .isEqualByComparingTo(csv.get(new Key(code, ReportTables.BY_MODE, line.get("label").asString(),
                                "EAC")).number().orElseThrow());
            }
        }
        assertThat(json.at("/episodes/0/corrections/1/reversesId").asLong())
                .isEqualTo(json.at("/episodes/0/corrections/0/id").asLong());

        // PDF: each episode's tables read back from the text, row by row, equal the CSV's
        for (Path pdf : files.get(ReportFormat.PDF)) {
            String code = pdf.getFileName().toString().replace("TINY-", "").replace(".pdf", "");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Tiny Show (TINY) - episode " + code, "as of 2026-02-16",
                        "amounts in USD", "Baseline plan: v1 (locked 2026-01-02); current plan: v2");
                for (String table : List.of(ReportTables.FIGURES, ReportTables.BY_MODE, ReportTables.BY_DISCIPLINE,
                        ReportTables.MODES, ReportTables.BY_SOURCE, ReportTables.DRIVERS)) {
                    assertPdfTableAgrees(text, csv, code, table);
                }
                int images = 0;
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getXObjectNames()) {
                        images += page.getResources().isImageXObject(name) ? 1 : 0;
                    }
                }
                assertThat(images).as("cost charts and burn chart").isEqualTo(3);
                if (code.equals("EP1")) {
                    assertThat(text).contains("Estimate at completion (EAC) 3,500.00",
                            "Variance to baseline 1,400.00", "AI share of cost 26.47%",
                            "REVERSAL 1 -150.00", "Savings vs all-traditional 2,300.00");
                }
                if (code.equals("EP3")) {
                    assertThat(text).contains("Budget 5,000.00", "Current plan cost 1,850.00",
                            "Estimate at completion (EAC) 1,850.01");
                }
            }
        }
    }

    /**
     * Before a baseline is locked, variance to baseline is blank in every form (not a variance against zero, which
     * would be -3,500.00 for EP1): JSON null, an empty CSV value, an empty XLSX cell, a dash in the PDF.
     */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void varianceToBaselineIsBlankInEveryFormBeforeABaselineIsLocked(Supplier<Database> databases)
            throws IOException {
        ShowReport report;
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            SmallShow.unlockBaseline(db.dsl());
            report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
        }
        Map<ReportFormat, List<Path>> files = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            files.put(format, format.writer().write(report, folder));
        }

        Map<Key, Value> csv = readCsv(files.get(ReportFormat.CSV).getFirst());
        Map<Key, Value> xlsx = readXlsx(files.get(ReportFormat.XLSX).getFirst());
        for (Map<Key, Value> form : List.of(csv, xlsx)) {
            for (String section : List.of(ReportTables.SUMMARY, "EP1", "EP2", "EP3")) {
                Value variance = form.get(new Key(section, ReportTables.FIGURES, "Variance to baseline", "Amount"));
                assertThat(variance).as(section).isNotNull();
                assertThat(variance.text()).as(section).isEmpty();
            }
            assertThat(form.entrySet().stream().filter(cell -> cell.getKey().column().equals("Var. baseline")))
                    .as("every Var. baseline cell").hasSizeGreaterThan(10)
                    .allSatisfy(cell -> assertThat(cell.getValue().text()).as(cell.getKey().toString()).isEmpty());
            assertThat(money(form, "EP1", ReportTables.FIGURES, "Estimate at completion (EAC)", "Amount"))
                    .isEqualByComparingTo("3500.00");
        }

        JsonNode json = JsonReportWriter.MAPPER.readTree(files.get(ReportFormat.JSON).getFirst().toFile());
        assertThat(json.at("/total/figures/varianceToBaseline").isNull()).isTrue();
        assertThat(json.at("/unallocated/varianceToBaseline").isNull()).isTrue();
        for (JsonNode episode : json.get("episodes")) {
            assertThat(episode.at("/breakdown/figures/varianceToBaseline").isNull()).isTrue();
            for (String lines : List.of("/breakdown/byMode", "/breakdown/byDiscipline", "/drivers")) {
                assertThat(episode.at(lines)).allSatisfy(line -> assertThat(line.get("varianceToBaseline").isNull())
                        .as(episode.get("code") + lines).isTrue());
            }
        }
        assertThat(json.at("/episodes/0/drivers")).isNotEmpty();

        try (PDDocument document = Loader.loadPDF(files.get(ReportFormat.PDF).getFirst().toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Baseline plan: none locked", "Variance to baseline " + DisplayFormat.NO_FIGURE,
                    "Estimate at completion (EAC) 3,500.00");
            assertThat(text).doesNotContain("-3,500.00");
        }
    }

    private static void assertHandComputed(Map<Key, Value> form) {
        assertThat(money(form, ReportTables.SUMMARY, ReportTables.FIGURES, "Actuals to date", "Amount"))
                .isEqualByComparingTo("3885.77");
        assertThat(money(form, ReportTables.SUMMARY, ReportTables.EPISODES, "Total", "EAC"))
                .isEqualByComparingTo("8475.26");
        assertThat(money(form, ReportTables.SUMMARY, ReportTables.EPISODES, "Ledger rows without a shot", "Actual"))
                .isEqualByComparingTo("75.00");
        assertThat(money(form, "EP1", ReportTables.FIGURES, "Estimate at completion (EAC)", "Amount"))
                .isEqualByComparingTo("3500.00");
        assertThat(money(form, "EP1", ReportTables.BY_SOURCE, "REVERSAL", "Amount")).isEqualByComparingTo("-150.00");
        assertThat(money(form, "EP1", ReportTables.BY_DISCIPLINE, "Compositing", "EAC")).isEqualByComparingTo("2600.00");
        assertThat(money(form, "EP2", ReportTables.FIGURES, "Variance to baseline", "Amount"))
                .isEqualByComparingTo("49.75");
        assertThat(money(form, "EP2", ReportTables.SCHEDULE, "Slack to delivery (days)", "Days / count"))
                .isEqualByComparingTo("-3");
        assertThat(money(form, "EP3", ReportTables.FIGURES, "Current plan cost", "Amount"))
                .isEqualByComparingTo("1850.00");
        assertThat(money(form, "EP3", ReportTables.FIGURES, "AI share of cost", "Share"))
                .isEqualByComparingTo("0.2973");
        // both rows of the correction
        assertThat(form.keySet().stream().filter(k -> k.section().equals("EP1")
                && k.table().equals(ReportTables.CORRECTIONS) && k.column().equals("Amount")).count()).isEqualTo(2);
    }

    private static BigDecimal money(Map<Key, Value> form, String section, String table, String row, String column) {
        Value value = form.get(new Key(section, table, row, column));
        assertThat(value).as(section + "/" + table + "/" + row + "/" + column).isNotNull();
        return value.number().orElseThrow();
    }

    private static final Map<String, String> FIGURE_LABELS = Map.ofEntries(
            Map.entry("budget", "Budget"), Map.entry("contingency", "Contingency"),
            Map.entry("baselineCost", "Baseline cost"), Map.entry("plannedCost", "Current plan cost"),
            Map.entry("actualCost", "Actuals to date"), Map.entry("remainingCost", "Remaining plan"),
            Map.entry("eac", "Estimate at completion (EAC)"), Map.entry("varianceToBudget", "Variance to budget"),
            Map.entry("varianceToBudgetWithContingency", "Variance to budget with contingency"),
            Map.entry("varianceToBaseline", "Variance to baseline"),
            Map.entry("traditionalCost", "All-traditional cost"), Map.entry("savings", "Savings vs all-traditional"));

    private static void assertFiguresAgree(JsonNode figures, Map<Key, Value> csv, String section) {
        FIGURE_LABELS.forEach((field, label) -> assertThat(figures.get(field).decimalValue())
                .as(section + " " + field)
                .isEqualTo(csv.get(new Key(section, ReportTables.FIGURES, label, "Amount")).number().orElseThrow()));
        assertThat(figures.get("aiShareOfCost").decimalValue()).isEqualTo(
                csv.get(new Key(section, ReportTables.FIGURES, "AI share of cost", "Share")).number().orElseThrow());
    }

    /** The line after the table's title that starts with each row label holds the row's CSV values, formatted. */
    private static void assertPdfTableAgrees(String text, Map<Key, Value> csv, String section, String table) {
        List<String> lines = Arrays.asList(text.split("\\R"));
        int start = lines.indexOf(table);
        assertThat(start).as(section + " " + table).isNotNegative();
        Map<String, List<Map.Entry<Key, Value>>> rows = new LinkedHashMap<>();
        csv.entrySet().stream().filter(e -> e.getKey().section().equals(section) && e.getKey().table().equals(table))
                .forEach(e -> rows.computeIfAbsent(e.getKey().row(), r -> new ArrayList<>()).add(e));
        assertThat(rows).as(section + " " + table).isNotEmpty();
        rows.forEach((label, cells) -> {
            String line = lines.subList(start, lines.size()).stream().filter(l -> l.startsWith(label + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(section + " " + table + ": no line " + label));
            for (Map.Entry<Key, Value> cell : cells) {
                String shown = cell.getValue().number()
                        .map(n -> cell.getValue().unit().equals("ratio")
                                ? n.movePointRight(2).toPlainString() + "%" : DisplayFormat.grouped(n))
                        .orElse(cell.getValue().text());
                assertThat(line).as(section + " " + table + " " + label + " " + cell.getKey().column()).contains(shown);
            }
        });
    }

    record Key(String section, String table, String row, String column) {
    }

    /** A cell as read back: its number if it is one, else its text. */
    record Value(Optional<BigDecimal> number, String text, String unit) {
    }

    private static Map<Key, Value> readCsv(Path file) throws IOException {
        Map<Key, Value> cells = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String unit = r.get("unit");
                boolean numeric = !unit.equals("text") && !unit.equals("date") && !r.get("value").isEmpty();
                Value previous = cells.put(new Key(r.get("episode"), r.get("table"), r.get("row"), r.get("column")),
                        new Value(numeric ? Optional.of(new BigDecimal(r.get("value"))) : Optional.empty(),
                                r.get("value"), unit));
                assertThat(previous).as("one value per cell: " + r).isNull();
            }
        }
        return cells;
    }

    /** Sheets back into cells: a bold title row, a header row, rows until a blank row. */
    private static Map<Key, Value> readXlsx(Path file) throws IOException {
        Map<Key, Value> cells = new HashMap<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(XlsxReportWriter.SUMMARY_SHEET);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            for (Sheet sheet : workbook) {
                String section = sheet.getSheetName().equals(XlsxReportWriter.SUMMARY_SHEET)
                        ? ReportTables.SUMMARY : sheet.getSheetName();
                int r = 2;
                while (r <= sheet.getLastRowNum()) {
                    String table = sheet.getRow(r).getCell(0).getStringCellValue();
                    Row header = sheet.getRow(r + 1);
                    r += 2;
                    for (; sheet.getRow(r) != null; r++) {
                        Row row = sheet.getRow(r);
                        String label = row.getCell(0).getStringCellValue();
                        for (int c = 1; c < header.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            if (cell == null) {
                                continue;
                            }
                            String column = header.getCell(c).getStringCellValue();
                            cells.put(new Key(section, table, label, column), read(cell));
                        }
                    }
                    r++;
                }
            }
            Cell eac = workbook.getSheet("EP1").getRow(2 + 2 + 6).getCell(1);
            assertThat(eac.getCellStyle().getDataFormatString()).contains("\"$\"#,##0.00");
        }
        return cells;
    }

    private static Value read(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                String date = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                return new Value(Optional.empty(), date, "date");
            }
            return new Value(Optional.of(BigDecimal.valueOf(cell.getNumericCellValue())),
                    String.valueOf(cell.getNumericCellValue()), "number");
        }
        return new Value(Optional.empty(), cell.getStringCellValue(), "text");
    }
}
