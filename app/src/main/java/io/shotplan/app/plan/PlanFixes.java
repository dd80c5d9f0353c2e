package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SCENARIO;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.plan.FixRun.Miss;
import io.shotplan.app.plan.PlanView.EpisodeLine;
import io.shotplan.app.scenario.ScenarioChanges;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.plan.shot.WhatWouldFixIt;
import io.shotplan.plan.shot.WhatWouldFixIt.Relaxation;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What would fix a stored plan that misses a budget or a delivery ({@link WhatWouldFixIt}): which episodes it misses
 * and by how much, then one re-solve of the show per relaxed limit, in the background because each takes the time
 * limit asked for. The show is solved as the plan was: with its scenario's changes and the supervisors' pins.
 */
@Service
public class PlanFixes {

    private static final Logger LOG = LoggerFactory.getLogger(PlanFixes.class);
    /** How long a finished run can still be polled. */
    private static final Duration KEPT_FOR = Duration.ofHours(1);

    private final DSLContext dsl;
    private final ShowRepository shows;
    private final PlanQueries plans;
    private final Solving solving;
    private final Clock clock;
    private final Duration maxLimit;
    private final Map<String, FixRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService background;

    public PlanFixes(DSLContext dsl, ShowRepository shows, PlanQueries plans, Solving solving, Clock clock,
                     @Value("${shotplan.plan.max-seconds:600}") int maxSeconds,
                     @Value("${shotplan.plan.niceness:10}") int niceness) {
        this.dsl = dsl;
        this.shows = shows;
        this.plans = plans;
        this.solving = solving;
        this.clock = clock;
        this.maxLimit = Duration.ofSeconds(maxSeconds);
        this.background = Executors.newSingleThreadExecutor(
                PlanningThreads.of(Thread.ofPlatform().name("fixes-", 1).daemon(), niceness));
    }

    /** The plan's misses at once; the fixes in the background, each re-solve running for {@code perResolve}. */
    public FixRun start(long planId, Duration perResolve) {
        if (perResolve.isNegative() || perResolve.isZero() || perResolve.compareTo(maxLimit) > 0) {
            throw new IllegalArgumentException("time limit must be between 1 and " + maxLimit.toSeconds() + " seconds");
        }
        var plan = dsl.select(PLAN.SHOW_ID, SHOW.CODE, SCENARIO.CHANGES, PLAN.FEASIBLE).from(PLAN)
                .join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID)).leftJoin(SCENARIO).on(SCENARIO.ID.eq(PLAN.SCENARIO_ID))
                .where(PLAN.ID.eq(planId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
        Show show = ScenarioChanges.fromJson(plan.value3()).applyTo(shows.load(plan.value1()));
        List<Miss> misses = misses(planId, show);
        List<Relaxation> relaxations = misses.isEmpty() && plan.value4() ? List.of()
                : WhatWouldFixIt.relaxations(show, solving.request(plan.value1(), show, perResolve));
        Instant now = clock.instant();
        runs.values().removeIf(r -> r.finishedAt() != null && r.finishedAt().isBefore(now.minus(KEPT_FOR)));
        FixRun run = new FixRun(UUID.randomUUID().toString(), planId, plan.value2(), AuditLog.currentActor(),
                perResolve.toSeconds(), relaxations.isEmpty() ? "DONE" : "RUNNING", misses,
                relaxations.stream().map(Relaxation::limit).toList(), null, List.of(), now,
                relaxations.isEmpty() ? now : null, null);
        runs.put(run.id(), run);
        if (!relaxations.isEmpty()) {
            background.submit(() -> resolve(run.id(), relaxations));
        }
        return run;
    }

    public FixRun get(String id) {
        FixRun run = runs.get(id);
        if (run == null) {
            throw new NotFoundException("fix run", id);
        }
        return run;
    }

    private void resolve(String id, List<Relaxation> relaxations) {
        try {
            for (Relaxation relaxation : relaxations) {
                runs.computeIfPresent(id, (k, r) -> r.resolving(relaxation.limit()));
                FixRun.Fix fix = FixRun.Fix.of(relaxation.resolve().get());
                runs.computeIfPresent(id, (k, r) -> r.found(fix));
            }
            runs.computeIfPresent(id, (k, r) -> r.done(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("what would fix it failed for run {}", id, e);
            runs.computeIfPresent(id, (k, r) -> r.failed(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant()));
        }
    }

    /**
     * The episodes whose cost is over their budget or that are late ({@link EpisodeLine#daysLate}), and the show when
     * the plan spends more than its budget less contingency.
     */
    private List<Miss> misses(long planId, Show show) {
        List<Miss> misses = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        LocalDate last = null;
        for (EpisodeLine e : plans.episodes(planId)) {
            total = total.add(e.plannedCost());
            if (e.finish() == null) {
                continue;
            }
            last = last == null || e.finish().isAfter(last) ? e.finish() : last;
            BigDecimal over = e.plannedCost().subtract(e.budget()).max(BigDecimal.ZERO);
            if (over.signum() > 0 || e.late()) {
                misses.add(new Miss(e.code(), e.plannedCost(), e.budget(), over, e.finish(), e.deliveryDate(),
                        e.daysLate()));
            }
        }
        BigDecimal spendable = show.spendableBudget();
        if (total.compareTo(spendable) > 0) {
            misses.add(new Miss("show", total, spendable, total.subtract(spendable), last, null, 0));
        }
        return misses;
    }
}
