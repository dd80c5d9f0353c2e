package io.shotplan.generation.queue;

import java.math.BigDecimal;

/**
 * A job as a worker sees it after claiming it.
 *
 * @param framesDone frames of the range already written by earlier attempts; the worker resumes after them
 */
public record GenerationJob(long id, long showId, String showCode, long shotId, String shotCode, String capability,
                            Long gpuPoolId, int frameFrom, int frameTo, int attempt, int maxAttempts, int framesDone,
                            BigDecimal deviceSeconds, String idempotencyKey) {

    public int frameCount() {
        return frameTo - frameFrom + 1;
    }
}
