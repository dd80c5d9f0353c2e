package io.shotplan.show.io;

import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a CMX 3600 EDL from editorial (a VFX pull): one shot per video event, its frame count from record in to
 * record out at the rate the user gives. The shot's code comes from the event's {@code * LOC:} marker name, else
 * its {@code * FROM CLIP NAME:}, else the first word of its {@code * COMMENT:} — the first of them that is a usable
 * code. Drop-frame timecode ({@code ;} before the frames, or {@code FCM: DROP FRAME}) is counted as such.
 * Audio events and the zero-length half of a dissolve are skipped.
 */
public final class EdlReader {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{1,3}$");
    private static final Pattern EVENT_NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ImportLimits limits;

    public EdlReader() {
        this(ImportLimits.DEFAULT);
    }

    public EdlReader(ImportLimits limits) {
        this.limits = limits;
    }

    public List<Shot> read(Path file, EdlOptions options, ShotListContext context) {
        return read(Source.of(file), options, context);
    }

    /** One shot per video event, or an {@link ImportProblems} with every problem found. */
    public List<Shot> read(Source source, EdlOptions options, ShotListContext context) {
        Problems problems = new Problems(source.name());
        List<Event> events = events(source, options, problems);
        List<LocatedShot> shots = new ArrayList<>();
        for (Event event : events) {
            LocatedShot shot = toShot(event, options, problems);
            if (shot != null) {
                shots.add(shot);
            }
        }
        if (problems.isEmpty() && shots.isEmpty()) {
            problems.add(0, 0, "", "has no video events; expected lines such as "
                    + "'001  A001C003 V     C        01:00:10:00 01:00:12:12 01:00:00:00 01:00:02:12'");
        }
        ShotListRules.check(shots, context.withDefaultEpisode(options.episode()), limits, problems,
                problems.isEmpty());
        problems.throwIfAny();
        return shots.stream().map(LocatedShot::shot).toList();
    }

    /** One event: its number, where it is, its record range and the comment lines that follow it. */
    private static final class Event {
        final String number;
        final int line;
        String reel;
        Timecode recordIn;
        Timecode recordOut;
        long frames;
        String locatorName;
        String locatorNote;
        String clipName;
        String comment;

        Event(String number, int line) {
            this.number = number;
            this.line = line;
        }
    }

    private List<Event> events(Source source, EdlOptions options, Problems problems) {
        Map<String, Event> events = new LinkedHashMap<>();
        Event current = null;
        boolean dropFrameMode = false;
        int lineNumber = 0;
        try (BufferedReader reader = source.openText(limits)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("FCM:")) {
                    dropFrameMode = upper.contains("DROP") && !upper.contains("NON");
                } else if (trimmed.startsWith("*")) {
                    if (current != null) {
                        comment(current, trimmed.substring(1).trim());
                    }
                } else if (Character.isDigit(trimmed.charAt(0))) {
                    String[] tokens = WHITESPACE.split(trimmed);
                    if (!EVENT_NUMBER.matcher(tokens[0]).matches()) {
                        problems.add(lineNumber, 1, "event", "expected an event number of up to 6 digits, got '"
                                + Problems.abbreviate(tokens[0]) + "'");
                        continue;
                    }
                    Event event = events.get(tokens[0]);
                    if (event == null) {
                        if (events.size() >= limits.maxRows()) {
                            problems.add(lineNumber, 1, "event", "more than " + limits.maxRows()
                                    + " events; the limit is " + limits.maxRows() + " per file (shotplan.import.max-rows)");
                            break;
                        }
                        event = new Event(tokens[0], lineNumber);
                    }
                    if (eventLine(event, line, tokens, lineNumber, dropFrameMode, options, problems)) {
                        events.putIfAbsent(event.number, event);
                    }
                    current = event;
                }
                // TITLE:, M2 speed changes, >>> SOURCE and other vendors' lines say nothing about shots.
            }
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        return events.values().stream().filter(e -> e.frames > 0).toList();
    }

    /** Reads an event line into the event; false when it is not a video event or is broken (reported). */
    private static boolean eventLine(Event event, String line, String[] tokens, int lineNumber, boolean dropFrameMode,
                                     EdlOptions options, Problems problems) {
        if (tokens.length < 8) {
            problems.add(lineNumber, 1, "event", "event " + tokens[0] + " has " + tokens.length
                    + " fields; expected number, reel, track, transition, source in, source out, record in, record out");
            return false;
        }
        String track = tokens[2].toUpperCase(java.util.Locale.ROOT);
        boolean video = track.startsWith("V") || track.equals("B") || track.contains("/V");
        String[] names = {"source in", "source out", "record in", "record out"};
        Timecode[] codes = new Timecode[4];
        boolean ok = true;
        int searchFrom = 0;
        for (int i = 0; i < 4; i++) {
            String token = tokens[tokens.length - 4 + i];
            int column = columnOf(line, token, searchFrom);
            searchFrom = column;
            Optional<Timecode> parsed = Timecode.parse(token);
            if (parsed.isEmpty()) {
                problems.add(lineNumber, column, names[i], "malformed timecode '" + Problems.abbreviate(token)
                        + "'; expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame)");
                ok = false;
                continue;
            }
            Timecode tc = parsed.get();
            if (dropFrameMode && !tc.dropFrame()) {
                tc = new Timecode(tc.hours(), tc.minutes(), tc.seconds(), tc.frames(), true);
            }
            Optional<String> invalid = tc.invalidAt(options.fps());
            if (invalid.isPresent()) {
                problems.add(lineNumber, column, names[i], "malformed timecode " + token + ": " + invalid.get());
                ok = false;
                continue;
            }
            codes[i] = tc;
        }
        if (!ok || !video) {
            return false;
        }
        long frames = codes[3].frameNumber(options.fps()) - codes[2].frameNumber(options.fps());
        if (frames < 0) {
            problems.add(lineNumber, columnOf(line, tokens[tokens.length - 1], 0), names[3], "record out " + codes[3]
                    + " is before record in " + codes[2] + "; expected record out ≥ record in");
            return false;
        }
        if (frames > 0 || event.frames == 0) {
            event.reel = tokens[1];
            event.recordIn = codes[2];
            event.recordOut = codes[3];
            event.frames = frames;
        }
        return true;
    }

    private static int columnOf(String line, String token, int from) {
        int at = line.indexOf(token, from);
        return at < 0 ? 0 : at + 1;
    }

    private static void comment(Event event, String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("LOC:") && event.locatorName == null) {
            String[] parts = WHITESPACE.split(text.substring(4).trim(), 4);
            if (parts.length >= 3) {
                event.locatorName = parts[2];
                event.locatorNote = parts.length == 4 ? parts[3] : null;
            }
        } else if (upper.startsWith("FROM CLIP NAME:") && event.clipName == null) {
            event.clipName = EXTENSION.matcher(text.substring(15).trim()).replaceFirst("");
        } else if (upper.startsWith("COMMENT:") && event.comment == null) {
            event.comment = text.substring(8).trim();
        }
    }

    private static LocatedShot toShot(Event event, EdlOptions options, Problems problems) {
        String code = null;
        String description = null;
        if (usable(event.locatorName)) {
            code = event.locatorName;
            description = event.locatorNote != null ? event.locatorNote : event.comment;
        } else if (usable(event.clipName)) {
            code = event.clipName;
            description = event.comment;
        } else if (event.comment != null && usable(WHITESPACE.split(event.comment, 2)[0])) {
            String[] words = WHITESPACE.split(event.comment, 2);
            code = words[0];
            description = words.length == 2 ? words[1] : null;
        }
        if (code == null) {
            problems.add(event.line, 1, "event", "event " + event.number + " names no shot; expected a '* LOC:' line with"
                    + " the shot code as marker name, a '* FROM CLIP NAME:' or a '* COMMENT:' starting with the code");
            return null;
        }
        if (event.frames > Integer.MAX_VALUE) {
            problems.add(event.line, 1, "event", "event " + event.number + " is " + event.frames + " frames long");
            return null;
        }
        int underscore = code.lastIndexOf('_');
        String sequence = underscore > 0 && code.indexOf('_') < underscore ? code.substring(0, underscore) : null;
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("edl_event", event.number);
        notes.put("reel", Problems.abbreviate(event.reel));
        notes.put("record_in", event.recordIn.toString());
        notes.put("record_out", event.recordOut.toString());
        if (description != null && description.length() > ShotListCsvReader.MAX_DESCRIPTION) {
            description = description.substring(0, ShotListCsvReader.MAX_DESCRIPTION);
        }
        Shot shot = new Shot(code, options.episode(), sequence, description, (int) event.frames, options.fps(),
                options.resolution(), options.workType(), options.complexity(), false, false, false, null,
                ShotStatus.NOT_STARTED, List.of(), notes);
        return new LocatedShot(shot, event.line, new EnumMap<>(ShotColumn.class), Map.of(ShotColumn.CODE, "shot code",
                ShotColumn.EPISODE, "--episode", ShotColumn.WORK_TYPE, "--work-type", ShotColumn.COMPLEXITY, "--complexity"));
    }

    private static boolean usable(String candidate) {
        return candidate != null && CODE.matcher(candidate).matches();
    }
}
