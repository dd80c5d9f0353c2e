package io.shotplan.app.show;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tracker columns shotplan does not model are stored with the shot as a small JSON object. */
final class NotesFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotesFormat() {
    }

    static String format(Map<String, String> notes) {
        return notes.isEmpty() ? null : JSON.writeValueAsString(notes);
    }

    static Map<String, String> parse(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }
}
