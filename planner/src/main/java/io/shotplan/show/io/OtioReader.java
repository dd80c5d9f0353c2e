package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenTimelineIO timeline ({@code .otio}, JSON) as a third editorial format beside CMX 3600, with the same
 * shot-code rules ({@link ShotNaming}: a clip's first marker, its name, its EDL comment, its reel) and the same
 * frames of work: each clip's source range at the timeline's rate, widened by the transitions that overlap it (a
 * dissolve plays the incoming clip from before its cut), times a {@code LinearTimeWarp}'s scalar, one frame for a
 * {@code FreezeFrame}. Every video track is read; gaps and audio tracks are skipped.
 */
public final class OtioReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportLimits limits;

    public OtioReader() {
        this(ImportLimits.DEFAULT);
    }

    public OtioReader(ImportLimits limits) {
        this.limits = limits;
    }

    /** Whether a file is an OpenTimelineIO timeline, by its name. */
    public static boolean isOtio(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".otio");
    }

    public List<Shot> read(Source source, EdlOptions options, ShotListContext context) {
        return locate(source, options, context).stream().map(LocatedShot::shot).toList();
    }

    /** A revised timeline for a stored show: like {@link EdlReader#readRevision}. */
    public RevisedShots readRevision(Source source, EdlOptions options, ShotListContext context) {
        return new RevisedShots(source.name(), locate(source, options, context), EdlReader.EDITORIAL_FIELDS);
    }

    List<LocatedShot> locate(Source source, EdlOptions options, ShotListContext context) {
        Problems problems = new Problems(source.name());
        List<ClipUse> uses = new ArrayList<>();
        JsonNode root = null;
        try (BufferedReader reader = source.openText(limits)) {
            root = JSON.readTree(reader);
        } catch (JacksonException e) {
            var at = e.getLocation();
            problems.add(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "is not OpenTimelineIO JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.addAll(source.unreadable(e, limits).problems());
        } catch (UncheckedIOException e) {
            problems.addAll(source.unreadable(e.getCause(), limits).problems());
        }
        if (root != null) {
            if (!root.path("OTIO_SCHEMA").asString("").startsWith("Timeline.")) {
                problems.add(0, 0, "OTIO_SCHEMA", "expected an OpenTimelineIO Timeline, got '"
                        + Problems.abbreviate(root.path("OTIO_SCHEMA").asString("")) + "'");
            } else {
                int trackNumber = 0;
                for (JsonNode track : root.path("tracks").path("children")) {
                    if (schema(track).startsWith("Track.") && "Video".equalsIgnoreCase(track.path("kind").asString(""))) {
                        trackNumber++;
                        clips(track, trackNumber, options, uses, problems);
                    }
                }
            }
        }
        List<LocatedShot> shots = EditorialShots.shots(uses, options, problems);
        if (problems.isEmpty() && shots.isEmpty()) {
            problems.add(0, 0, "", "has no clips on a video track");
        }
        ShotListRules.check(shots, context.withDefaultEpisode(options.episode()), limits, problems,
                problems.isEmpty());
        problems.throwIfAny();
        return shots;
    }

    private static void clips(JsonNode track, int trackNumber, EdlOptions options, List<ClipUse> uses, Problems problems) {
        List<JsonNode> items = new ArrayList<>();
        track.path("children").forEach(items::add);
        long position = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String schema = schema(item);
            if (schema.startsWith("Transition.")) {
                continue; // overlaps its neighbours, takes no time of its own
            }
            long frames = frames(item.path("source_range").path("duration"), options.fps());
            String event = "V" + trackNumber + " item " + (i + 1);
            if (!schema.startsWith("Clip.")) {
                position += frames;
                continue;
            }
            if (!item.path("source_range").isObject()) {
                problems.add(0, 0, "source_range", "clip '" + Problems.abbreviate(item.path("name").asString(""))
                        + "' (" + event + ") has no source_range; expected the part of its media the cut uses");
                continue;
            }
            long start = frames(item.path("source_range").path("start_time"), options.fps());
            long before = i > 0 && schema(items.get(i - 1)).startsWith("Transition.")
                    ? frames(items.get(i - 1).path("in_offset"), options.fps()) : 0;
            long after = i + 1 < items.size() && schema(items.get(i + 1)).startsWith("Transition.")
                    ? frames(items.get(i + 1).path("out_offset"), options.fps()) : 0;
            long source = frames + before + after;
            long sourceStart = start - before;
            for (JsonNode effect : item.path("effects")) {
                String kind = schema(effect);
                if (kind.startsWith("FreezeFrame.")) {
                    source = 1;
                } else if (kind.startsWith("LinearTimeWarp.")) {
                    BigDecimal scalar = effect.path("time_scalar").asDecimal(BigDecimal.ONE).abs();
                    source = Math.max(1, BigDecimal.valueOf(source).multiply(scalar).setScale(0, RoundingMode.HALF_UP)
                            .longValueExact());
                }
            }
            JsonNode marker = item.path("markers").path(0);
            JsonNode cmx = item.path("metadata").path("cmx_3600");
            String comment = cmx.path("comments").path(0).asString(null);
            String reel = cmx.path("reel").asString(null);
            String sourceFile = item.path("media_reference").path("target_url").asString(null);
            uses.add(new ClipUse(0, event, text(marker.path("name")), text(marker.path("comment")),
                    text(item.path("name")), comment, sourceFile == null ? null
                    : sourceFile.substring(sourceFile.lastIndexOf('/') + 1), reel, sourceStart, Math.max(1, source),
                    Timecode.ofFrame(position, options.fps()).toString(),
                    Timecode.ofFrame(position + frames, options.fps()).toString()));
            position += frames;
        }
    }

    private static String schema(JsonNode node) {
        return node.path("OTIO_SCHEMA").asString("");
    }

    private static String text(JsonNode node) {
        String s = node.asString(null);
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A RationalTime {value, rate} as whole frames at the timeline's rate. */
    private static long frames(JsonNode time, BigDecimal fps) {
        if (!time.isObject()) {
            return 0;
        }
        BigDecimal value = time.path("value").asDecimal(BigDecimal.ZERO);
        BigDecimal rate = time.path("rate").asDecimal(fps);
        if (rate.signum() <= 0) {
            rate = fps;
        }
        return value.multiply(fps).divide(rate, 0, RoundingMode.HALF_UP).longValue();
    }
}
