package io.shotplan.generation;

/**
 * A generation step failed. {@link #permanent()} tells the queue whether retrying can help: a corrupt frame or a bad
 * model file fails the same way every time, so such a job is failed at once instead of retried.
 */
public class GenerationException extends RuntimeException {

    private final boolean permanent;

    public GenerationException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public GenerationException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
