package io.shotplan.psplib;

import java.nio.file.Path;

/** A PSPLIB file that cannot be read; names the file, the line and what was expected, so the user can fix it. */
public class PsplibFormatException extends RuntimeException {

    public PsplibFormatException(Path file, int lineNumber, String line, String expected) {
        super("%s:%d: %s, but found \"%s\"".formatted(file, lineNumber, expected, line.strip()));
    }

    public PsplibFormatException(Path file, String message) {
        super(file + ": " + message);
    }
}
