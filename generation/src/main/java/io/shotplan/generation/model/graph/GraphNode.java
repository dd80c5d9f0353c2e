package io.shotplan.generation.model.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TensorFlow graph-model: its op, the nodes it reads (data inputs only; {@code ^control} inputs are
 * dropped, the interpreter runs in data order) and its attributes as TF.js' converter wrote them.
 */
public record GraphNode(String name, String op, List<String> inputs, JsonObject attr) {

    public boolean has(String key) {
        return attr.has(key);
    }

    public long integer(String key) {
        return attr.getAsJsonObject(key).get("i").getAsLong();
    }

    public long integer(String key, long fallback) {
        return has(key) && attr.getAsJsonObject(key).has("i") ? integer(key) : fallback;
    }

    /** A string attribute ({@code padding}, {@code equation}, …): base64 in model.json. */
    public String string(String key) {
        return new String(Base64.getDecoder().decode(attr.getAsJsonObject(key).get("s").getAsString()), StandardCharsets.UTF_8);
    }

    public long[] integers(String key) {
        JsonObject list = attr.getAsJsonObject(key).getAsJsonObject("list");
        JsonArray values = list.has("i") ? list.getAsJsonArray("i") : new JsonArray();
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsLong();
        }
        return out;
    }

    /** The dtype attribute {@code key} as TensorFlow names it, e.g. {@code DT_FLOAT}. */
    public String type(String key) {
        JsonElement type = attr.getAsJsonObject(key).get("type");
        return type == null ? "DT_FLOAT" : type.getAsString();
    }
}
