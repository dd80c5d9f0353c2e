package io.shotplan.reporting.export;

import java.util.Locale;

/** The forms a report is written in. */
public enum ReportFormat {
    /** The report as a JSON document, the same the REST API returns. */
    JSON("json"),
    /** Every figure as one row (show, episode, table, row, column, value, unit), for accounting imports. */
    CSV("csv"),
    /** A summary sheet and one sheet per episode, numbers as numbers with currency formats. */
    XLSX("xlsx"),
    /** One PDF per episode, with its tables and two charts, for finance sign-off. */
    PDF("pdf");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format named (any case), e.g. from {@code --format pdf}. */
    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown report format '" + name + "': use json, csv, xlsx or pdf", e);
        }
    }

    /** The writer of this format. */
    public ReportWriter writer() {
        return switch (this) {
            case JSON -> new JsonReportWriter();
            case CSV -> new CsvReportWriter();
            case XLSX -> new XlsxReportWriter();
            case PDF -> new PdfReportWriter();
        };
    }
}
