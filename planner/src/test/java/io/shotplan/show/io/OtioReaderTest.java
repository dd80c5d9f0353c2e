package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shotplan.show.Shot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** OpenTimelineIO timelines read with the EDL's shot-code rules and source-frame counting. */
class OtioReaderTest {

    static final EdlOptions EP103 = EdlOptions.of("EP103", "cleanup", 2);

    static List<Shot> read(String json) {
        return new OtioReader().read(Source.of("pull.otio", json.getBytes(StandardCharsets.UTF_8)), EP103,
                ShotListCsvReaderTest.NEW_SHOTS);
    }

    static String clip(String name, long start, long frames, String extra) {
        return """
                {"OTIO_SCHEMA": "Clip.2", "name": "%s",
                 "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                   "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24.0, "value": %d},
                   "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24.0, "value": %d}}%s}
                """.formatted(name, start, frames, extra);
    }

    static String timeline(String... items) {
        return """
                {"OTIO_SCHEMA": "Timeline.1", "name": "pull",
                 "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
                   {"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [%s]},
                   {"OTIO_SCHEMA": "Track.1", "kind": "Audio", "children": [%s]}]}}
                """.formatted(String.join(",", items), clip("EP103_999_0010", 0, 10, ""));
    }

    @Test
    void clipsAreNamedAsInAnEdlAndCountTheirSourceFrames() {
        List<Shot> shots = read(timeline(
                clip("ZZ100_501 (LAY3)", 1000, 48, ""),
                clip("A001C002", 2000, 24, """
                        , "markers": [{"OTIO_SCHEMA": "Marker.2", "name": "EP103_045_0130", "comment": "sky"}]"""),
                "{\"OTIO_SCHEMA\": \"Gap.1\", \"source_range\": {\"duration\": {\"rate\": 24, \"value\": 12}}}",
                clip("", 3000, 36, """
                        , "metadata": {"cmx_3600": {"reel": "ABC0010."}},
                          "effects": [{"OTIO_SCHEMA": "LinearTimeWarp.1", "time_scalar": 1.9458333}]"""),
                clip("EP103_050_0010.mov", 4000, 24, """
                        , "effects": [{"OTIO_SCHEMA": "FreezeFrame.1", "time_scalar": 0}]""")));

        assertThat(shots).extracting(Shot::code, Shot::frameCount, Shot::description, s -> s.notes().get("shot_code_from"))
                .containsExactly(
                        Tuple.tuple("ZZ100_501", 48, null, "clip name"),
                        Tuple.tuple("EP103_045_0130", 24, "sky", "marker"),
                        Tuple.tuple("ABC0010", 70, null, "reel"),
                        Tuple.tuple("EP103_050_0010", 1, null, "clip name"));
        assertThat(shots.get(2).notes()).containsEntry("record_in", "00:00:03:12");
    }

    @Test
    void aDissolveWidensTheIncomingClipByItsOverlap() {
        List<Shot> shots = read(timeline(
                clip("EP103_045_0120", 1000, 48, ""),
                "{\"OTIO_SCHEMA\": \"Transition.1\", \"transition_type\": \"SMPTE_Dissolve\","
                        + " \"in_offset\": {\"rate\": 24, \"value\": 12}, \"out_offset\": {\"rate\": 24, \"value\": 6}}",
                clip("EP103_045_0130", 2000, 24, "")));

        // the outgoing clip plays 6 frames past its cut, the incoming one 12 frames before it
        assertThat(shots).extracting(Shot::frameCount).containsExactly(54, 36);
    }

    @Test
    void somethingElseIsRefusedWithWhatWasExpected() {
        assertThat(catchThrowableOfType(ImportProblems.class, () -> read("{\"OTIO_SCHEMA\": \"Clip.2\"}")).problems())
                .extracting(Problem::message).containsExactly("expected an OpenTimelineIO Timeline, got 'Clip.2'");
        assertThat(catchThrowableOfType(ImportProblems.class, () -> read("{\"OTIO_SCHEMA\": ")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not OpenTimelineIO JSON"));
    }

    @Test
    void theExamplePullReadsAsTheEdlDoes() throws Exception {
        var path = ShotListUpdateTest.REVISIONS.resolve("EP103_vfx_pull_v005.otio");
        List<Shot> shots = new OtioReader().read(Source.of(path), EP103, ShotListCsvReaderTest.NEW_SHOTS);

        assertThat(shots).extracting(Shot::code, Shot::frameCount).containsExactly(
                Tuple.tuple("EP103_010_0010", 134), Tuple.tuple("EP103_010_0020", 203), Tuple.tuple("EP103_010_0030", 66));
    }
}
