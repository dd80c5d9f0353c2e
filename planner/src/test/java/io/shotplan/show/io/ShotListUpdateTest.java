package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A revised shot list or pull against the example season: the diff, field by field, and what it refuses. */
class ShotListUpdateTest {

    static final Show SEASON = ShotListCsvReaderTest.SEASON;
    static final Path REVISIONS = ShowFolderReaderTest.EXAMPLE.resolve("revisions");

    static RevisedShots csv(Show show, Path file) {
        return new ShotListCsvReader().readRevision(Source.of(file), ShotListContext.forUpdate(show));
    }

    @Test
    void aRevisedShotListAddsChangesAndOmitsFieldByField() {
        ShotDiff diff = ShotListUpdate.diff(SEASON, csv(SEASON, REVISIONS.resolve("EP103_shots_v2.csv")), true);

        assertThat(diff.added()).extracting(Shot::code).containsExactly("EP103_095_0010");
        assertThat(diff.changed()).extracting(ShotDiff.Changed::code, c -> c.fields().stream().map(Object::toString).toList())
                .containsExactly(
                        Tuple.tuple("EP103_010_0010", List.of("frame_count 110 → 134", "sg_cut_out 1118 → 1142")),
                        Tuple.tuple("EP103_010_0020", List.of("status NOT_STARTED → IN_PROGRESS")),
                        Tuple.tuple("EP103_010_0030", List.of("description Roto crowd fleeing the Obelisco → Roto crowd"
                                + " fleeing the Obelisco, now with the bus in frame")),
                        Tuple.tuple("EP103_010_0040", List.of("depends_on EP103_010_0030 → —")));
        assertThat(diff.omitted()).extracting(Shot::code).containsExactly("EP103_010_0070", "EP103_020_0030");
        assertThat(diff.unchanged()).isEqualTo(66 - 2);
        assertThat(diff.rebid()).isEmpty();
    }

    @Test
    void withoutOmitMissingNothingIsOmitted() {
        ShotDiff diff = ShotListUpdate.diff(SEASON, csv(SEASON, REVISIONS.resolve("EP103_shots_v2.csv")), false);

        assertThat(diff.omitted()).isEmpty();
        assertThat(diff.changed()).hasSize(4);
    }

    @Test
    void aShotUnderWayWhoseFramesChangeIsFlaggedForRebidAndAPullLeavesStatusesAlone() {
        Show underWay = withStatus(SEASON, "EP103_010_0020", ShotStatus.IN_PROGRESS);
        RevisedShots pull = new EdlReader().readRevision(Source.of(REVISIONS.resolve("EP103_vfx_pull_v005.edl")),
                EdlOptions.of("EP103", "cleanup", 2), ShotListContext.forUpdate(underWay));

        ShotDiff diff = ShotListUpdate.diff(underWay, pull, false);

        assertThat(diff.rebid()).containsExactly("EP103_010_0020");
        assertThat(diff.changed()).extracting(ShotDiff.Changed::code).containsExactly("EP103_010_0010",
                "EP103_010_0020");
        assertThat(diff.changed().get(1).after().status()).isEqualTo(ShotStatus.IN_PROGRESS);
        assertThat(diff.changed().get(1).after().workType()).isEqualTo("crowd");
        assertThat(diff.added()).extracting(Shot::code, Shot::frameCount, s -> s.notes().get("shot_code_from"))
                .containsExactly(Tuple.tuple("EP103_095_0010", 96, "marker"), Tuple.tuple("EP103_095_0020", 70, "marker"));
    }

    @Test
    void aShotListsNotStartedDoesNotSendAFinishedShotBackButAStatusItGivesCounts() {
        Show finished = withStatus(withStatus(SEASON, "EP103_010_0030", ShotStatus.DONE), "EP103_010_0020",
                ShotStatus.DONE);

        ShotDiff diff = ShotListUpdate.diff(finished, csv(finished, REVISIONS.resolve("EP103_shots_v2.csv")), false);

        assertThat(diff.changed()).extracting(ShotDiff.Changed::code, c -> c.after().status())
                .contains(Tuple.tuple("EP103_010_0030", ShotStatus.DONE),
                        Tuple.tuple("EP103_010_0020", ShotStatus.IN_PROGRESS));
    }

    @Test
    void aRevisionThatClosesACycleThroughStoredShotsIsRefused() {
        // stored: EP103_010_0040 waits for EP103_010_0030; the file makes 0030 wait for 0040
        String csv = "code,episode,frame_count,work_type,complexity,depends_on\n"
                + "EP103_010_0030,EP103,66,roto,3,EP103_010_0040\n";
        RevisedShots revised = new ShotListCsvReader().readRevision(Source.of("v3.csv",
                csv.getBytes(StandardCharsets.UTF_8)), ShotListContext.forUpdate(SEASON));

        List<Problem> problems = catchThrowableOfType(ImportProblems.class,
                () -> ShotListUpdate.diff(SEASON, revised, false)).problems();

        assertThat(problems).extracting(Problem::line, Problem::message).containsExactly(Tuple.tuple(2,
                "dependency cycle: EP103_010_0030 → EP103_010_0040 → EP103_010_0030 (with the show's stored "
                        + "dependencies); a shot cannot wait for itself"));
    }

    @Test
    void aRevisionDoesNotMoveAShotToAnotherEpisode() {
        String csv = "code,episode,frame_count,work_type,complexity\nEP103_010_0030,EP104,66,roto,3\n";
        RevisedShots revised = new ShotListCsvReader().readRevision(Source.of("v3.csv",
                csv.getBytes(StandardCharsets.UTF_8)), ShotListContext.forUpdate(SEASON));

        assertThat(catchThrowableOfType(ImportProblems.class, () -> ShotListUpdate.diff(SEASON, revised, true))
                .problems()).extracting(Problem::line, Problem::column, Problem::message).containsExactly(Tuple.tuple(2, 2,
                "shot EP103_010_0030 is in episode EP103; a revision does not move shots between episodes (omit it and"
                        + " add a new code)"));
    }

    static Show withStatus(Show show, String code, ShotStatus status) {
        List<Shot> shots = new ArrayList<>();
        for (Shot s : show.shots()) {
            shots.add(!s.code().equals(code) ? s : new Shot(s.code(), s.episode(), s.sequence(), s.description(),
                    s.frameCount(), s.fps(), s.resolution(), s.workType(), s.complexity(), s.performerLikeness(),
                    s.consentOnFile(), s.humanOnly(), s.plateReadyDate(), status, s.dependsOn(), s.notes()));
        }
        return show.withShots(shots);
    }
}
