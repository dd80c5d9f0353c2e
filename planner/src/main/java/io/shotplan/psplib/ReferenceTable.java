package io.shotplan.psplib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The published optimum (or best-known) makespans of a PSPLIB set, read from {@code jNNopt.mm} / {@code jNNhrs.mm}.
 * Rows are {@code parameter, instance, makespan[, cpu-time]} after the dashed line under the column header.
 * Rows are split on commas with surrounding whitespace (j14opt.mm has {@code "35 , 1.43"});
 * any row that still does not parse fails the whole read, so no instance silently loses its reference.
 */
public final class ReferenceTable {

    /** PSPLIB's marker for an instance that has no feasible schedule. */
    public static final int INFEASIBLE = 16384;

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*");

    private final String setName;
    private final Map<String, Integer> makespans;

    private ReferenceTable(String setName, Map<String, Integer> makespans) {
        this.setName = setName;
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

    static ReferenceTable parse(Path file, String setName, List<String> lines) {
        int dataStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase().contains("instance") && lines.get(i).toLowerCase().contains("makespan")) {
                // the column header; rows start after the dashed line below it
                int j = i + 1;
                while (j < lines.size() && lines.get(j).strip().matches("-+")) {
                    j++;
                }
                dataStart = j;
                break;
            }
        }
        if (dataStart < 0) {
            throw new PsplibFormatException(file, "No column header with 'Instance' and 'Makespan' found.");
        }
        Map<String, Integer> makespans = new LinkedHashMap<>();
        for (int i = dataStart; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = SEPARATOR.split(line.strip());
            if (fields.length < 3 || fields.length > 4) {
                throw new PsplibFormatException(file, i + 1, line,
                        "Expected 'parameter, instance, makespan[, cpu-time]'");
            }
            try {
                int parameter = Integer.parseInt(fields[0]);
                int instance = Integer.parseInt(fields[1]);
                int makespan = Integer.parseInt(fields[2]);
                if (fields.length == 4) {
                    Double.parseDouble(fields[3]);
                }
                String key = setName + parameter + "_" + instance;
                if (makespans.put(key, makespan) != null) {
                    throw new PsplibFormatException(file, i + 1, line, "Expected each instance once; " + key + " repeats");
                }
            } catch (NumberFormatException e) {
                throw new PsplibFormatException(file, i + 1, line,
                        "Expected numbers in 'parameter, instance, makespan[, cpu-time]'");
            }
        }
        if (makespans.isEmpty()) {
            throw new PsplibFormatException(file, "No reference rows found.");
        }
        return new ReferenceTable(setName, makespans);
    }

    public String setName() {
        return setName;
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
