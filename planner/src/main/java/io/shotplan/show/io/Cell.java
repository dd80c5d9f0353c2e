package io.shotplan.show.io;

/** One value of an input file and where it stands: what problems about it point at. */
record Cell(int line, int column, String field, String text) {

    Cell {
        text = text == null ? "" : text.trim();
    }

    boolean isBlank() {
        return text.isEmpty();
    }
}
