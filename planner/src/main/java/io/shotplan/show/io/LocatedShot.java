package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.util.Map;

/** A shot read from a file and where it was: problems found later still point at its line and columns. */
record LocatedShot(Shot shot, int line, Map<ShotColumn, Integer> columns, Map<ShotColumn, String> headers) {

    Cell cell(ShotColumn column, String text) {
        return new Cell(line, columns.getOrDefault(column, 0), headers.getOrDefault(column, column.header()), text);
    }
}
