package io.shotplan.reporting.export;

import io.shotplan.reporting.ShowReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON: the {@link ShowReport} records as they are, money as plain decimal numbers with the currency's
 * scale (e.g. {@code 3500.00}), dates as ISO strings, absent values as null. The REST API should serialise with
 * {@link #MAPPER}'s settings (plain BigDecimals) to return the same document.
 */
public final class JsonReportWriter implements ReportWriter {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public List<Path> write(ShowReport report, Path folder) throws IOException {
        return ReportWriter.writeOneFile(report, format(), folder, out -> write(report, out));
    }

    public void write(ShowReport report, OutputStream out) {
        MAPPER.writeValue(out, report);
    }
}
