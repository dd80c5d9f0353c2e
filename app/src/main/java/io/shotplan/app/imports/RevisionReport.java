package io.shotplan.app.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shotplan.show.io.ShotDiff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a revised shot list or pull did to a show (or, in a dry run, would do): shots added, changed field by field,
 * omitted, and for each changed or omitted shot its status and where the current plan has it, so a producer sees
 * which planned or in-progress work the revision touches.
 *
 * @param applied          false for a dry run: nothing was written
 * @param touchesPlanned   changed or omitted shots the current plan schedules
 * @param touchesUnderWay  changed or omitted shots in progress or done
 */
public record RevisionReport(String showCode, String file, boolean applied, List<Added> added, List<Changed> changed,
                             List<Omitted> omitted, int unchanged, int touchesPlanned, int touchesUnderWay) {

    /** A new shot; {@code codeFrom} says where an editorial timeline named it (marker, clip name, ...), else null. */
    public record Added(String code, String episode, int frameCount, String codeFrom) {
    }

    /** A stored shot the file changes; {@code rebid}: under way or done and its frames changed. */
    public record Changed(String code, String status, List<ShotDiff.FieldChange> fields, boolean rebid,
                          Planned planned) {
    }

    /** A stored shot no longer in the file, now OMITTED; its plan item and ledger rows stay. */
    public record Omitted(String code, String status, Planned planned) {
    }

    /** Where the current plan has a shot. */
    public record Planned(long planId, String mode, String capability, LocalDate start, LocalDate end) {
        @Override
        public String toString() {
            return "planned " + (capability != null ? capability : mode) + " " + start + " to " + end;
        }
    }

    static RevisionReport of(String showCode, ShotDiff diff, Map<String, Planned> planned, boolean applied) {
        List<Changed> changed = diff.changed().stream().map(c -> new Changed(c.code(), c.before().status().name(),
                c.fields(), c.rebid(), planned.get(c.code()))).toList();
        List<Omitted> omitted = diff.omitted().stream().map(s -> new Omitted(s.code(), s.status().name(),
                planned.get(s.code()))).toList();
        int touchesPlanned = (int) (changed.stream().filter(c -> c.planned() != null).count()
                + omitted.stream().filter(o -> o.planned() != null).count());
        int underWay = (int) (changed.stream().filter(c -> underWay(c.status())).count()
                + omitted.stream().filter(o -> underWay(o.status())).count());
        return new RevisionReport(showCode, diff.file(), applied, diff.added().stream().map(s -> new Added(s.code(),
                s.episode(), s.frameCount(), s.notes().get("shot_code_from"))).toList(), changed, omitted,
                diff.unchanged(), touchesPlanned, underWay);
    }

    private static boolean underWay(String status) {
        return "IN_PROGRESS".equals(status) || "DONE".equals(status);
    }

    @JsonProperty
    public List<String> rebid() {
        return changed.stream().filter(Changed::rebid).map(Changed::code).toList();
    }

    /** "1 added, 3 changed (1 to re-bid), 2 omitted, 65 unchanged": what the audit log keeps. */
    @JsonProperty
    public String counts() {
        return added.size() + " added, " + changed.size() + " changed (" + rebid().size() + " to re-bid), "
                + omitted.size() + " omitted, " + unchanged + " unchanged; touches " + touchesPlanned
                + " planned and " + touchesUnderWay + " in-progress or done shots";
    }

    /** The diff for people, a line per shot: what the command line prints and the page previews. */
    @JsonProperty
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((applied ? "Updated show " : "Dry run, nothing written: would update show ") + showCode + " from "
                + file + ": " + counts() + ".");
        added.forEach(a -> lines.add("  + " + a.code() + "  " + a.episode() + ", " + a.frameCount() + " frames"
                + (a.codeFrom() != null ? " (code from " + a.codeFrom() + ")" : "")));
        changed.forEach(c -> lines.add("  ~ " + c.code() + "  " + String.join("; ", c.fields().stream()
                .map(ShotDiff.FieldChange::toString).toList()) + "  [" + c.status()
                + (c.planned() != null ? ", " + c.planned() : "") + "]" + (c.rebid() ? "  RE-BID: frames changed on a shot "
                + c.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : "")));
        omitted.forEach(o -> lines.add("  - " + o.code() + "  omitted  [" + o.status()
                + (o.planned() != null ? ", " + o.planned() : "") + "]; its costs stay"));
        return lines;
    }
}
