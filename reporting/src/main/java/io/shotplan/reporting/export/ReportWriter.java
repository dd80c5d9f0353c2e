package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link ShowReport} in one {@link ReportFormat}. Writers only format: every figure comes rounded. */
public sealed interface ReportWriter permits JsonReportWriter, CsvReportWriter, XlsxReportWriter, PdfReportWriter {

    ReportFormat format();

    /**
     * Writes the report into the folder (created if missing) and returns the files written: one PDF per episode,
     * one file otherwise, named after the show (and episode).
     */
    List<Path> write(ShowReport report, Path folder) throws IOException;

    /** Writes one file, named after the show, whose content {@code body} streams: the JSON, CSV and XLSX forms. */
    static List<Path> writeOneFile(ShowReport report, ReportFormat format, Path folder, Body body) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName(report, format));
        try (OutputStream out = Files.newOutputStream(file)) {
            body.writeTo(out);
        }
        return List.of(file);
    }

    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file name made of the show code and parts, safe on every file system. */
    static String fileName(ShowReport report, ReportFormat format, String... parts) {
        StringBuilder name = new StringBuilder(report.show().code());
        for (String part : parts) {
            name.append('-').append(part);
        }
        return name.toString().replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    }
}
