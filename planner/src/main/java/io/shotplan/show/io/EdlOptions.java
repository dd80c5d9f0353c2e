package io.shotplan.show.io;

import io.shotplan.show.Resolution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an editorial timeline does not say and the user must: the episode its events belong to, the frame rate its
 * timecodes count (EDLs carry none; 24 by default), the breakdown every new shot starts with, the studio's own
 * shot-naming convention when the default rule does not find it, and the handles added on each side of a shot.
 *
 * @param shotName a regular expression that finds the shot code in a marker, clip name, comment, source file or reel
 *                 (its group {@code shot}, else its first group, else the whole match); null: the default rule of
 *                 {@link ShotNaming}
 * @param handles  frames added before and after each source range a shot covers
 */
public record EdlOptions(String episode, BigDecimal fps, String workType, int complexity, Resolution resolution,
                         Pattern shotName, int handles) {

    public static final BigDecimal DEFAULT_FPS = BigDecimal.valueOf(24);
    static final int MAX_HANDLES = 1000;

    public EdlOptions {
        List<Problem> problems = new ArrayList<>();
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
        if (handles < 0 || handles > MAX_HANDLES) {
            problems.add(Problem.ofFile("--handles", "expected frames of handle from 0 to " + MAX_HANDLES + ", got " + handles));
        }
        if (!problems.isEmpty()) {
            throw new ImportProblems(problems);
        }
    }

    public EdlOptions(String episode, BigDecimal fps, String workType, int complexity, Resolution resolution) {
        this(episode, fps, workType, complexity, resolution, null, 0);
    }

    public static EdlOptions of(String episode, String workType, int complexity) {
        return new EdlOptions(episode, DEFAULT_FPS, workType, complexity, Resolution.HD);
    }

    /** A user's {@code --shot-name}: a regular expression, or a problem naming the option. */
    public static Pattern shotNamePattern(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ImportProblems.of(Problem.ofFile("--shot-name", "expected a regular expression, got '" + regex + "': "
                    + e.getDescription()));
        }
    }

    public EdlOptions withFps(BigDecimal newFps) {
        return new EdlOptions(episode, newFps, workType, complexity, resolution, shotName, handles);
    }

    public EdlOptions withShotName(Pattern pattern) {
        return new EdlOptions(episode, fps, workType, complexity, resolution, pattern, handles);
    }

    public EdlOptions withHandles(int frames) {
        return new EdlOptions(episode, fps, workType, complexity, resolution, shotName, frames);
    }
}
