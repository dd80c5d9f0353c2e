package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a CMX 3600 EDL from editorial (a VFX pull). Each video event is a use of a source clip; {@link ShotNaming}
 * finds its shot code and {@link EditorialShots} makes the shots. The frames of work are source frames: source out
 * − source in, or, under an {@code M2} speed change, the record frames × speed ÷ rate (a freeze, speed 0, needs one).
 * A dissolve or wipe counts its incoming clip's full source range; the zero-length outgoing half is skipped.
 * Drop-frame timecode ({@code ;} before the frames, or {@code FCM: DROP FRAME}) is counted as such. Audio events are
 * skipped.
 */
public final class EdlReader {

    private static final Pattern EVENT_NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPEED = Pattern.compile("-?\\d{1,4}(?:\\.\\d+)?");

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

    /** The pull's shots, or an {@link ImportProblems} with every problem found. */
    public List<Shot> read(Source source, EdlOptions options, ShotListContext context) {
        return locate(source, options, context).stream().map(LocatedShot::shot).toList();
    }

    /**
     * A revised pull for a stored show ({@link ShotListContext#forUpdate}): it speaks for the shots' frames, cut
     * (record in and out) and description; work type and complexity stay as stored.
     */
    public RevisedShots readRevision(Source source, EdlOptions options, ShotListContext context) {
        return new RevisedShots(source.name(), locate(source, options, context), EDITORIAL_FIELDS);
    }

    static final java.util.Set<ShotColumn> EDITORIAL_FIELDS = java.util.Set.of(ShotColumn.CODE, ShotColumn.EPISODE,
            ShotColumn.FRAME_COUNT, ShotColumn.DESCRIPTION, ShotColumn.CUT_IN, ShotColumn.CUT_OUT);

    List<LocatedShot> locate(Source source, EdlOptions options, ShotListContext context) {
        Problems problems = new Problems(source.name());
        List<ClipUse> uses = new ArrayList<>();
        for (Event event : events(source, options, problems)) {
            event.use(options.fps()).ifPresent(uses::add);
        }
        List<LocatedShot> shots = EditorialShots.shots(uses, options, problems);
        if (problems.isEmpty() && shots.isEmpty()) {
            problems.add(0, 0, "", "has no video events; expected lines such as "
                    + "'001  A001C003 V     C        01:00:10:00 01:00:12:12 01:00:00:00 01:00:02:12'");
        }
        ShotListRules.check(shots, context.withDefaultEpisode(options.episode()), limits, problems,
                problems.isEmpty());
        problems.throwIfAny();
        return shots;
    }

    /** One video line of an event: the clip, its transition and its four timecodes as frame numbers. */
    private record EventLine(String reel, String transition, long sourceIn, long sourceOut, Timecode recordIn,
                             Timecode recordOut, long recordFrames) {
    }

    /** One event: its lines (two for a dissolve or wipe), speed changes by reel and the comment lines after it. */
    private static final class Event {
        final String number;
        final int line;
        final List<EventLine> lines = new ArrayList<>();
        final Map<String, BigDecimal> speedByReel = new HashMap<>();
        String locatorName;
        String locatorNote;
        String clipName;
        String toClipName;
        String comment;
        String sourceFile;

        Event(String number, int line) {
            this.number = number;
            this.line = line;
        }

        /**
         * The clip the event brings in: the incoming side of a dissolve or wipe, else its last line with length;
         * empty when every line is zero length.
         */
        Optional<ClipUse> use(BigDecimal fps) {
            EventLine incoming = null;
            for (EventLine l : lines) {
                boolean transition = !l.transition().equals("C");
                if (transition || l.recordFrames() > 0 && (incoming == null || incoming.transition().equals("C"))) {
                    incoming = l;
                }
            }
            if (incoming == null || incoming.recordFrames() == 0) {
                return Optional.empty();
            }
            long start = incoming.sourceIn();
            long frames = incoming.sourceOut() - incoming.sourceIn();
            BigDecimal speed = speedByReel.get(incoming.reel());
            if (speed != null) {
                frames = speed.signum() == 0 ? 1 : Math.max(1, BigDecimal.valueOf(incoming.recordFrames())
                        .multiply(speed.abs()).divide(fps, 0, RoundingMode.HALF_UP).longValueExact());
                if (speed.signum() < 0) {
                    start = incoming.sourceIn() - frames + 1; // played backwards from source in
                }
            } else if (frames <= 0) {
                frames = incoming.recordFrames();
            }
            String clip = !incoming.transition().equals("C") && toClipName != null ? toClipName : clipName;
            return Optional.of(new ClipUse(line, number, locatorName, locatorNote, clip, comment, sourceFile,
                    incoming.reel(), start, frames, incoming.recordIn().toString(), incoming.recordOut().toString()));
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
                String upper = trimmed.toUpperCase(Locale.ROOT);
                if (upper.startsWith("FCM:")) {
                    dropFrameMode = upper.contains("DROP") && !upper.contains("NON");
                } else if (trimmed.startsWith("*")) {
                    if (current != null) {
                        comment(current, trimmed.substring(1).trim());
                    }
                } else if (upper.startsWith("M2 ") && current != null) {
                    speed(current, trimmed, lineNumber, problems);
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
                // TITLE:, >>> SOURCE and other vendors' lines say nothing about shots.
            }
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        return List.copyOf(events.values());
    }

    /** {@code M2   REEL   046.7   01:00:10:00}: the reel plays at that many frames per second (0 freezes it). */
    private static void speed(Event event, String line, int lineNumber, Problems problems) {
        String[] tokens = WHITESPACE.split(line);
        if (tokens.length < 3 || !SPEED.matcher(tokens[2]).matches()) {
            problems.add(lineNumber, 1, "M2", "expected 'M2  REEL  SPEED  TIMECODE' with the speed in frames per second"
                    + " (046.7, 000.0 for a freeze, -024.0 reversed), got '" + Problems.abbreviate(line) + "'");
            return;
        }
        event.speedByReel.put(tokens[1], new BigDecimal(tokens[2]));
    }

    /** Reads an event line into the event; false when it is not a video event or is broken (reported). */
    private static boolean eventLine(Event event, String line, String[] tokens, int lineNumber, boolean dropFrameMode,
                                     EdlOptions options, Problems problems) {
        if (tokens.length < 8) {
            problems.add(lineNumber, 1, "event", "event " + tokens[0] + " has " + tokens.length
                    + " fields; expected number, reel, track, transition, source in, source out, record in, record out");
            return false;
        }
        String track = tokens[2].toUpperCase(Locale.ROOT);
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
        long recordFrames = codes[3].frameNumber(options.fps()) - codes[2].frameNumber(options.fps());
        if (recordFrames < 0) {
            problems.add(lineNumber, columnOf(line, tokens[tokens.length - 1], 0), names[3], "record out " + codes[3]
                    + " is before record in " + codes[2] + "; expected record out ≥ record in");
            return false;
        }
        String transition = tokens[3].toUpperCase(Locale.ROOT);
        event.lines.add(new EventLine(tokens[1], transition.startsWith("C") ? "C" : transition,
                codes[0].frameNumber(options.fps()), codes[1].frameNumber(options.fps()), codes[2], codes[3],
                recordFrames));
        return true;
    }

    private static int columnOf(String line, String token, int from) {
        int at = line.indexOf(token, from);
        return at < 0 ? 0 : at + 1;
    }

    private static void comment(Event event, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("LOC:") && event.locatorName == null) {
            String[] parts = WHITESPACE.split(text.substring(4).trim(), 4);
            if (parts.length >= 3) {
                event.locatorName = parts[2];
                event.locatorNote = parts.length == 4 ? parts[3] : null;
            }
        } else if (upper.startsWith("FROM CLIP NAME:") && event.clipName == null) {
            event.clipName = text.substring(15).trim();
        } else if (upper.startsWith("TO CLIP NAME:") && event.toClipName == null) {
            event.toClipName = text.substring(13).trim();
        } else if (upper.startsWith("COMMENT:") && event.comment == null) {
            event.comment = text.substring(8).trim();
        } else if (upper.startsWith("SOURCE FILE:") && event.sourceFile == null) {
            event.sourceFile = text.substring(12).trim();
        }
    }
}
