package io.shotplan.generation.queue;

import java.util.List;

/**
 * What dispatching a plan did.
 *
 * @param jobsCreated  new generation jobs
 * @param jobsExisting jobs the plan already had (dispatching twice adds nothing)
 * @param skipped      AI shots not dispatched, each with the reason
 */
public record DispatchResult(long planId, int shots, int jobsCreated, int jobsExisting, List<String> skipped) {
}
