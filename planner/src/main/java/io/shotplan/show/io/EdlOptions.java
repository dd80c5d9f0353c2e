package io.shotplan.show.io;

import io.shotplan.show.Resolution;
import java.math.BigDecimal;

/**
 * What an EDL does not say and the user must: the episode its events belong to, the frame rate its timecodes
 * count (EDLs carry none; 24 by default) and the breakdown every new shot starts with.
 */
public record EdlOptions(String episode, BigDecimal fps, String workType, int complexity, Resolution resolution) {

    public static final BigDecimal DEFAULT_FPS = BigDecimal.valueOf(24);

    public EdlOptions {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        if (episode == null || episode.isBlank()) {
            problems.add(Problem.ofFile("--episode", "expected the episode the EDL's events belong to"));
        }
        if (fps == null || fps.signum() <= 0 || fps.compareTo(BigDecimal.valueOf(240)) > 0) {
            problems.add(Problem.ofFile("--fps", "expected frames per second above 0 and at most 240, got " + fps));
        }
        if (workType == null || workType.isBlank()) {
            problems.add(Problem.ofFile("--work-type", "expected the work type of the new shots, one of the bid template's"));
        }
        if (complexity < 1 || complexity > 5) {
            problems.add(Problem.ofFile("--complexity", "expected a complexity from 1 to 5, got " + complexity));
        }
        if (resolution == null) {
            problems.add(Problem.ofFile("--resolution", "expected a resolution such as 1920x1080"));
        }
        if (!problems.isEmpty()) {
            throw new ImportProblems(problems);
        }
    }

    public static EdlOptions of(String episode, String workType, int complexity) {
        return new EdlOptions(episode, DEFAULT_FPS, workType, complexity, Resolution.HD);
    }

    public EdlOptions withFps(BigDecimal newFps) {
        return new EdlOptions(episode, newFps, workType, complexity, resolution);
    }
}
