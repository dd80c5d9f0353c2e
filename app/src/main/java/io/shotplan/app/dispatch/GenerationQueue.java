package io.shotplan.app.dispatch;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The generation queue of a show as people follow it: jobs by state, frames, device seconds, cost and errors per shot. */
@Repository
public class GenerationQueue {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, PAUSED, CANCELLED }

    public record ShotLine(String shot, String episode, String capability, Map<State, Integer> jobsByState, int frames,
                           int framesDone, BigDecimal deviceSeconds, BigDecimal cost, String lastError) {
    }

    public record Totals(int jobs, Map<State, Integer> byState, int frames, int framesDone, BigDecimal deviceSeconds,
                         BigDecimal cost) {
    }

    /** @param shotsShown how many shot lines {@code shots} holds, of {@code shotsTotal} (running and failed first) */
    public record View(Totals totals, List<ShotLine> shots, int shotsShown, int shotsTotal) {
    }

    private final DSLContext dsl;

    public GenerationQueue(DSLContext dsl) {
        this.dsl = dsl;
    }

    public View of(long showId) {
        return of(showId, Integer.MAX_VALUE);
    }

    /** The totals over every job, and at most {@code limit} shot lines: running, failed and queued shots first. */
    public View of(long showId, int limit) {
        Map<String, BigDecimal> costs = dsl.select(SHOT.CODE, sum(COST_LEDGER.AMOUNT))
                .from(COST_LEDGER).join(SHOT).on(SHOT.ID.eq(COST_LEDGER.SHOT_ID))
                .where(COST_LEDGER.SHOW_ID.eq(showId), COST_LEDGER.SOURCE.in("GENERATION", "REVERSAL"))
                .groupBy(SHOT.CODE).fetchMap(SHOT.CODE, sum(COST_LEDGER.AMOUNT));
        Map<String, Builder> shots = new LinkedHashMap<>();
        dsl.select(SHOT.CODE, EPISODE.CODE, GENERATION_JOB.CAPABILITY_CODE, GENERATION_JOB.STATE,
                        GENERATION_JOB.FRAME_FROM, GENERATION_JOB.FRAME_TO, GENERATION_JOB.FRAMES_DONE,
                        coalesce(GENERATION_JOB.DEVICE_SECONDS, inline(BigDecimal.ZERO)), GENERATION_JOB.ERROR)
                .from(GENERATION_JOB).join(SHOT).on(SHOT.ID.eq(GENERATION_JOB.SHOT_ID))
                .join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(GENERATION_JOB.SHOW_ID.eq(showId))
                .orderBy(EPISODE.CODE, SHOT.CODE, GENERATION_JOB.FRAME_FROM)
                .forEach(r -> {
                    Builder b = shots.computeIfAbsent(r.value1(), k -> new Builder(r.value1(), r.value2(), r.value3()));
                    b.byState.merge(State.valueOf(r.value4()), 1, Integer::sum);
                    b.frames += r.value6() - r.value5() + 1;
                    b.framesDone += r.value7();
                    b.deviceSeconds = b.deviceSeconds.add(r.value8());
                    if (r.value9() != null) {
                        b.lastError = r.value9();
                    }
                });
        List<ShotLine> lines = new ArrayList<>();
        shots.values().forEach(b -> lines.add(new ShotLine(b.shot, b.episode, b.capability, b.byState, b.frames,
                b.framesDone, b.deviceSeconds, costs.getOrDefault(b.shot, BigDecimal.ZERO), b.lastError)));
        Map<State, Integer> byState = emptyStates();
        lines.forEach(l -> l.jobsByState().forEach((s, n) -> byState.merge(s, n, Integer::sum)));
        Totals totals = new Totals(byState.values().stream().mapToInt(Integer::intValue).sum(), byState,
                lines.stream().mapToInt(ShotLine::frames).sum(), lines.stream().mapToInt(ShotLine::framesDone).sum(),
                lines.stream().map(ShotLine::deviceSeconds).reduce(BigDecimal.ZERO, BigDecimal::add),
                costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        List<ShotLine> shown = lines.stream().sorted(java.util.Comparator
                        .comparing((ShotLine l) -> l.jobsByState().get(State.RUNNING) == 0)
                        .thenComparing(l -> l.jobsByState().get(State.FAILED) == 0)
                        .thenComparing(l -> l.jobsByState().get(State.QUEUED) == 0))
                .limit(limit).toList();
        return new View(totals, shown, shown.size(), lines.size());
    }

    private static Map<State, Integer> emptyStates() {
        Map<State, Integer> states = new EnumMap<>(State.class);
        for (State s : State.values()) {
            states.put(s, 0);
        }
        return states;
    }

    private static final class Builder {
        final String shot;
        final String episode;
        final String capability;
        final Map<State, Integer> byState = emptyStates();
        int frames;
        int framesDone;
        BigDecimal deviceSeconds = BigDecimal.ZERO;
        String lastError;

        Builder(String shot, String episode, String capability) {
            this.shot = shot;
            this.episode = episode;
            this.capability = capability;
        }
    }
}
