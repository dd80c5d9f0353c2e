package io.shotplan.show.io;

import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out what a revised shot list or pull does to a stored show, without writing anything. A stored shot the
 * file names takes the file's frame count, cut in and out, description, status and dependencies — each only where
 * the file gives it (a pull has no statuses), and by {@link ShotStatus#revisedBy} for the status; its work type,
 * complexity, flags and hand bids stay. With omit-missing, the stored shots of the
 * file's episodes that the file no longer has become OMITTED. A shot in progress or done whose frames change is
 * flagged for re-bid. Problems (a shot moved to another episode, a dependency cycle through stored shots) are
 * reported with the file's lines, like any import problem.
 */
public final class ShotListUpdate {

    /**
     * Notes that are the cut: compared and reported field by field. Other notes (an EDL's event number, reel and
     * record position, which move whenever an earlier shot changes length) follow the shot's other changes silently.
     */
    private static final Set<String> CUT_NOTES = Set.of("cut_in", "sg_cut_in", "cut_out", "sg_cut_out");

    private ShotListUpdate() {
    }

    public static ShotDiff diff(Show stored, RevisedShots revised, boolean omitMissing) {
        Problems problems = new Problems(revised.file());
        Map<String, Shot> byCode = new LinkedHashMap<>();
        stored.shots().forEach(s -> byCode.put(s.code(), s));
        List<Shot> added = new ArrayList<>();
        List<ShotDiff.Changed> changed = new ArrayList<>();
        int unchanged = 0;
        Set<String> inFile = new HashSet<>();
        Map<String, List<String>> dependencies = new HashMap<>();
        stored.shots().forEach(s -> dependencies.put(s.code(), s.dependsOn()));
        for (LocatedShot located : revised.located()) {
            Shot file = located.shot();
            inFile.add(file.code());
            Shot before = byCode.get(file.code());
            if (before == null) {
                added.add(file);
                dependencies.put(file.code(), file.dependsOn());
                continue;
            }
            if (!before.episode().equals(file.episode())) {
                problems.add(located.cell(ShotColumn.EPISODE, file.episode()), "shot " + file.code() + " is in episode "
                        + before.episode() + "; a revision does not move shots between episodes (omit it and add a new code)");
                continue;
            }
            Shot after = revise(before, file, revised);
            dependencies.put(after.code(), after.dependsOn());
            List<ShotDiff.FieldChange> fields = fieldChanges(before, after);
            if (fields.isEmpty()) {
                unchanged++; // notes that are not the cut (event numbers, reels) are not worth a write on their own
                continue;
            }
            boolean rebid = before.status().isFixed() && before.frameCount() != after.frameCount();
            changed.add(new ShotDiff.Changed(before, after, fields, rebid));
        }
        List<Shot> omitted = new ArrayList<>();
        if (omitMissing) {
            Set<String> episodes = revised.episodes();
            for (Shot s : stored.shots()) {
                if (episodes.contains(s.episode()) && !inFile.contains(s.code()) && s.status() != ShotStatus.OMITTED) {
                    omitted.add(s);
                }
            }
        }
        for (List<String> cycle : cycles(dependencies)) {
            problems.add(revised.line(cycle.getFirst()), 0, "depends_on", "dependency cycle: " + String.join(" → ", cycle)
                    + " (with the show's stored dependencies); a shot cannot wait for itself");
        }
        problems.throwIfAny();
        return new ShotDiff(revised.file(), added, changed, omitted, unchanged);
    }

    private static Shot revise(Shot before, Shot file, RevisedShots revised) {
        String description = file.description() != null ? file.description() : before.description();
        ShotStatus status = before.status().revisedBy(revised.gives(ShotColumn.STATUS) ? file.status()
                : ShotStatus.NOT_STARTED);
        List<String> dependsOn = revised.gives(ShotColumn.DEPENDS_ON) ? file.dependsOn() : before.dependsOn();
        Map<String, String> notes = new LinkedHashMap<>(before.notes());
        notes.putAll(file.notes());
        return new Shot(before.code(), before.episode(), before.sequence(), description, file.frameCount(), before.fps(),
                before.resolution(), before.workType(), before.complexity(), before.performerLikeness(),
                before.consentOnFile(), before.humanOnly(), before.plateReadyDate(), status, dependsOn, notes,
                before.estimateOverrides());
    }

    private static List<ShotDiff.FieldChange> fieldChanges(Shot before, Shot after) {
        List<ShotDiff.FieldChange> fields = new ArrayList<>();
        if (before.frameCount() != after.frameCount()) {
            fields.add(new ShotDiff.FieldChange("frame_count", String.valueOf(before.frameCount()),
                    String.valueOf(after.frameCount())));
        }
        for (String note : new TreeSet<>(after.notes().keySet())) {
            if (CUT_NOTES.contains(note) && !Objects.equals(before.notes().get(note), after.notes().get(note))) {
                fields.add(new ShotDiff.FieldChange(note, before.notes().get(note), after.notes().get(note)));
            }
        }
        if (!Objects.equals(before.description(), after.description())) {
            fields.add(new ShotDiff.FieldChange("description", before.description(), after.description()));
        }
        if (before.status() != after.status()) {
            fields.add(new ShotDiff.FieldChange("status", before.status().name(), after.status().name()));
        }
        if (!new TreeSet<>(before.dependsOn()).equals(new TreeSet<>(after.dependsOn()))) {
            fields.add(new ShotDiff.FieldChange("depends_on", codes(before.dependsOn()), codes(after.dependsOn())));
        }
        return fields;
    }

    private static String codes(List<String> shots) {
        return shots.isEmpty() ? null : String.join(";", new TreeSet<>(shots));
    }

    private static List<List<String>> cycles(Map<String, List<String>> dependencies) {
        List<LocatedShot> graph = new ArrayList<>(dependencies.size());
        dependencies.forEach((code, on) -> graph.add(new LocatedShot(new Shot(code, "", null, null, 1,
                java.math.BigDecimal.ONE, io.shotplan.show.Resolution.HD, "", 1, false, false, false, null,
                ShotStatus.NOT_STARTED, on, Map.of()), 0, Map.of(), Map.of())));
        return ShotListRules.cycles(graph);
    }
}
