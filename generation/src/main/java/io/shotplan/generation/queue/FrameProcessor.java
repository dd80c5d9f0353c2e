package io.shotplan.generation.queue;

/**
 * Produces one output frame of a job. The built-in one runs the capability's model ({@link ModelFrameProcessor});
 * tests and studios can plug in their own. Implementations must be safe to call from several worker threads, must
 * write their output atomically (so a killed worker leaves no half frame), and throw
 * {@link io.shotplan.generation.GenerationException} with {@code permanent} set when retrying cannot help.
 */
public interface FrameProcessor extends AutoCloseable {

    /** Processes frame {@code frame} of the job and reports the time the device spent on it. */
    FrameResult process(GenerationJob job, int frame);

    /**
     * Readies a capability on the calling worker thread before it claims its first job (loads and warms up its
     * model), so that the job's first frame takes no longer than the next ones.
     */
    default void prepare(String capability) {
    }

    /** The model name recorded on ledger rows for a capability. */
    default String modelName(String capability) {
        return capability;
    }

    @Override
    default void close() {
    }

    /**
     * @param deviceSeconds time the model occupied the device for this frame (what the ledger charges)
     * @param device        the device that ran it, e.g. {@code cpu} or {@code cuda:0}
     */
    record FrameResult(double deviceSeconds, String device) {
    }
}
