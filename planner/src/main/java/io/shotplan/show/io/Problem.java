package io.shotplan.show.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with an input file, said so that a producer can fix it: where (file, line, column), which field,
 * and what was expected instead of what was found.
 *
 * @param file    the file's name as the user gave it
 * @param line    1-based line in the file; 0 when the problem is about the file as a whole
 * @param column  1-based column (CSV: the cell's position; YAML/EDL: the character); 0 when not known
 * @param field   the column header or key the problem is about, as written in the file; empty when none
 * @param message what is wrong and what was expected
 */
public record Problem(String file, int line, int column, String field, String message) {

    public Problem {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
    }

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, 0, "", message);
    }

    /** "shots.csv line 14, column 5 (frame_count): expected ..." */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.isEmpty() ? "input" : file);
        if (line > 0) {
            text.append(" line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        if (!field.isEmpty()) {
            text.append(" (").append(field).append(')');
        }
        return text.append(": ").append(message).toString();
    }

    /** The problem as a JSON-ready map, one entry of an RFC 9457 problem detail's {@code problems} member. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file);
        if (line > 0) {
            map.put("line", line);
        }
        if (column > 0) {
            map.put("column", column);
        }
        if (!field.isEmpty()) {
            map.put("field", field);
        }
        map.put("message", message);
        return map;
    }
}
