package io.shotplan.show.io;

import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a shot list CSV with shotplan's own column names; columns it does not know are kept as notes. */
public final class ShotListCsvReader {

    private static final Set<String> KNOWN = Set.of("code", "episode", "sequence", "description", "frame_count", "fps",
            "resolution", "work_type", "complexity", "performer_likeness", "consent_on_file", "human_only",
            "plate_ready_date", "status", "depends_on");

    public List<Shot> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(reader)) {
            List<Shot> shots = new ArrayList<>();
            for (CSVRecord row : parser) {
                shots.add(toShot(row, parser.getHeaderNames()));
            }
            return shots;
        } catch (IOException e) {
            throw ShowFolderReader.unreadable(file, e);
        }
    }

    private static Shot toShot(CSVRecord row, List<String> headers) {
        Map<String, String> notes = new LinkedHashMap<>();
        headers.stream().filter(h -> !KNOWN.contains(h) && !row.get(h).isEmpty()).forEach(h -> notes.put(h, row.get(h)));
        String fps = value(row, "fps");
        String plateReady = value(row, "plate_ready_date");
        String status = value(row, "status");
        String dependsOn = value(row, "depends_on");
        return new Shot(row.get("code"), row.get("episode"), value(row, "sequence"), value(row, "description"),
                Integer.parseInt(row.get("frame_count")), fps.isEmpty() ? BigDecimal.valueOf(24) : new BigDecimal(fps),
                value(row, "resolution").isEmpty() ? Resolution.HD : Resolution.parse(row.get("resolution")),
                row.get("work_type"), Integer.parseInt(row.get("complexity")), flag(row, "performer_likeness"),
                flag(row, "consent_on_file"), flag(row, "human_only"),
                plateReady.isEmpty() ? null : LocalDate.parse(plateReady),
                status.isEmpty() ? ShotStatus.NOT_STARTED : ShotStatus.valueOf(status.toUpperCase()),
                dependsOn.isEmpty() ? List.of() : Arrays.stream(dependsOn.split("[;\\s]+")).toList(), notes);
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) ? row.get(column) : "";
    }

    private static boolean flag(CSVRecord row, String column) {
        String v = value(row, column).toLowerCase();
        return v.equals("true") || v.equals("yes") || v.equals("y") || v.equals("1");
    }
}
