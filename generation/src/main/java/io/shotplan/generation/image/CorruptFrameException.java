package io.shotplan.generation.image;

import io.shotplan.generation.GenerationException;
import java.nio.file.Path;

/** A frame file is missing, truncated or not an image this module reads; retrying will not help. */
public class CorruptFrameException extends GenerationException {

    public CorruptFrameException(Path file, String problem) {
        super("frame " + file + ": " + problem, true);
    }

    public CorruptFrameException(Path file, String problem, Throwable cause) {
        super("frame " + file + ": " + problem, true, cause);
    }
}
