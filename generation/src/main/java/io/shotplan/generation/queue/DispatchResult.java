package io.shotplan.generation.queue;

import java.util.List;

/**
 * What dispatching a plan did.
 *
 * @param shots          AI shots dispatched (not skipped)
 * @param jobsCreated    new generation jobs, for ranges that had none
 * @param jobsExisting   ranges already queued, running, paused or rendered (by this plan or an earlier one): not
 *                       rendered or billed again
 * @param jobsResumed    cancelled or failed jobs queued again; they resume after the frames they finished
 * @param jobsRerendered new jobs for ranges rendered before, because a re-render was asked for (billed as new lines)
 * @param skipped        AI shots not dispatched, each with the reason
 * @param withoutModel   the plan's AI capabilities that no registered model runs, with their shots (all skipped)
 */
public record DispatchResult(long planId, int shots, int jobsCreated, int jobsExisting, int jobsResumed,
                             int jobsRerendered, List<String> skipped, List<MissingModel> withoutModel) {
}
