package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shotplan.show.Shot;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdlReaderTest {

    static final EdlOptions EP103 = EdlOptions.of("EP103", "cleanup", 2);
    static final BigDecimal NTSC = new BigDecimal("29.97");

    static List<Shot> read(String edl, EdlOptions options) {
        return new EdlReader().read(Source.of("pull.edl", edl.getBytes(StandardCharsets.UTF_8)), options,
                ShotListCsvReaderTest.NEW_SHOTS);
    }

    static List<Problem> problems(String edl, EdlOptions options) {
        return catchThrowableOfType(ImportProblems.class, () -> read(edl, options)).problems();
    }

    @Test
    void aVfxPullBecomesOneShotPerVideoEventCountingSourceFrames() throws Exception {
        Path edl = Path.of(getClass().getResource("ep103-vfx-pull.edl").toURI());

        List<Shot> shots = new EdlReader().read(edl, EP103, ShotListCsvReaderTest.NEW_SHOTS);

        assertThat(shots).extracting(Shot::code, Shot::frameCount, Shot::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EP103_045_0120", 96, "snow on windscreen"),
                org.assertj.core.groups.Tuple.tuple("EP103_045_0130", 60, "sky through the roof"),
                org.assertj.core.groups.Tuple.tuple("EP103_055_0010", 84, "paint out the crane"),
                org.assertj.core.groups.Tuple.tuple("EP103_055_0020", 96, "ice on the Obelisco, speed ramp"));
        assertThat(shots).allSatisfy(s -> {
            assertThat(s.episode()).isEqualTo("EP103");
            assertThat(s.workType()).isEqualTo("cleanup");
            assertThat(s.fps()).isEqualByComparingTo("24");
        });
        assertThat(shots.getFirst().sequence()).isEqualTo("EP103_045");
        assertThat(shots.getFirst().notes()).containsEntry("edl_event", "001").containsEntry("reel", "A012C004")
                .containsEntry("record_in", "01:00:00:00").containsEntry("record_out", "01:00:04:00")
                .containsEntry("shot_code_from", "marker");
        // event 005 shows 48 record frames under M2 at 48 fps: twice as many source frames are the work
        assertThat(shots.getLast().notes()).containsEntry("shot_code_from", "comment");
    }

    @Test
    void dropFrameTimecodeSkipsTheDroppedFrameNumbers() {
        String hourLong = """
                001  A001 V C 00:00:59;28 00:01:00;04 00:00:59;28 00:01:00;04
                * LOC: 00:00:59;28 RED EP101_010_0010
                002  A001 V C 00:00:00;00 01:00:00;00 00:00:00;00 01:00:00;00
                * LOC: 00:00:00;00 RED EP101_010_0020
                """;
        // an hour is more frames than one shot may have by default; a studio that cuts such shots raises the limit
        assertThat(problems(hourLong, EP103.withFps(NTSC))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("107892 frames is more than the limit of 100000 per shot");
        });
        ImportLimits hourLongShots = new ImportLimits(ImportLimits.DEFAULT_MAX_FILE_BYTES, ImportLimits.DEFAULT_MAX_ROWS,
                200_000, ImportLimits.DEFAULT_MAX_RESOLUTION_SIDE);

        List<Shot> shots = new EdlReader(hourLongShots).read(Source.of("pull.edl", hourLong.getBytes(StandardCharsets.UTF_8)),
                EP103.withFps(NTSC), ShotListCsvReaderTest.NEW_SHOTS);

        assertThat(shots).extracting(Shot::frameCount).containsExactly(4, 107_892);
        assertThat(shots.getFirst().fps()).isEqualByComparingTo("29.97");
    }

    @Test
    void fcmDropFrameCountsColonTimecodesAsDropFrame() {
        List<Shot> shots = read("""
                FCM: DROP FRAME
                001  A001 V C 00:09:59:28 00:10:00:02 00:09:59:28 00:10:00:02
                * LOC: 00:09:59:28 RED EP101_010_0010
                002  A001 V C 00:10:59:28 00:11:00:02 00:10:59:28 00:11:00:02
                * LOC: 00:10:59:28 RED EP101_010_0020
                """, EP103.withFps(NTSC));

        assertThat(shots).extracting(Shot::frameCount).containsExactly(4, 2);
    }

    @Test
    void aMalformedTimecodeIsReportedAtItsColumn() {
        List<Problem> problems = problems("""
                001  A001 V C 01:00:00:00 01:00:0A:00 01:00:00:00 01:00:02:00
                * LOC: 01:00:00:00 RED EP101_010_0010
                002  A001 V C 01:00:00:00 01:00:02:00 01:00:02:00 01:00:04:30
                * LOC: 01:00:00:00 RED EP101_010_0020
                """, EP103);

        assertThat(problems).extracting(Problem::line, Problem::column, Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 27, "source out",
                        "malformed timecode '01:00:0A:00'; expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame)"),
                org.assertj.core.groups.Tuple.tuple(3, 51, "record out",
                        "malformed timecode 01:00:04:30: frame 30 does not exist at 24 fps (frames run 00–23)"));
    }

    @Test
    void aDroppedFrameNumberIsAMalformedTimecode() {
        assertThat(problems("001  A001 V C 00:01:00;00 00:01:02;00 00:01:00;00 00:01:02;00\n* LOC: 00:01:00;00 RED A_010\n",
                EP103.withFps(NTSC))).extracting(Problem::message).contains(
                "malformed timecode 00:01:00;00: frame 0 is skipped by drop-frame counting at the start of minute 1");
    }

    @Test
    void dropFrameAtTwentyFourFramesIsReported() {
        assertThat(problems("001  A001 V C 00:00:01;00 00:00:02;00 00:00:01;00 00:00:02;00\n* LOC: 00:00:01;00 RED A_010\n",
                EP103)).extracting(Problem::message).contains("malformed timecode 00:00:01;00: drop-frame timecode (;)"
                + " exists only at 29.97 or 59.94 fps, not at 24; give the EDL's rate");
    }

    @Test
    void anEventThatNamesNoShotIsReported() {
        assertThat(problems("001  BL V C 01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00\n"
                + "* COMMENT: temp music here\n", EP103)).singleElement().isEqualTo(new Problem("pull.edl", 1, 1,
                "event", "event 001 names no shot; expected a '* LOC:' line with the shot code as marker name,"
                        + " a '* FROM CLIP NAME:', a '* COMMENT:' starting with the code or a reel named for the shot"));
    }

    @Test
    void shotCodesAreFoundAsEditorsWriteThem() {
        List<Shot> shots = read("""
                001  A001C003 V     C        01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                * FROM CLIP NAME:  ZZ100_501 (LAY3)
                002  B002 V     C        02:00:00:00 02:00:01:00 01:00:02:00 01:00:03:00
                * FROM CLIP NAME:  Z677_4C (ANIM10)
                003  ABC0010. V     C        03:00:00:00 03:00:03:00 01:00:03:00 01:00:06:00
                * COMMENT: slow push in
                004  A009 V     C        04:00:00:00 04:00:01:00 01:00:06:00 01:00:07:00
                * FROM CLIP NAME: EP103_070_0010_plate_v002.mov
                """, EP103);

        assertThat(shots).extracting(Shot::code, s -> s.notes().get("shot_code_from")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ZZ100_501", "clip name"),
                org.assertj.core.groups.Tuple.tuple("Z677_4C", "clip name"),
                org.assertj.core.groups.Tuple.tuple("ABC0010", "reel"),
                org.assertj.core.groups.Tuple.tuple("EP103_070_0010_plate_v002", "clip name"));
    }

    @Test
    void aStudiosShotNameExpressionOverridesTheRule() {
        List<Shot> shots = read("""
                001  A001C003 V     C        01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                * FROM CLIP NAME: EP103_070_0010_plate_v002.mov
                * LOC: 01:00:00:12 RED  temp
                """, EP103.withShotName(EdlOptions.shotNamePattern("(?<shot>EP\\d{3}_\\d{3}_\\d{4})")));

        assertThat(shots).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("EP103_070_0010");
            assertThat(s.notes()).containsEntry("shot_code_from", "--shot-name in clip name");
        });
    }

    @Test
    void speedEffectsAndFreezesCountTheSourceFramesTheyUse() {
        List<Shot> shots = read("""
                001  A001 V     C        01:00:00:00 01:00:01:12 01:00:00:00 01:00:01:12
                M2   A001       046.7                01:00:00:00
                * LOC: 01:00:00:00 RED EP103_080_0010
                002  A002 V     C        02:00:00:00 02:00:01:12 01:00:01:12 01:00:03:00
                M2   A002       000.0                02:00:00:00
                * LOC: 01:00:01:12 RED EP103_080_0020
                003  A003 V     C        03:00:00:00 03:00:02:00 01:00:03:00 01:00:05:00
                M2   A003       -012.0               03:00:00:00
                * LOC: 01:00:03:00 RED EP103_080_0030
                """, EP103);

        // 36 record frames at 46.7 fps for 24: 70.05 source frames; a freeze holds one; reversed at half speed, 24
        assertThat(shots).extracting(Shot::code, Shot::frameCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EP103_080_0010", 70),
                org.assertj.core.groups.Tuple.tuple("EP103_080_0020", 1),
                org.assertj.core.groups.Tuple.tuple("EP103_080_0030", 24));
    }

    @Test
    void aDissolveCountsTheIncomingClipsFullSourceRange() {
        List<Shot> shots = read("""
                001  A001 V     C        01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                * LOC: 01:00:00:00 RED EP103_090_0010
                002  A001 V     C        01:00:02:00 01:00:02:00 01:00:02:00 01:00:02:00
                002  B001 V     D    024 05:00:00:00 05:00:03:00 01:00:02:00 01:00:04:00
                * FROM CLIP NAME: A001
                * TO CLIP NAME: EP103_090_0020 (V2)
                """, EP103);

        assertThat(shots).extracting(Shot::code, Shot::frameCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EP103_090_0010", 48),
                org.assertj.core.groups.Tuple.tuple("EP103_090_0020", 72));
    }

    @Test
    void handlesWidenEverySourceRangeOnBothSides() {
        List<Shot> shots = read("""
                001  A001 V     C        01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                * LOC: 01:00:00:00 RED EP103_045_0120
                """, EP103.withHandles(8));

        assertThat(shots).extracting(Shot::frameCount).containsExactly(48 + 16);
    }

    @Test
    void aRecordOutBeforeRecordInIsReported() {
        assertThat(problems("001  A001 V C 01:00:00:00 01:00:02:00 01:00:02:00 01:00:00:00\n* LOC: x RED A_010\n", EP103))
                .extracting(Problem::message).containsExactly(
                        "record out 01:00:00:00 is before record in 01:00:02:00; expected record out ≥ record in");
    }

    @Test
    void theSameClipInTwoEventsIsOneShotCoveringTheUnionOfItsSourceRanges() {
        List<Shot> shots = read("""
                001  A001 V C 01:00:00:00 01:00:02:00 01:00:00:00 01:00:02:00
                * LOC: 01:00:00:00 RED EP103_045_0120
                002  B001 V C 02:00:00:00 02:00:01:00 01:00:02:00 01:00:03:00
                * LOC: 01:00:02:00 RED EP103_045_0130
                003  A001 V C 01:00:01:00 01:00:03:00 01:00:03:00 01:00:05:00
                * LOC: 01:00:03:00 RED EP103_045_0120
                004  A001 V C 01:00:10:00 01:00:11:00 01:00:05:00 01:00:06:00
                * LOC: 01:00:05:00 RED EP103_045_0120
                """, EP103);

        // 01:00:00:00–01:00:03:00 (the two overlapping uses) and 01:00:10:00–01:00:11:00: 72 + 24 frames
        assertThat(shots).extracting(Shot::code, Shot::frameCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EP103_045_0120", 96),
                org.assertj.core.groups.Tuple.tuple("EP103_045_0130", 24));
        assertThat(shots.getFirst().notes()).containsEntry("edl_event", "001 003 004");
    }

    @Test
    void aFileWithoutEventsIsReported() {
        assertThat(problems("TITLE: empty\nFCM: NON-DROP FRAME\n", EP103)).extracting(Problem::message)
                .singleElement().asString().startsWith("has no video events");
    }

    @Test
    void timecodeFrameNumbers() {
        assertThat(Timecode.parse("01:00:00:00").orElseThrow().frameNumber(BigDecimal.valueOf(24))).isEqualTo(86_400);
        assertThat(Timecode.parse("00:10:00;00").orElseThrow().frameNumber(NTSC)).isEqualTo(17_982);
        assertThat(Timecode.parse("01:00:00;00").orElseThrow().frameNumber(new BigDecimal("59.94"))).isEqualTo(215_784);
        assertThat(Timecode.parse("00:01:00;04").orElseThrow().invalidAt(new BigDecimal("59.94"))).isEmpty();
        assertThat(Timecode.parse("00:01:00;03").orElseThrow().invalidAt(new BigDecimal("59.94"))).isPresent();
        assertThat(Timecode.parse("1:00:00:00")).isEmpty();
    }
}
