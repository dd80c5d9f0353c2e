package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.export.ReportTable.Column;
import io.shotplan.reporting.export.ReportTable.Section;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as a workbook: a "Summary" sheet and one sheet per episode (named by its code). Each sheet stacks its
 * tables: a bold title row, a bold header row, the rows, a blank row. Money cells are numbers with the currency's
 * format (e.g. {@code "$"#,##0.00}), days and hours numbers with two decimals, shares percentages, dates dates.
 */
public final class XlsxReportWriter implements ReportWriter {

    public static final String SUMMARY_SHEET = "Summary";

    private static final int ROWS_IN_MEMORY = 200;

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public List<Path> write(ShowReport report, Path folder) throws IOException {
        return ReportWriter.writeOneFile(report, format(), folder, out -> write(report, out));
    }

    public void write(ShowReport report, OutputStream out) throws IOException {
        // streaming: rows go to temporary files as they are written, so a show of 10,000 shots stays small in memory
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Styles styles = new Styles(workbook, report.show().currency());
            for (Section section : ReportTables.of(report)) {
                String name = ReportTables.SUMMARY.equals(section.key()) ? SUMMARY_SHEET : section.key();
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
                fill(sheet, section, styles);
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void fill(Sheet sheet, Section section, Styles styles) {
        int r = 0;
        Cell heading = sheet.createRow(r++).createCell(0);
        heading.setCellValue(section.title());
        heading.setCellStyle(styles.bold);
        r++;
        int widest = 1;
        for (ReportTable table : section.tables()) {
            Cell title = sheet.createRow(r++).createCell(0);
            title.setCellValue(table.title());
            title.setCellStyle(styles.bold);
            Row header = sheet.createRow(r++);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.columns().get(c).name());
                cell.setCellStyle(styles.bold);
            }
            widest = Math.max(widest, table.columns().size());
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    put(row, c, values.get(c), table.columns().get(c), styles);
                }
            }
            r++;
        }
        sheet.setColumnWidth(0, 38 * 256);
        for (int c = 1; c < widest; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    private static void put(Row row, int column, Object value, Column kind, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case BigDecimal number -> {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(styles.of(kind.kind()));
            }
            case Long count -> {
                cell.setCellValue(count);
                cell.setCellStyle(styles.of(ReportTable.Kind.COUNT));
            }
            case LocalDate date -> {
                cell.setCellValue(date);
                cell.setCellStyle(styles.of(ReportTable.Kind.DATE));
            }
            case ReportTable.NoFigure none -> cell.setBlank();
            default -> cell.setCellValue(value.toString());
        }
    }

    /** One cell style per kind of column. */
    private static final class Styles {

        final CellStyle bold;
        private final Map<ReportTable.Kind, CellStyle> byKind = new EnumMap<>(ReportTable.Kind.class);

        Styles(Workbook workbook, String currencyCode) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            var formats = workbook.createDataFormat();
            byKind.put(ReportTable.Kind.MONEY, style(workbook, formats.getFormat(currencyFormat(currencyCode))));
            byKind.put(ReportTable.Kind.QUANTITY, style(workbook, formats.getFormat("#,##0.00")));
            byKind.put(ReportTable.Kind.RATIO, style(workbook, formats.getFormat("0.00%")));
            byKind.put(ReportTable.Kind.COUNT, style(workbook, formats.getFormat("0")));
            byKind.put(ReportTable.Kind.DATE, style(workbook, formats.getFormat("yyyy-mm-dd")));
            byKind.put(ReportTable.Kind.TEXT, workbook.createCellStyle());
        }

        CellStyle of(ReportTable.Kind kind) {
            return byKind.get(kind);
        }

        private static CellStyle style(Workbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            return style;
        }

        /** e.g. {@code "$"#,##0.00;-"$"#,##0.00} for USD, {@code "¥"#,##0;-"¥"#,##0} for JPY. */
        static String currencyFormat(String code) {
            Currency currency = Currency.getInstance(code);
            String symbol = currency.getSymbol(Locale.US).replace("\"", "");
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            String number = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
            String positive = "\"" + symbol + "\"" + number;
            return positive + ";-" + positive;
        }
    }
}
