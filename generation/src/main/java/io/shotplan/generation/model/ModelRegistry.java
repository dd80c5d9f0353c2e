package io.shotplan.generation.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Capability code → model, as configuration. The built-in entries ({@code models.json} in this module) cover
 * {@code upres-x2/x3/x4/x8}; a studio adds or replaces entries with its own JSON file in the same format
 * (see generation/README.md), without code changes.
 */
public final class ModelRegistry {

    private static final String BUILT_IN = "/io/shotplan/generation/models.json";

    private final Map<String, ModelSpec> models;

    private ModelRegistry(Map<String, ModelSpec> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    public static ModelRegistry builtIn() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(BUILT_IN)) {
            return new ModelRegistry(parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN, null));
        } catch (IOException e) {
            throw new IllegalStateException("built-in model registry unreadable", e);
        }
    }

    /** The built-in entries, then those of {@code file} (same capability code: the file's entry wins). */
    public static ModelRegistry builtInWith(Path file) {
        Map<String, ModelSpec> all = new LinkedHashMap<>(builtIn().models);
        try (Reader reader = Files.newBufferedReader(file)) {
            all.putAll(parse(reader, file.toString(), file.toAbsolutePath().getParent()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model registry " + file + ": " + e.getMessage(), e);
        }
        return new ModelRegistry(all);
    }

    public Optional<ModelSpec> find(String capability) {
        return Optional.ofNullable(models.get(capability));
    }

    public ModelSpec get(String capability) {
        return find(capability).orElseThrow(() -> new ModelLoadException(
                "no model is registered for capability '%s' (registered: %s)".formatted(capability, models.keySet())));
    }

    public Collection<ModelSpec> all() {
        return models.values();
    }

    private static Map<String, ModelSpec> parse(Reader reader, String origin, Path baseDir) {
        Map<String, ModelSpec> out = new LinkedHashMap<>();
        JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
        for (JsonElement element : root.getAsJsonArray("models")) {
            JsonObject m = element.getAsJsonObject();
            try {
                JsonObject s = m.getAsJsonObject("source");
                ModelSource source;
                if (s.has("npm")) {
                    source = new ModelSource.NpmPackage(s.get("npm").getAsString(), s.get("sha256").getAsString(),
                            s.get("path").getAsString());
                } else if (s.has("file")) {
                    Path p = Path.of(s.get("file").getAsString());
                    source = new ModelSource.LocalFile(baseDir != null && !p.isAbsolute() ? baseDir.resolve(p) : p);
                } else {
                    throw new IllegalArgumentException("source needs 'npm' (+ sha256, path) or 'file'");
                }
                String format = string(m, "format", ModelSpec.KERAS_LAYERS);
                ModelSpec spec = new ModelSpec(m.get("capability").getAsString(),
                        string(m, "engine", ModelSpec.engineFor(format)), format, source,
                        string(m, "inputLayout", ModelSpec.layoutFor(format)),
                        m.has("scale") ? m.get("scale").getAsInt() : 0,
                        m.has("tileSize") ? m.get("tileSize").getAsInt() : 256,
                        m.has("tileOverlap") ? m.get("tileOverlap").getAsInt() : 16,
                        m.has("batchSize") ? m.get("batchSize").getAsInt() : 1,
                        string(m, "output", "png"), string(m, "description", ""),
                        m.has("valueRange") ? m.get("valueRange").getAsFloat() : 255,
                        m.has("divisibleBy") ? m.get("divisibleBy").getAsInt() : 1);
                out.put(spec.capability(), spec);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("model registry %s, entry %s: %s".formatted(origin, m.get("capability"), e.getMessage()), e);
            }
        }
        return out;
    }

    private static String string(JsonObject o, String key, String fallback) {
        return o.has(key) ? o.get(key).getAsString() : fallback;
    }
}
