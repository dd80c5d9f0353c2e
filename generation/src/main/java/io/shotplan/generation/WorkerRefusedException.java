package io.shotplan.generation;

/**
 * A worker process that must not start as configured (a GPU it cannot see, a model to preload that the registry does
 * not have); the message says what to fix.
 */
public final class WorkerRefusedException extends RuntimeException {

    public WorkerRefusedException(String message) {
        super(message);
    }
}
