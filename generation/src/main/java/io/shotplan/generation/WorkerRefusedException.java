package io.shotplan.generation;

/** A worker process that must not start as configured (a GPU it cannot see); the message says what to fix. */
public final class WorkerRefusedException extends RuntimeException {

    public WorkerRefusedException(String message) {
        super(message);
    }
}
