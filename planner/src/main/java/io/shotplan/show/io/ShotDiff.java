package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.util.List;

/**
 * What a revised shot list or pull does to a stored show: shots added, shots changed field by field, shots
 * omitted (never deleted: their costs stay), and how many stay as they are.
 *
 * @param file      the revised file's name
 * @param added     new shots, in file order
 * @param changed   stored shots the file changes, in file order
 * @param omitted   stored shots (as stored) of the file's episodes the file no longer has: they become OMITTED
 *                  (with omit-missing)
 * @param unchanged how many of the file's shots are stored exactly so
 */
public record ShotDiff(String file, List<Shot> added, List<Changed> changed, List<Shot> omitted, int unchanged) {

    public ShotDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        omitted = List.copyOf(omitted);
    }

    /**
     * A stored shot and what the file makes of it.
     *
     * @param rebid the shot is in progress or done and its frames change: its bid no longer holds
     */
    public record Changed(Shot before, Shot after, List<FieldChange> fields, boolean rebid) {
        public Changed {
            fields = List.copyOf(fields);
        }

        public String code() {
            return after.code();
        }
    }

    /** One field of one shot, before and after, as text. */
    public record FieldChange(String field, String before, String after) {
        @Override
        public String toString() {
            return field + " " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && omitted.isEmpty();
    }

    /** The shots flagged for re-bid: under way or done, and their frames changed. */
    public List<String> rebid() {
        return changed.stream().filter(Changed::rebid).map(Changed::code).toList();
    }

    /** "3 added, 2 changed (1 to re-bid), 1 omitted, 40 unchanged": the counts the audit log keeps. */
    public String counts() {
        return added.size() + " added, " + changed.size() + " changed (" + rebid().size() + " to re-bid), "
                + omitted.size() + " omitted, " + unchanged + " unchanged";
    }
}
