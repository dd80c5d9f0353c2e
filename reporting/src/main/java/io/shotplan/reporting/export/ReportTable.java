package io.shotplan.reporting.export;

import java.util.List;

/**
 * One table of a report as every tabular form prints it: the CSV, the XLSX sheets and the PDF tables are all written
 * from these, so they show the same figures. The first column labels the row.
 *
 * @param rows values: {@code String}, {@code BigDecimal}, {@code Long}, {@code LocalDate}, {@link NoFigure} for a
 *             figure the report has no value for, or {@code null} where the column does not apply to the row
 */
public record ReportTable(String title, List<Column> columns, List<List<Object>> rows) {

    public ReportTable {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "' has " + columns.size()
                        + " columns but a row of " + row.size() + ": " + row);
            }
        }
    }

    /**
     * A figure without a value, such as a variance to baseline before a baseline is locked: an empty cell in the CSV
     * and the XLSX, a dash in print. Never zero, which would read as "on baseline".
     */
    public record NoFigure(String reason) {
        public static final NoFigure NO_BASELINE = new NoFigure("no baseline locked");
    }

    /** What a column holds, which decides how each form formats it. */
    public enum Kind {
        TEXT, MONEY, QUANTITY, RATIO, COUNT, DATE
    }

    public record Column(String name, Kind kind) {
    }

    /**
     * The tables of a summary or of one episode.
     *
     * @param key   "SUMMARY" or the episode code: the XLSX sheet name, the CSV's episode column
     * @param title what a heading says
     */
    public record Section(String key, String title, List<ReportTable> tables) {
    }
}
