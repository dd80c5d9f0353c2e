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
        if (fps.signum() <= 0 || fps.compareTo(BigDecimal.valueOf(240)) > 0) {
            throw ImportProblems.of(Problem.ofFile("--fps", "expected frames per second between 1 and 240, got " + fps));
        }
    }

    public static EdlOptions of(String episode, String workType, int complexity) {
        return new EdlOptions(episode, DEFAULT_FPS, workType, complexity, Resolution.HD);
    }

    public EdlOptions withFps(BigDecimal newFps) {
        return new EdlOptions(episode, newFps, workType, complexity, resolution);
    }
}
