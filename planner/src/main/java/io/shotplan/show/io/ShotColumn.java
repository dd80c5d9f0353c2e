package io.shotplan.show.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shot list's header table: each field shotplan reads and the column headers that name it, ours first, then
 * ShotGrid/Flow Production Tracking's field names and display names. Headers match ignoring case, spaces and
 * punctuation ("Cut Duration" is {@code cut_duration}). Columns not listed here are kept with the shot as notes.
 */
public enum ShotColumn {
    CODE(true, "the shot's code: letters, digits, _ . - (at most 64), unique in the show",
            "code", "shot", "shot_code", "shot_name"),
    EPISODE(true, "the episode's code, one of the show file's episodes",
            "episode", "sg_episode", "episode_code", "ep"),
    SEQUENCE(false, "the sequence's code",
            "sequence", "sg_sequence", "sequence_code", "seq"),
    DESCRIPTION(false, "what the shot needs, in words (at most 2000 characters)",
            "description", "sg_description", "shot_description", "desc"),
    FRAME_COUNT(true, "frames of work, a whole number above 0; without it, cut out − cut in + 1",
            "frame_count", "frames", "cut_duration", "sg_cut_duration", "duration"),
    CUT_IN(false, "first frame of the cut (kept as a note; checked against the frame count)",
            "cut_in", "sg_cut_in"),
    CUT_OUT(false, "last frame of the cut, inclusive (kept as a note)",
            "cut_out", "sg_cut_out"),
    FPS(false, "frames per second (default 24)",
            "fps", "frame_rate", "sg_fps"),
    RESOLUTION(false, "plate size WIDTHxHEIGHT, or HD, UHD, 2K, 4K (default 1920x1080)",
            "resolution", "sg_resolution", "plate_resolution", "format"),
    WORK_TYPE(true, "the kind of work, one of the bid template's work types",
            "work_type", "sg_work_type", "vfx_work_type"),
    COMPLEXITY(true, "1 (simple) to 5 (hardest); the bid template must have the work type at that complexity",
            "complexity", "sg_complexity", "complexity_tier", "difficulty"),
    PERFORMER_LIKENESS(false, "yes when the work alters a performer's face or body",
            "performer_likeness", "sg_performer_likeness", "likeness"),
    CONSENT_ON_FILE(false, "yes when the performer's consent to AI work is on file",
            "consent_on_file", "sg_consent_on_file", "consent"),
    HUMAN_ONLY(false, "yes when a supervisor has decided artists only",
            "human_only", "sg_human_only", "no_ai"),
    PLATE_READY_DATE(false, "YYYY-MM-DD the plate arrives from editorial (blank: at show start)",
            "plate_ready_date", "sg_plate_ready_date", "plate_ready", "turnover_date", "sg_turnover_date"),
    STATUS(false, "NOT_STARTED, IN_PROGRESS, DONE, OMITTED, REPLAN or a ShotGrid status code (wtg, rdy, ip, fin, omt, ...)",
            "status", "sg_status_list", "sg_status"),
    DEPENDS_ON(false, "codes of shots that must be finished first, separated by ; or spaces",
            "depends_on", "sg_depends_on", "dependencies", "predecessors");

    private static final Map<String, ShotColumn> BY_HEADER = Arrays.stream(values())
            .flatMap(c -> c.headers.stream().map(h -> Map.entry(h, c)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private final boolean required;
    private final String meaning;
    private final List<String> headers;

    ShotColumn(boolean required, String meaning, String... headers) {
        this.required = required;
        this.meaning = meaning;
        this.headers = List.of(headers);
    }

    /** Our name for the field: the header the exporter writes. */
    public String header() {
        return headers.getFirst();
    }

    /** Every header accepted for the field, ours first. */
    public List<String> headers() {
        return headers;
    }

    public boolean required() {
        return required;
    }

    public String meaning() {
        return meaning;
    }

    /** The field a header names, if any. */
    public static Optional<ShotColumn> forHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(normalize(header)));
    }

    /** "Cut Duration" and "cut-duration" become "cut_duration". */
    static String normalize(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /** The header table as Markdown, for the README. */
    public static String markdownTable() {
        Function<ShotColumn, String> row = c -> "| `" + c.header() + "` | " + (c.required ? "yes" : "") + " | "
                + c.headers.stream().skip(1).map(h -> "`" + h + "`").collect(Collectors.joining(", ")) + " | " + c.meaning + " |";
        return "| field | required | also accepted | what |\n|---|---|---|---|\n"
                + Arrays.stream(values()).map(row).collect(Collectors.joining("\n")) + "\n";
    }
}
