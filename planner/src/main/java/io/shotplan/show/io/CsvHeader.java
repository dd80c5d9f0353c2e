package io.shotplan.show.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV header line read against a reader's column names: which column holds each field, and the header as the
 * file wrote it (what problems name). Headers are matched ignoring case, spaces and punctuation; columns the
 * reader does not know are skipped.
 */
final class CsvHeader {

    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param fieldsByHeader the reader's accepted headers, normalized ({@link ShotColumn#normalize}), to its fields
     */
    static CsvHeader read(CSVRecord record, int line, Map<String, String> fieldsByHeader, Problems problems) {
        CsvHeader header = new CsvHeader();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).trim();
            String field = fieldsByHeader.get(ShotColumn.normalize(name));
            if (field == null) {
                continue;
            }
            if (header.index.putIfAbsent(field, i) != null) {
                problems.add(line, i + 1, name, "names the same field as '" + header.names.get(field) + "' (" + field
                        + "); keep one of them");
            } else {
                header.names.put(field, name);
            }
        }
        return header;
    }

    boolean has(String field) {
        return index.containsKey(field);
    }

    /** Reports each of {@code fields} the header lacks. */
    void require(int line, Problems problems, String... fields) {
        for (String field : fields) {
            if (!has(field)) {
                problems.add(line, 0, field, "missing required column " + field);
            }
        }
    }

    /** The field's cell in a record; blank, at column 0, when the file has no such column or the row is short. */
    Cell cell(CSVRecord record, int line, String field) {
        Integer i = index.get(field);
        if (i == null) {
            return new Cell(line, 0, field, "");
        }
        return new Cell(line, i + 1, names.get(field), i < record.size() ? CsvFormulas.readBack(record.get(i)) : "");
    }
}
