package io.shotplan.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a longer list: the items, which page (from 0), its size and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    @JsonProperty
    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
