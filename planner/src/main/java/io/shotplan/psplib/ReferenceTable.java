package io.shotplan.psplib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference makespans of a PSPLIB set, read from any of PSPLIB's published result tables:
 * <ul>
 * <li>{@code jNNopt.mm}, proven optima: header {@code Paramter Instance Makespan CPU-Time[sec.]}, rows
 * {@code 1, 2, 20, 0.12};</li>
 * <li>{@code jNNhrs.mm}, best known (heuristic results): header {@code Par Inst Makespan Date Author} between lines of
 * {@code =}, rows {@code 9, 2, 27, Mon Sep  8 12:00:06 1997  Soenke Hartmann};</li>
 * <li>{@code jNNlb.mm} / {@code jNNub.mm}, bounds: a header naming {@code LB} and/or {@code UB} columns after the
 * instance, rows {@code 1, 1, 77[, 80]}; where both are given the upper bound (best known) is the reference.</li>
 * </ul>
 * The columns are taken from the header: the parameter and instance, one integer per value column (makespan, LB,
 * UB), then a CPU time (a number) or a date and author (free text) where the header names them. Rows are split on
 * commas with surrounding whitespace (j14opt.mm has {@code "35 , 1.43"}); a row that does not fit the header fails the
 * whole read, so no instance silently loses its reference.
 */
public final class ReferenceTable {

    /** PSPLIB's marker for an instance that has no feasible schedule. */
    public static final int INFEASIBLE = 16384;

    /** What the reference makespans are; deviations are measured against them either way. */
    public enum Kind {
        OPTIMUM("optimum"), BEST_KNOWN("best known"), LOWER_BOUND("lower bound");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*");
    private static final Pattern RULE = Pattern.compile("[-=]+");

    private final String setName;
    private final Kind kind;
    private final Map<String, Integer> makespans;

    private ReferenceTable(String setName, Kind kind, Map<String, Integer> makespans) {
        this.setName = setName;
        this.kind = kind;
        this.makespans = Collections.unmodifiableMap(makespans);
    }

    /** Reads a table; the set name ({@code j10}) comes from the file name ({@code j10opt.mm}). */
    public static ReferenceTable read(Path file) {
        String fileName = file.getFileName().toString();
        String setName = fileName.replaceFirst("(opt|hrs|lb|ub)?\\.mm$", "");
        try {
            return parse(file, setName, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference table " + file, e);
        }
    }

    /** The header's columns after parameter and instance: which value columns, and what trails them. */
    private record Header(int lineIndex, List<String> values, Trailer trailer, String text) {

        int referenceColumn() {
            int ub = values.indexOf("ub");
            return ub >= 0 ? ub : 0;
        }
    }

    private enum Trailer { NONE, CPU_TIME, FREE_TEXT }

    static ReferenceTable parse(Path file, String setName, List<String> lines) {
        Header header = header(file, lines);
        Map<String, Integer> makespans = new LinkedHashMap<>();
        int fieldCount = 2 + header.values().size() + (header.trailer() == Trailer.NONE ? 0 : 1);
        String expected = "Expected 'parameter, instance, " + String.join(", ", header.values())
                + switch (header.trailer()) {
                    case NONE -> "";
                    case CPU_TIME -> ", cpu-time";
                    case FREE_TEXT -> ", date and author";
                } + "' as the header '" + header.text().strip() + "' says";
        for (int i = header.lineIndex() + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || RULE.matcher(line).matches()) {
                continue;
            }
            // a limit keeps an author's commas in the free-text column
            String[] fields = SEPARATOR.split(line, header.trailer() == Trailer.FREE_TEXT ? fieldCount : -1);
            boolean trailerOptional = header.trailer() == Trailer.CPU_TIME;
            if (fields.length != fieldCount && !(trailerOptional && fields.length == fieldCount - 1)) {
                throw new PsplibFormatException(file, i + 1, line, expected);
            }
            try {
                int parameter = Integer.parseInt(fields[0]);
                int instance = Integer.parseInt(fields[1]);
                int makespan = Integer.parseInt(fields[2 + header.referenceColumn()]);
                for (int v = 0; v < header.values().size(); v++) {
                    Integer.parseInt(fields[2 + v]);
                }
                if (header.trailer() == Trailer.CPU_TIME && fields.length == fieldCount) {
                    Double.parseDouble(fields[fieldCount - 1]);
                }
                String key = setName + parameter + "_" + instance;
                if (makespans.put(key, makespan) != null) {
                    throw new PsplibFormatException(file, i + 1, line, "Expected each instance once; " + key + " repeats");
                }
            } catch (NumberFormatException e) {
                throw new PsplibFormatException(file, i + 1, line, expected + " (numbers)");
            }
        }
        if (makespans.isEmpty()) {
            throw new PsplibFormatException(file, "No reference rows found under the header '" + header.text().strip() + "'.");
        }
        return new ReferenceTable(setName, kind(file, header), makespans);
    }

    /**
     * The column header: the first line naming an instance column ({@code Inst}, {@code Instance}) and a value column
     * ({@code Makespan}, {@code LB}, {@code UB}); the free text above it (authors, machine) is skipped.
     */
    private static Header header(Path file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String[] tokens = lines.get(i).strip().toLowerCase(Locale.ROOT).split("\\s+");
            int instance = -1;
            for (int t = 0; t < tokens.length && instance < 0; t++) {
                if (tokens[t].equals("inst") || tokens[t].equals("instance")) {
                    instance = t;
                }
            }
            if (instance < 0) {
                continue;
            }
            List<String> values = new ArrayList<>();
            int t = instance + 1;
            for (; t < tokens.length && valueColumn(tokens[t]) != null; t++) {
                values.add(valueColumn(tokens[t]));
            }
            if (values.isEmpty()) {
                continue;
            }
            Trailer trailer = Trailer.NONE;
            if (t < tokens.length) {
                if (tokens[t].startsWith("cpu")) {
                    trailer = Trailer.CPU_TIME;
                } else if (tokens[t].equals("date") || tokens[t].equals("author")) {
                    trailer = Trailer.FREE_TEXT;
                } else {
                    throw new PsplibFormatException(file, i + 1, lines.get(i),
                            "Expected the columns after the values to be a CPU time or a date and author");
                }
            }
            return new Header(i, values, trailer, lines.get(i));
        }
        throw new PsplibFormatException(file,
                "No column header found: expected a line naming 'Inst' or 'Instance' and 'Makespan', 'LB' or 'UB'.");
    }

    private static String valueColumn(String token) {
        return switch (token) {
            case "makespan" -> "makespan";
            case "lb", "lower" -> "lb";
            case "ub", "upper" -> "ub";
            default -> null;
        };
    }

    private static Kind kind(Path file, Header header) {
        if (header.values().contains("ub")) {
            return Kind.BEST_KNOWN;
        }
        if (header.values().contains("lb")) {
            return Kind.LOWER_BOUND;
        }
        return file.getFileName().toString().matches(".*opt\\.mm") ? Kind.OPTIMUM : Kind.BEST_KNOWN;
    }

    public String setName() {
        return setName;
    }

    public Kind kind() {
        return kind;
    }

    /** The reference makespan of an instance named like its file ({@code j1010_1}); empty when PSPLIB marks it infeasible. */
    public Optional<Integer> makespan(String instanceName) {
        Integer makespan = makespans.get(instanceName);
        if (makespan == null) {
            throw new IllegalArgumentException("Instance " + instanceName + " is not in reference table of set " + setName + ".");
        }
        return makespan == INFEASIBLE ? Optional.empty() : Optional.of(makespan);
    }

    public boolean contains(String instanceName) {
        return makespans.containsKey(instanceName);
    }

    public int size() {
        return makespans.size();
    }

    public Map<String, Integer> asMap() {
        return makespans;
    }
}
