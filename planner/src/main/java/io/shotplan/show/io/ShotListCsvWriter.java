package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a shot list CSV with shotplan's own headers (the first of each {@link ShotColumn}), then one column per
 * note key; {@link ShotListCsvReader} reads it back to the same shots. Text that a spreadsheet would run as a
 * formula (a description or note starting with {@code =}) is written inert ({@link CsvFormulas}).
 */
public final class ShotListCsvWriter {

    public void write(List<Shot> shots, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(shots, out);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    public void write(List<Shot> shots, Writer out) throws IOException {
        List<ShotColumn> fields = Arrays.stream(ShotColumn.values())
                .filter(c -> c != ShotColumn.CUT_IN && c != ShotColumn.CUT_OUT).toList();
        Set<String> noteKeys = new LinkedHashSet<>();
        shots.forEach(s -> noteKeys.addAll(s.notes().keySet()));
        List<String> header = new ArrayList<>(fields.stream().map(ShotColumn::header).toList());
        header.addAll(noteKeys);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        printer.printRecord(header.stream().map(CsvFormulas::neutralise).toList());
        for (Shot shot : shots) {
            List<String> row = new ArrayList<>(header.size());
            for (ShotColumn field : fields) {
                row.add(CsvFormulas.neutralise(value(shot, field)));
            }
            noteKeys.forEach(key -> row.add(CsvFormulas.neutralise(shot.notes().getOrDefault(key, ""))));
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static String value(Shot shot, ShotColumn field) {
        return switch (field) {
            case CODE -> shot.code();
            case EPISODE -> shot.episode();
            case SEQUENCE -> nullToEmpty(shot.sequence());
            case DESCRIPTION -> nullToEmpty(shot.description());
            case FRAME_COUNT -> String.valueOf(shot.frameCount());
            case CUT_IN, CUT_OUT -> "";
            case FPS -> plain(shot.fps());
            case RESOLUTION -> shot.resolution().toString();
            case WORK_TYPE -> shot.workType();
            case COMPLEXITY -> String.valueOf(shot.complexity());
            case PERFORMER_LIKENESS -> yesNo(shot.performerLikeness());
            case CONSENT_ON_FILE -> yesNo(shot.consentOnFile());
            case HUMAN_ONLY -> yesNo(shot.humanOnly());
            case PLATE_READY_DATE -> shot.plateReadyDate() == null ? "" : shot.plateReadyDate().toString();
            case STATUS -> shot.status().name();
            case DEPENDS_ON -> String.join(";", shot.dependsOn());
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
