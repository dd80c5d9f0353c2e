package io.shotplan.psplib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PSPLIB multi-mode instance ({@code .mm}). Every line of the sections it needs must parse;
 * anything unexpected fails with the file, line and what was expected, rather than being skipped.
 */
public final class PsplibReader {

    private static final Pattern JOBS = Pattern.compile("^jobs \\(incl\\. supersource/sink \\):\\s*(\\d+)\\s*$");
    private static final Pattern HORIZON = Pattern.compile("^horizon\\s*:\\s*(\\d+)\\s*$");
    private static final Pattern RESOURCE_COUNT =
            Pattern.compile("^\\s*-\\s*(renewable|nonrenewable|doubly constrained)\\s*:\\s*(\\d+)\\s+[RND]\\s*$");

    private PsplibReader() {
    }

    public static PsplibInstance read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PSPLIB instance " + file, e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.mm$", "");
        return parse(file, name, lines);
    }

    static PsplibInstance parse(Path file, String name, List<String> lines) {
        int jobCount = -1;
        int horizon = -1;
        int renewable = -1;
        int nonRenewable = -1;
        int doubly = 0;
        int i = 0;
        List<List<Integer>> successors = null;
        List<Integer> modeCounts = null;
        List<List<PsplibMode>> modes = null;
        List<Integer> capacities = null;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            Matcher m;
            if ((m = JOBS.matcher(trimmed)).matches()) {
                jobCount = Integer.parseInt(m.group(1));
                i++;
            } else if ((m = HORIZON.matcher(trimmed)).matches()) {
                horizon = Integer.parseInt(m.group(1));
                i++;
            } else if ((m = RESOURCE_COUNT.matcher(line)).matches()) {
                int count = Integer.parseInt(m.group(2));
                switch (m.group(1)) {
                    case "renewable" -> renewable = count;
                    case "nonrenewable" -> nonRenewable = count;
                    default -> doubly = count;
                }
                i++;
            } else if (trimmed.startsWith("PRECEDENCE RELATIONS:")) {
                requireHeader(file, jobCount >= 0, i, line, "the jobs count before the precedence relations");
                successors = new ArrayList<>();
                modeCounts = new ArrayList<>();
                i += 2; // section title and column header
                for (int job = 1; job <= jobCount; job++, i++) {
                    int[] v = ints(file, lines, i, "a precedence row: job, #modes, #successors, successors");
                    if (v.length < 3 || v[0] != job || v.length != 3 + v[2]) {
                        throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                                "Expected the precedence row of job " + job + " (job, #modes, #successors, then that many successors)");
                    }
                    modeCounts.add(v[1]);
                    List<Integer> succ = new ArrayList<>();
                    for (int k = 3; k < v.length; k++) {
                        if (v[k] < 1 || v[k] > jobCount) {
                            throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                                    "Expected successors between 1 and " + jobCount);
                        }
                        succ.add(v[k]);
                    }
                    successors.add(succ);
                }
            } else if (trimmed.startsWith("REQUESTS/DURATIONS:")) {
                requireHeader(file, modeCounts != null && renewable >= 0 && nonRenewable >= 0, i, line,
                        "the precedence relations and resource counts before the requests");
                if (doubly != 0) {
                    throw new PsplibFormatException(file, i + 1, line,
                            "Expected no doubly constrained resources (this reader supports R and N only)");
                }
                i += 3; // title, column header, dashes
                modes = new ArrayList<>();
                int resources = renewable + nonRenewable;
                for (int job = 1; job <= jobCount; job++) {
                    List<PsplibMode> jobModes = new ArrayList<>();
                    for (int mode = 1; mode <= modeCounts.get(job - 1); mode++, i++) {
                        int[] v = ints(file, lines, i, "a request row");
                        int offset;
                        if (mode == 1) {
                            if (v.length != 3 + resources || v[0] != job) {
                                throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                                        "Expected the first mode row of job " + job + ": job, mode, duration and "
                                                + resources + " requests");
                            }
                            offset = 1;
                        } else {
                            if (v.length != 2 + resources) {
                                throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                                        "Expected mode " + mode + " of job " + job + ": mode, duration and "
                                                + resources + " requests");
                            }
                            offset = 0;
                        }
                        if (v[offset] != mode) {
                            throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                                    "Expected mode number " + mode + " of job " + job);
                        }
                        List<Integer> r = new ArrayList<>();
                        List<Integer> n = new ArrayList<>();
                        for (int k = 0; k < renewable; k++) {
                            r.add(v[offset + 2 + k]);
                        }
                        for (int k = 0; k < nonRenewable; k++) {
                            n.add(v[offset + 2 + renewable + k]);
                        }
                        jobModes.add(new PsplibMode(mode, v[offset + 1], r, n));
                    }
                    modes.add(jobModes);
                }
            } else if (trimmed.startsWith("RESOURCEAVAILABILITIES:")) {
                requireHeader(file, renewable >= 0 && nonRenewable >= 0, i, line,
                        "the resource counts before the availabilities");
                i += 2;
                int[] v = ints(file, lines, i, "the resource availabilities");
                if (v.length != renewable + nonRenewable) {
                    throw new PsplibFormatException(file, i + 1, lineAt(lines, i),
                            "Expected " + (renewable + nonRenewable) + " resource availabilities");
                }
                capacities = new ArrayList<>();
                for (int c : v) {
                    capacities.add(c);
                }
                i++;
            } else {
                i++;
            }
        }
        if (successors == null || modes == null || capacities == null || horizon < 0) {
            throw new PsplibFormatException(file,
                    "Missing section(s): expected horizon, PRECEDENCE RELATIONS, REQUESTS/DURATIONS and RESOURCEAVAILABILITIES.");
        }
        List<PsplibJob> jobs = new ArrayList<>();
        for (int job = 1; job <= jobCount; job++) {
            jobs.add(new PsplibJob(job, successors.get(job - 1), modes.get(job - 1)));
        }
        return new PsplibInstance(name, horizon, jobs, capacities.subList(0, renewable),
                capacities.subList(renewable, renewable + nonRenewable));
    }

    private static void requireHeader(Path file, boolean ok, int i, String line, String expected) {
        if (!ok) {
            throw new PsplibFormatException(file, i + 1, line, "Expected " + expected);
        }
    }

    private static String lineAt(List<String> lines, int i) {
        return i < lines.size() ? lines.get(i) : "<end of file>";
    }

    private static int[] ints(Path file, List<String> lines, int i, String expected) {
        if (i >= lines.size()) {
            throw new PsplibFormatException(file, i + 1, "<end of file>", "Expected " + expected);
        }
        String[] tokens = lines.get(i).strip().split("\\s+");
        int[] values = new int[tokens.length];
        try {
            for (int k = 0; k < tokens.length; k++) {
                values[k] = Integer.parseInt(tokens[k]);
            }
        } catch (NumberFormatException e) {
            throw new PsplibFormatException(file, i + 1, lines.get(i), "Expected " + expected + " (integers only)");
        }
        return values;
    }
}
