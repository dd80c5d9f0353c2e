package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.export.ReportTable.Column;
import io.shotplan.reporting.export.ReportTable.Section;
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
 * row with an empty value.
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
                            csv.printRecord(report.show().code(), section.key(), table.title(), label, column.name(),
                                    switch (value) {
                                        case BigDecimal number -> number.toPlainString();
                                        case ReportTable.NoFigure none -> "";
                                        default -> value.toString();
                                    },
                                    unit(column, report.show().currency()));
                        }
                    }
                }
            }
        }
    }

    private static String unit(Column column, String currency) {
        return column.kind() == ReportTable.Kind.MONEY ? currency : column.kind().name().toLowerCase();
    }
}
