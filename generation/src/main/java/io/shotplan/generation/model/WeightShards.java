package io.shotplan.generation.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary weights a TF.js {@code model.json} lists in its {@code weightsManifest}: each group's shards are
 * concatenated in the listed order and cut into tensors, little-endian, in manifest order. Layers-models hold only
 * float32; graph-models also int32 shape constants.
 */
public final class WeightShards {

    /** One stored tensor: its dtype ({@code float32} or {@code int32}), shape and little-endian bytes. */
    public record StoredTensor(String dtype, long[] shape, ByteBuffer data) {

        public float[] floats() {
            float[] out = new float[data.remaining() / 4];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }

        public int[] ints() {
            int[] out = new int[data.remaining() / 4];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
            return out;
        }
    }

    private WeightShards() {
    }

    /** Reads every tensor of the manifest, resolving shard paths next to {@code modelJson}. */
    public static Map<String, StoredTensor> read(Path modelJson, JsonArray manifest, Set<String> dtypes) {
        if (manifest == null) {
            throw new ModelLoadException(modelJson + " has no weightsManifest");
        }
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (JsonElement groupElement : manifest) {
            JsonObject group = groupElement.getAsJsonObject();
            ByteBuffer all = concatenated(modelJson, group.getAsJsonArray("paths"));
            long total = all.remaining();
            long needed = 0;
            for (JsonElement w : group.getAsJsonArray("weights")) {
                JsonObject spec = w.getAsJsonObject();
                String name = spec.get("name").getAsString();
                String dtype = spec.has("dtype") ? spec.get("dtype").getAsString() : "float32";
                if (!dtypes.contains(dtype) || spec.has("quantization")) {
                    throw new ModelLoadException("%s: weight '%s' is %s%s; only unquantised %s is supported".formatted(
                            modelJson, name, dtype, spec.has("quantization") ? " (quantised)" : "", String.join(" or ", dtypes)));
                }
                JsonArray dims = spec.getAsJsonArray("shape");
                long[] shape = new long[dims.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.get(i).getAsLong();
                    count *= shape[i];
                }
                needed += count * 4;
                if (needed > total) {
                    throw new ModelLoadException("weights for %s are truncated: the shards hold %d bytes but the manifest needs at least %d (at '%s')"
                            .formatted(modelJson, total, needed, name));
                }
                ByteBuffer slice = all.slice(all.position(), (int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
                all.position(all.position() + (int) count * 4);
                out.put(name, new StoredTensor(dtype, shape, slice));
            }
            if (needed != total) {
                throw new ModelLoadException("weights for %s hold %d bytes but the manifest describes %d".formatted(modelJson, total, needed));
            }
        }
        return out;
    }

    private static ByteBuffer concatenated(Path modelJson, JsonArray paths) {
        List<byte[]> shards = new ArrayList<>();
        long total = 0;
        for (JsonElement p : paths) {
            Path shard = modelJson.resolveSibling(p.getAsString());
            try {
                byte[] bytes = Files.readAllBytes(shard);
                shards.add(bytes);
                total += bytes.length;
            } catch (NoSuchFileException e) {
                throw new ModelLoadException("weights file %s listed in %s is missing".formatted(shard, modelJson), e);
            } catch (IOException e) {
                throw new ModelLoadException("cannot read weights file %s: %s".formatted(shard, e.getMessage()), e);
            }
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        shards.forEach(all::put);
        return all.flip();
    }
}
