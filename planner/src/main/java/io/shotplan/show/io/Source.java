package io.shotplan.show.io;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file: a path on disk, an upload's bytes or a stream, with the name problems are reported under.
 * Opening checks the size limit first (a path's size before reading; a stream's as it is read) and decodes
 * UTF-8 strictly, dropping a byte-order mark.
 */
public final class Source {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final Path path;
    private final Opener opener;

    private Source(String name, Path path, Opener opener) {
        this.name = Objects.requireNonNull(name);
        this.path = path;
        this.opener = opener;
    }

    public static Source of(Path file) {
        Path fileName = file.getFileName();
        return new Source(fileName == null ? file.toString() : fileName.toString(), file, () -> Files.newInputStream(file));
    }

    public static Source of(String name, byte[] content) {
        return new Source(name, null, () -> new ByteArrayInputStream(content));
    }

    /** A stream read once; its size is checked while it is read. */
    public static Source of(String name, InputStream content) {
        return new Source(name, null, () -> content);
    }

    /**
     * Content opened afresh on each read, such as an HTTP upload's part (spooled to disk by the server): it is
     * streamed, never held whole, and its size is checked while it is read.
     */
    public static Source of(String name, Opener content) {
        return new Source(name, null, content);
    }

    public String name() {
        return name;
    }

    /** The file's path when it is one on disk: a show folder resolves its shot list next to it. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    /** The content as bytes (a spreadsheet), with the size limit enforced as it is read. */
    public InputStream openBytes(ImportLimits limits) {
        try {
            if (path != null && Files.size(path) > limits.maxFileBytes()) {
                throw tooLarge(limits);
            }
            return new LimitedInputStream(opener.open(), limits.maxFileBytes());
        } catch (IOException e) {
            throw unreadable(e, limits);
        }
    }

    /** The content as text, or an {@link ImportProblems} naming why it cannot be read. */
    BufferedReader openText(ImportLimits limits) {
        try {
            if (path != null) {
                long size = Files.size(path);
                if (size > limits.maxFileBytes()) {
                    throw tooLarge(limits);
                }
            }
            InputStream in = new LimitedInputStream(opener.open(), limits.maxFileBytes());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            throw unreadable(e, limits);
        }
    }

    /** Turns a failure while reading into the problem the user sees. */
    public ImportProblems unreadable(IOException e, ImportLimits limits) {
        if (e instanceof LimitExceeded) {
            return tooLarge(limits);
        }
        if (e instanceof CharacterCodingException) {
            return ImportProblems.of(Problem.ofFile(name, "is not UTF-8 text; save it as CSV UTF-8 (or plain UTF-8) and try again"));
        }
        if (e instanceof NoSuchFileException) {
            return ImportProblems.of(Problem.ofFile(name, "no such file"));
        }
        return ImportProblems.of(Problem.ofFile(name, "cannot be read: " + e.getMessage()));
    }

    private ImportProblems tooLarge(ImportLimits limits) {
        return ImportProblems.of(Problem.ofFile(name, "is larger than the limit of " + limits.maxFileBytes()
                + " bytes per file; split it or raise shotplan.import.max-file-bytes"));
    }

    @Override
    public String toString() {
        return name;
    }

    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("size limit exceeded");
        }
    }

    /** Counts bytes as they are read and fails once past the limit. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws LimitExceeded {
            count += n;
            if (count > limit) {
                throw new LimitExceeded();
            }
        }
    }
}
