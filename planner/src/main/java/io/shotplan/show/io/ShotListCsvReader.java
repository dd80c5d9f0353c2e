package io.shotplan.show.io;

import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a shot list CSV as trackers export it. Headers are mapped by {@link ShotColumn}'s table, so a ShotGrid/Flow
 * export and shotplan's own export read alike; columns it does not know are kept with each shot as notes. Commas,
 * semicolons or tabs separate cells (whichever the header line uses). Every problem in the file is reported, each
 * with its line and column; a file with any problem yields no shots.
 */
public final class ShotListCsvReader {

    static final int MAX_CODE = 64;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_NOTES_JSON = 4000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
    private static final Pattern DEPENDENCY_SEPARATOR = Pattern.compile("[;,\\s]+");
    private static final Map<String, ShotStatus> STATUS = statusTable();

    private final ImportLimits limits;

    public ShotListCsvReader() {
        this(ImportLimits.DEFAULT);
    }

    public ShotListCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    public List<Shot> read(Path file, ShotListContext context) {
        return read(Source.of(file), context);
    }

    /** The file's shots, or an {@link ImportProblems} with every problem found. */
    public List<Shot> read(Source source, ShotListContext context) {
        Problems problems = new Problems(source.name());
        List<LocatedShot> shots = parse(source, context, problems);
        ShotListRules.check(shots, context, limits, problems, problems.isEmpty());
        problems.throwIfAny();
        return shots.stream().map(LocatedShot::shot).toList();
    }

    /**
     * A revised shot list for a stored show ({@link ShotListContext#forUpdate}): rows may name the show's shots, and
     * the fields it gives are the columns it has.
     */
    public RevisedShots readRevision(Source source, ShotListContext context) {
        Problems problems = new Problems(source.name());
        List<LocatedShot> shots = parse(source, context, problems);
        ShotListRules.check(shots, context, limits, problems, problems.isEmpty());
        if (problems.isEmpty() && shots.isEmpty()) {
            problems.add(0, 0, "", "has no shots");
        }
        problems.throwIfAny();
        return new RevisedShots(source.name(), shots, shots.getFirst().columns().keySet());
    }

    /** Parses and reports into {@code problems}; the caller runs the rules once it knows the show. */
    List<LocatedShot> parse(Source source, ShotListContext context, Problems problems) {
        try (BufferedReader reader = source.openText(limits)) {
            char delimiter = sniffDelimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            try (CSVParser parser = format.parse(reader)) {
                return parseRecords(parser, context, problems);
            }
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        return List.of();
    }

    private List<LocatedShot> parseRecords(CSVParser parser, ShotListContext context, Problems problems) {
        List<LocatedShot> shots = new ArrayList<>();
        Header header = null;
        for (CsvLines.Line next : new CsvLines(parser, problems, "; expected cells separated by commas, quotes closed")) {
            CSVRecord record = next.record();
            int line = next.line();
            if (header == null) {
                header = Header.of(record, line, context, problems);
                if (header == null) {
                    break;
                }
                continue;
            }
            if (shots.size() >= limits.maxRows()) {
                problems.add(line, 0, "", "more than " + limits.maxRows() + " shots; the limit is " + limits.maxRows()
                        + " per file (shotplan.import.max-rows)");
                break;
            }
            LocatedShot shot = toShot(record, line, header, context, problems);
            if (shot != null) {
                shots.add(shot);
            }
        }
        if (header == null && problems.isEmpty()) {
            problems.add(0, 0, "", "is empty; expected a header line such as "
                    + Arrays.stream(ShotColumn.values()).filter(ShotColumn::required).map(ShotColumn::header)
                    .collect(Collectors.joining(",")));
        }
        return shots;
    }

    /** The header line: which column holds which field, and which columns are notes. */
    private record Header(Map<ShotColumn, Integer> columns, Map<ShotColumn, String> names, List<String> all) {

        static Header of(CSVRecord record, int line, ShotListContext context, Problems problems) {
            Map<ShotColumn, Integer> columns = new EnumMap<>(ShotColumn.class);
            Map<ShotColumn, String> names = new EnumMap<>(ShotColumn.class);
            List<String> all = record.stream().map(CsvFormulas::readBack).map(String::trim).toList();
            Map<String, Integer> notes = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                String name = all.get(i);
                if (name.isEmpty()) {
                    continue;
                }
                var field = ShotColumn.forHeader(name);
                if (field.isPresent()) {
                    Integer other = columns.putIfAbsent(field.get(), i);
                    if (other != null) {
                        problems.add(line, i + 1, name, "names the same field as '" + all.get(other) + "' in column "
                                + (other + 1) + " (" + field.get().header() + "); keep one of them");
                    } else {
                        names.put(field.get(), name);
                    }
                } else {
                    Integer other = notes.putIfAbsent(name, i);
                    if (other != null) {
                        problems.add(line, i + 1, name, "the header '" + name + "' appears twice (columns "
                                + (other + 1) + " and " + (i + 1) + "); rename one");
                    }
                }
            }
            for (ShotColumn c : ShotColumn.values()) {
                if (!c.required() || columns.containsKey(c)) {
                    continue;
                }
                if (c == ShotColumn.FRAME_COUNT && columns.containsKey(ShotColumn.CUT_IN)
                        && columns.containsKey(ShotColumn.CUT_OUT)) {
                    continue;
                }
                if (c == ShotColumn.EPISODE && context.defaultEpisode() != null) {
                    continue;
                }
                problems.add(line, 0, c.header(), "missing required column " + c.header() + "; accepted headers: "
                        + String.join(", ", c.headers()) + (c == ShotColumn.FRAME_COUNT ? "; or cut in and cut out" : ""));
            }
            // A header that is wrong makes every row wrong: report the header alone.
            return problems.isEmpty() ? new Header(columns, names, all) : null;
        }

        Cell cell(CSVRecord record, int line, ShotColumn column) {
            Integer index = columns.get(column);
            if (index == null) {
                return new Cell(line, 0, column.header(), "");
            }
            return new Cell(line, index + 1, names.get(column),
                    index < record.size() ? CsvFormulas.readBack(record.get(index)) : "");
        }
    }

    private LocatedShot toShot(CSVRecord record, int line, Header header, ShotListContext context, Problems problems) {
        int before = problems.count();
        if (record.size() > header.all().size()) {
            for (int i = header.all().size(); i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    problems.add(line, i + 1, "", "has " + record.size() + " cells but the header names "
                            + header.all().size() + " columns; quote cells that contain the separator");
                    break;
                }
            }
        }
        Cell codeCell = header.cell(record, line, ShotColumn.CODE);
        String code = problems.required(codeCell, "the shot's code");
        if (code != null && (code.length() > MAX_CODE || !CODE.matcher(code).matches())) {
            problems.add(codeCell, "expected a shot code of letters, digits, _ . - (at most " + MAX_CODE + "), got '"
                    + Problems.abbreviate(code) + "'");
            code = null;
        }
        String episode = episode(header.cell(record, line, ShotColumn.EPISODE), context, problems);
        String sequence = optionalCode(header.cell(record, line, ShotColumn.SEQUENCE), problems);
        Cell descriptionCell = header.cell(record, line, ShotColumn.DESCRIPTION);
        String description = problems.text(descriptionCell, MAX_DESCRIPTION);
        Integer frames = frameCount(record, line, header, problems);
        Cell fpsCell = header.cell(record, line, ShotColumn.FPS);
        BigDecimal fps = fpsCell.isBlank() ? context.defaultFps()
                : problems.decimal(fpsCell, new BigDecimal("0.001"), BigDecimal.valueOf(240), "frames per second between 1 and 240");
        Resolution resolution = resolution(header.cell(record, line, ShotColumn.RESOLUTION), context, problems);
        Cell workTypeCell = header.cell(record, line, ShotColumn.WORK_TYPE);
        String workType = problems.required(workTypeCell, "a work type from the bid template");
        Cell complexityCell = header.cell(record, line, ShotColumn.COMPLEXITY);
        Integer complexity = problems.required(complexityCell, "a complexity from 1 to 5") == null ? null
                : problems.integer(complexityCell, 1, 5, "a complexity from 1 to 5");
        Boolean likeness = problems.flag(header.cell(record, line, ShotColumn.PERFORMER_LIKENESS));
        Boolean consent = problems.flag(header.cell(record, line, ShotColumn.CONSENT_ON_FILE));
        Boolean humanOnly = problems.flag(header.cell(record, line, ShotColumn.HUMAN_ONLY));
        Cell plateCell = header.cell(record, line, ShotColumn.PLATE_READY_DATE);
        LocalDate plateReady = plateCell.isBlank() ? null : problems.date(plateCell);
        ShotStatus status = status(header.cell(record, line, ShotColumn.STATUS), problems);
        List<String> dependsOn = dependencies(header.cell(record, line, ShotColumn.DEPENDS_ON), problems);
        Map<String, String> notes = notes(record, line, header, problems);
        if (problems.count() > before) {
            return null;
        }
        Shot shot = new Shot(code, episode, sequence, description.isEmpty() ? null : description, frames, fps,
                resolution, workType, complexity, likeness, consent, humanOnly, plateReady, status, dependsOn, notes);
        return new LocatedShot(shot, line, header.columns().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() + 1)), header.names());
    }

    private static String episode(Cell cell, ShotListContext context, Problems problems) {
        if (cell.isBlank() && context.defaultEpisode() != null) {
            return context.defaultEpisode();
        }
        return problems.required(cell, "the episode's code");
    }

    private static String optionalCode(Cell cell, Problems problems) {
        if (cell.isBlank()) {
            return null;
        }
        return problems.text(cell, MAX_CODE);
    }

    /** The frame count, from its column or from cut in and cut out; both must agree when both are given. */
    private static Integer frameCount(CSVRecord record, int line, Header header, Problems problems) {
        Cell count = header.cell(record, line, ShotColumn.FRAME_COUNT);
        Cell in = header.cell(record, line, ShotColumn.CUT_IN);
        Cell out = header.cell(record, line, ShotColumn.CUT_OUT);
        String expected = "a whole number of frames above 0";
        Integer frames = count.isBlank() ? null : problems.integer(count, 1, Integer.MAX_VALUE, expected);
        if (in.isBlank() || out.isBlank()) {
            if (count.isBlank()) {
                problems.add(count, "is empty; expected " + expected + (header.columns().containsKey(ShotColumn.CUT_IN)
                        ? " (or both cut in and cut out)" : ""));
            }
            return frames;
        }
        Integer first = problems.integer(in, 0, Integer.MAX_VALUE, "a frame number of 0 or more");
        Integer last = problems.integer(out, 0, Integer.MAX_VALUE, "a frame number of 0 or more");
        if (first == null || last == null) {
            return frames;
        }
        int cut = last - first + 1;
        if (cut <= 0) {
            problems.add(out, "cut out " + last + " is before cut in " + first + "; expected cut out ≥ cut in");
            return null;
        }
        if (count.isBlank()) {
            return cut;
        }
        if (frames != null && frames != cut) {
            problems.add(count, "frame count " + frames + " disagrees with cut out − cut in + 1 = " + cut);
            return null;
        }
        return frames;
    }

    private static Resolution resolution(Cell cell, ShotListContext context, Problems problems) {
        if (cell.isBlank()) {
            return context.defaultResolution();
        }
        switch (cell.text().toUpperCase(Locale.ROOT)) {
            case "HD", "FHD", "1080P":
                return Resolution.HD;
            case "UHD", "4K UHD", "2160P":
                return new Resolution(3840, 2160);
            case "2K":
                return new Resolution(2048, 1080);
            case "4K":
                return new Resolution(4096, 2160);
            default:
                break;
        }
        String[] parts = cell.text().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].trim());
                int height = Integer.parseInt(parts[1].trim());
                if (width > 0 && height > 0) {
                    return new Resolution(width, height);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(cell, "expected a resolution such as 1920x1080 (or HD, UHD, 2K, 4K), got '"
                + Problems.abbreviate(cell.text()) + "'");
        return null;
    }

    private static ShotStatus status(Cell cell, Problems problems) {
        if (cell.isBlank()) {
            return ShotStatus.NOT_STARTED;
        }
        ShotStatus status = STATUS.get(cell.text().toLowerCase(Locale.ROOT));
        if (status == null) {
            problems.add(cell, "unknown status '" + Problems.abbreviate(cell.text()) + "'; expected one of "
                    + Arrays.stream(ShotStatus.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + " or a ShotGrid status code (" + String.join(", ", ShotGridStatus.CODES) + ")");
        }
        return status;
    }

    /** ShotGrid/Flow's default shot status codes and what they mean to the plan. */
    private static final class ShotGridStatus {
        static final List<String> CODES = List.of("wtg", "rdy", "hld", "na", "ip", "rev", "cbb", "fin", "cmpt", "apr", "omt");
    }

    private static Map<String, ShotStatus> statusTable() {
        Map<String, ShotStatus> table = new LinkedHashMap<>();
        for (ShotStatus s : ShotStatus.values()) {
            table.put(s.name().toLowerCase(Locale.ROOT), s);
            table.put(s.name().toLowerCase(Locale.ROOT).replace('_', ' '), s);
        }
        for (String c : List.of("wtg", "rdy", "hld", "na", "waiting to start", "ready to start", "on hold")) {
            table.put(c, ShotStatus.NOT_STARTED);
        }
        for (String c : List.of("ip", "rev", "cbb", "pending review")) {
            table.put(c, ShotStatus.IN_PROGRESS);
        }
        for (String c : List.of("fin", "cmpt", "apr", "final", "complete", "approved")) {
            table.put(c, ShotStatus.DONE);
        }
        for (String c : List.of("omt", "omit", "omitted")) {
            table.put(c, ShotStatus.OMITTED);
        }
        return Map.copyOf(table);
    }

    private static List<String> dependencies(Cell cell, Problems problems) {
        if (cell.isBlank()) {
            return List.of();
        }
        List<String> codes = Arrays.stream(DEPENDENCY_SEPARATOR.split(cell.text())).filter(s -> !s.isEmpty())
                .distinct().toList();
        for (String code : codes) {
            if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
                problems.add(cell, "expected shot codes separated by ; or spaces, got '" + Problems.abbreviate(code) + "'");
                return List.of();
            }
        }
        return codes;
    }

    private static Map<String, String> notes(CSVRecord record, int line, Header header, Problems problems) {
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> all = header.all();
        for (int i = 0; i < all.size() && i < record.size(); i++) {
            String name = all.get(i);
            var field = ShotColumn.forHeader(name);
            boolean keep = field.isEmpty() || field.get() == ShotColumn.CUT_IN || field.get() == ShotColumn.CUT_OUT;
            String value = CsvFormulas.readBack(record.get(i));
            if (!name.isEmpty() && keep && !value.isBlank()) {
                notes.put(name, value.trim());
            }
        }
        int size = 2 + notes.entrySet().stream().mapToInt(e -> jsonLength(e.getKey()) + jsonLength(e.getValue()) + 2).sum();
        if (size > MAX_NOTES_JSON) {
            problems.add(line, 0, "", "the columns kept as notes hold " + size + " characters; at most " + MAX_NOTES_JSON
                    + " fit; drop some tracker columns from the export");
        }
        return notes;
    }

    private static int jsonLength(String text) {
        int length = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }

    /** Picks the separator the header line uses most: comma, semicolon (European spreadsheets) or tab. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < 1 << 16; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
