package io.shotplan.show.io;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The non-blank records of a CSV file, each with the line it starts on. Malformed CSV (an unclosed quote, say)
 * ends the walk with one reported problem at the line where it began; a size limit or an encoding error is not a
 * CSV problem and goes up to the reader's caller.
 */
final class CsvLines implements Iterable<CsvLines.Line> {

    record Line(CSVRecord record, int line) {
    }

    private final CSVParser parser;
    private final Problems problems;
    private final String malformedHint;

    /** @param malformedHint appended to the malformed-CSV message: what the reader expected instead */
    CsvLines(CSVParser parser, Problems problems, String malformedHint) {
        this.parser = parser;
        this.problems = problems;
        this.malformedHint = malformedHint;
    }

    @Override
    public Iterator<Line> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private long lastLine;
            private Line next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (next == null && !ended) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        if (e.getCause() instanceof Source.LimitExceeded || e.getCause() instanceof CharacterCodingException) {
                            throw e;
                        }
                        return malformed(e.getCause().getMessage() + malformedHint);
                    } catch (IllegalStateException e) {
                        return malformed(e.getMessage());
                    }
                    int line = (int) Math.min(Integer.MAX_VALUE, lastLine + 1);
                    lastLine = parser.getCurrentLineNumber();
                    if (!record.stream().allMatch(String::isBlank)) {
                        next = new Line(record, line);
                    }
                }
                return next != null;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = next;
                next = null;
                return line;
            }

            private boolean malformed(String message) {
                problems.add((int) lastLine + 1, 0, "", "malformed CSV: " + message);
                ended = true; // the parser cannot go on past a malformed record
                return false;
            }
        };
    }
}
