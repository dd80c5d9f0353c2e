package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.export.ReportTable.Column;
import io.shotplan.reporting.export.ReportTable.Section;
import io.shotplan.show.io.CsvFormulas;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one long CSV table for accounting imports: one row per figure, with columns
 * {@code show, episode, table, row, column, value, unit}. {@code episode} is SUMMARY for show-wide tables; numbers are
 * plain decimals ({@code 3500.00}, no grouping); {@code unit} is the currency code for money, else quantity, ratio,
 * count, date or text. A figure the report has no value for (a variance to baseline before one is locked) has its
 * row with an empty value. Text that would run as a formula in a spreadsheet (a GPU type or model name starting with
 * {@code =}, {@code +}, {@code -} or {@code @}) is written with a leading {@code '} ({@link CsvFormulas}); numbers,
 * negative ones included, stay numbers.
 */
public final class CsvReportWriter implements ReportWriter {

    public static final List<String> HEADER = List.of("show", "episode", "table", "row", "column", "value", "unit");

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public List<Path> write(ShowReport report, Path folder) throws IOException {
        return ReportWriter.writeOneFile(report, format(), folder,
                out -> write(report, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))));
    }

    public void write(ShowReport report, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (Section section : ReportTables.of(report)) {
                for (ReportTable table : section.tables()) {
                    for (List<Object> row : table.rows()) {
                        String label = String.valueOf(row.getFirst());
                        for (int c = 1; c < row.size(); c++) {
                            Object value = row.get(c);
                            if (value == null) {
                                continue;
                            }
                            Column column = table.columns().get(c);
                            csv.printRecord(text(report.show().code()), text(section.key()), text(table.title()),
                                    text(label), text(column.name()),
                                    switch (value) {
                                        case BigDecimal number -> number.toPlainString();
                                        case Number number -> number.toString();
                                        case ReportTable.NoFigure none -> "";
                                        default -> text(value.toString());
                                    },
                                    unit(column, report.show().currency()));
                        }
                    }
                }
            }
        }
    }

    /** Text as finance's spreadsheet must show it: never run as a formula (numbers are written as they are). */
    private static String text(String value) {
        return CsvFormulas.neutralise(value);
    }

    private static String unit(Column column, String currency) {
        return column.kind() == ReportTable.Kind.MONEY ? currency : column.kind().name().toLowerCase();
    }
}
