package io.shotplan.app.dispatch;

import io.shotplan.generation.queue.DispatchResult;
import java.time.Instant;
import java.util.List;

/**
 * A dispatch running in the background, as its poller sees it ({@code GET /api/dispatches/{id}}).
 *
 * @param state      RUNNING, DONE or FAILED
 * @param shots      the plan's AI shots to dispatch
 * @param shotsReady shots whose plates are ready (synthetic sample plates are written first, where configured)
 * @param rerender   shots the requester asked to render again
 * @param result     what the dispatch did, once DONE
 * @param error      why it failed, once FAILED
 */
public record DispatchRun(String id, long planId, String show, String requestedBy, List<String> rerender, String state,
                          int shots, int shotsReady, Instant startedAt, Instant finishedAt, DispatchResult result,
                          String error) {

    DispatchRun progressed(int ready) {
        return new DispatchRun(id, planId, show, requestedBy, rerender, state, shots, ready, startedAt, null, null, null);
    }

    DispatchRun done(DispatchResult r, Instant at) {
        return new DispatchRun(id, planId, show, requestedBy, rerender, "DONE", shots, shots, startedAt, at, r, null);
    }

    DispatchRun failed(String why, Instant at) {
        return new DispatchRun(id, planId, show, requestedBy, rerender, "FAILED", shots, shotsReady, startedAt, at, null, why);
    }
}
