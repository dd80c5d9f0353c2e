package io.shotplan.generation.model;

import java.nio.file.Path;

/** The layers-model uses a Keras layer (or a layer option) this loader does not implement. */
public class UnsupportedLayerException extends ModelLoadException {

    private final String layerClass;

    public UnsupportedLayerException(Path modelJson, String layerName, String layerClass, String detail) {
        super("%s: layer '%s' of class %s is not supported%s (supported: %s)".formatted(
                modelJson, layerName, layerClass, detail.isEmpty() ? "" : " — " + detail, KerasLayersModel.SUPPORTED_LAYERS));
        this.layerClass = layerClass;
    }

    public String layerClass() {
        return layerClass;
    }
}
