package io.shotplan.show.io;

import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an editorial timeline's clip uses into shots, the same for every format: each use is named by
 * {@link ShotNaming}; uses with the same code are one shot covering the union of their source ranges (per reel),
 * each range widened by the handles; the frames of work are the frames of that union.
 */
final class EditorialShots {

    private EditorialShots() {
    }

    static List<LocatedShot> shots(List<ClipUse> uses, EdlOptions options, Problems problems) {
        Map<String, List<ClipUse>> byCode = new LinkedHashMap<>();
        Map<String, ShotNaming.Named> names = new LinkedHashMap<>();
        for (ClipUse use : uses) {
            var named = ShotNaming.find(use, options.shotName());
            if (named.isEmpty()) {
                problems.add(use.line(), 1, "event", "event " + use.event() + " names no shot; expected a '* LOC:' line"
                        + " with the shot code as marker name, a '* FROM CLIP NAME:', a '* COMMENT:' starting with the"
                        + " code or a reel named for the shot" + (options.shotName() == null ? ""
                        : "; --shot-name " + options.shotName().pattern() + " matches none of them"));
                continue;
            }
            byCode.computeIfAbsent(named.get().code(), c -> new ArrayList<>()).add(use);
            names.putIfAbsent(named.get().code(), named.get());
        }
        List<LocatedShot> shots = new ArrayList<>();
        byCode.forEach((code, clips) -> {
            long frames = frames(clips, options.handles());
            ClipUse first = clips.getFirst();
            if (frames > Integer.MAX_VALUE) {
                problems.add(first.line(), 1, "event", "shot " + code + " is " + frames + " frames long");
                return;
            }
            shots.add(located(code, names.get(code), clips, (int) frames, options));
        });
        return shots;
    }

    /** Frames of the union of the uses' source ranges, each range widened by the handles on both sides. */
    static long frames(List<ClipUse> clips, int handles) {
        Map<String, List<long[]>> byReel = new LinkedHashMap<>();
        for (ClipUse c : clips) {
            byReel.computeIfAbsent(c.reel() == null ? "" : c.reel(), r -> new ArrayList<>())
                    .add(new long[] {c.sourceStart() - handles, c.sourceStart() + c.sourceFrames() + handles});
        }
        long total = 0;
        for (List<long[]> ranges : byReel.values()) {
            ranges.sort(Comparator.comparingLong(r -> r[0]));
            long start = ranges.getFirst()[0];
            long end = ranges.getFirst()[1];
            for (long[] r : ranges) {
                if (r[0] > end) {
                    total += end - start;
                    start = r[0];
                }
                end = Math.max(end, r[1]);
            }
            total += end - start;
        }
        return total;
    }

    private static LocatedShot located(String code, ShotNaming.Named named, List<ClipUse> clips, int frames,
                                       EdlOptions options) {
        ClipUse first = clips.getFirst();
        int underscore = code.lastIndexOf('_');
        String sequence = underscore > 0 && code.indexOf('_') < underscore ? code.substring(0, underscore) : null;
        String description = named.description();
        if (description != null && description.length() > ShotListCsvReader.MAX_DESCRIPTION) {
            description = description.substring(0, ShotListCsvReader.MAX_DESCRIPTION);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("edl_event", String.join(" ", clips.stream().map(ClipUse::event).toList()));
        if (first.reel() != null) {
            notes.put("reel", Problems.abbreviate(first.reel()));
        }
        notes.put("record_in", first.recordIn());
        notes.put("record_out", clips.getLast().recordOut());
        notes.put("shot_code_from", named.from());
        Shot shot = new Shot(code, options.episode(), sequence, description, frames, options.fps(),
                options.resolution(), options.workType(), options.complexity(), false, false, false, null,
                ShotStatus.NOT_STARTED, List.of(), notes);
        return new LocatedShot(shot, first.line(), new EnumMap<>(ShotColumn.class), Map.of(ShotColumn.CODE, "shot code",
                ShotColumn.EPISODE, "--episode", ShotColumn.WORK_TYPE, "--work-type", ShotColumn.COMPLEXITY, "--complexity"));
    }
}
