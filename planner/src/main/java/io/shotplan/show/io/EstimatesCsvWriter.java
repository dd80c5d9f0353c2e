package io.shotplan.show.io;

import io.shotplan.show.EstimateOverride;
import io.shotplan.show.Shot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the shots' hand bids as {@code estimates.csv}, one line per bid; {@link EstimatesCsvReader} reads it back. */
public final class EstimatesCsvWriter {

    public void write(List<Shot> shots, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord((Object[]) EstimatesCsvReader.HEADER.split(","));
            for (Shot shot : shots) {
                for (EstimateOverride bid : shot.estimateOverrides()) {
                    printer.printRecord(switch (bid) {
                        case EstimateOverride.ArtistDays a -> List.of(text(shot.code()), text(a.mode()), text(a.discipline()),
                                plain(a.days()), "", "", "");
                        case EstimateOverride.GpuHours g -> List.of(text(shot.code()), text(g.mode()), "", "", plain(g.hours()),
                                "", "");
                        case EstimateOverride.VendorCost v -> List.of(text(shot.code()), text(v.mode()), "", "", "",
                                plain(v.amount()), v.currency());
                    });
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Codes are checked to start with a letter or digit today; written inert all the same, as every CSV text cell. */
    private static String text(String code) {
        return CsvFormulas.neutralise(code);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
