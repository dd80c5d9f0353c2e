package io.shotplan.app.report;

import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.export.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.MediaType;

/** A report written by the reporting module's writer, as one file to download: several files come as a zip. */
record ReportDownload(String fileName, MediaType mediaType, byte[] bytes) {

    static ReportDownload write(ShowReport report, ReportFormat format) throws IOException {
        Path folder = Files.createTempDirectory("shotplan-report-");
        try {
            List<Path> files = format.writer().write(report, folder);
            if (files.size() == 1) {
                Path file = files.getFirst();
                return new ReportDownload(file.getFileName().toString(), mediaType(format), Files.readAllBytes(file));
            }
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return new ReportDownload(report.show().code() + "-" + format.extension() + ".zip",
                    MediaType.parseMediaType("application/zip"), zipped.toByteArray());
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static MediaType mediaType(ReportFormat format) {
        return switch (format) {
            case JSON -> MediaType.APPLICATION_JSON;
            case CSV -> MediaType.parseMediaType("text/csv");
            case XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case PDF -> MediaType.APPLICATION_PDF;
        };
    }
}
