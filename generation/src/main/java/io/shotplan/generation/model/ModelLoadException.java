package io.shotplan.generation.model;

import io.shotplan.generation.GenerationException;

/** A model package, topology or weights file cannot be used; the message names the file and what is wrong with it. */
public class ModelLoadException extends GenerationException {

    public ModelLoadException(String message) {
        super(message, true);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
