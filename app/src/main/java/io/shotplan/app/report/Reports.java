package io.shotplan.app.report;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.web.ServerBusyException;
import io.shotplan.reporting.ReportNotFoundException;
import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Show reports for the API, built once per state of the data however many people ask and however often it changes:
 * <ul>
 * <li><b>never older than the question.</b> An answer is a build that read the data after the request arrived, or
 * the newest build if nothing changed since it was made. The data's version is the show's current plan and baseline,
 * the newest ledger row and the newest audit entry (every change to budgets, pins, eligibility, plans and imports
 * writes one);</li>
 * <li><b>at most one build running and one waiting per report.</b> While a build runs, everyone who asks after it
 * started joins the one build queued behind it. A studio writes budgets and pins every second or so: without this,
 * each write queued one more build of the same report, and under load the queue grew faster than it drained;</li>
 * <li><b>few builds at once.</b> A build on PostgreSQL holds two pooled connections (it splits its queries over two
 * connections sharing one snapshot). At most {@code shotplan.report.concurrent-builds} builds run at once, so they
 * hold at most twice that many connections and the rest of the pool serves everything else; a build that cannot
 * start within {@code shotplan.report.max-wait} is a 503.</li>
 * </ul>
 */
@Service
class Reports {

    /** Reports (show, episode, day, with or without originals) kept; idle ones are dropped beyond this. */
    private static final int MAX_KEPT = 256;

    record Version(long currentPlan, long baseline, long ledger, long audit) {
    }

    record Key(String show, Optional<String> episode, LocalDate asOf, boolean originals) {
    }

    /** A build, numbered by when it read the data's version (from {@link #clock}). */
    private record Build(long startedAt, Version version, CompletableFuture<ShowReport> report) {

        /** Whether this build read the data after the request arrived, or read the same version of it. */
        boolean answers(long arrived, Version asked) {
            return startedAt > arrived || version.equals(asked);
        }
    }

    /** One report's builds: the newest finished one, the one running and the one queued behind it. */
    private static final class Slot {
        Build latest;
        Build running;
        CompletableFuture<ShowReport> queued;

        boolean idle() {
            return running == null && queued == null;
        }
    }

    private final DSLContext dsl;
    private final ShowReportQuery query;
    private final Semaphore builds;
    private final Duration maxWait;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    /** Orders requests and builds: a build that started after a request arrived answers it. */
    private final AtomicLong clock = new AtomicLong();

    Reports(DSLContext dsl, @Value("${shotplan.report.concurrent-builds:2}") int concurrentBuilds,
            @Value("${shotplan.report.max-wait:20s}") Duration maxWait) {
        this.dsl = dsl;
        this.query = new ShowReportQuery(dsl);
        this.builds = new Semaphore(concurrentBuilds, true);
        this.maxWait = maxWait;
    }

    ShowReport report(String show, Optional<String> episode, LocalDate asOf, boolean originals) {
        long arrived = clock.incrementAndGet();
        Version now = version(show);
        Key key = new Key(show, episode, asOf, originals);
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        CompletableFuture<ShowReport> answer;
        CompletableFuture<ShowReport> ahead = null;
        boolean mine = false;
        synchronized (slot) {
            if (slot.latest != null && slot.latest.answers(arrived, now)) {
                return joined(slot.latest.report());
            }
            if (slot.running != null && slot.running.answers(arrived, now)) {
                answer = slot.running.report();
            } else if (slot.queued != null) {
                answer = slot.queued;
            } else {
                answer = slot.queued = new CompletableFuture<>();
                ahead = slot.running == null ? null : slot.running.report();
                mine = true;
            }
        }
        if (mine) {
            buildQueued(key, slot, ahead);
        }
        forgetIdle(key);
        return joined(answer);
    }

    /** Runs the slot's queued build once the one ahead of it is done, on the thread that queued it. */
    private void buildQueued(Key key, Slot slot, CompletableFuture<ShowReport> ahead) {
        if (ahead != null) {
            ahead.exceptionally(failure -> null).join();
        }
        Build build;
        try {
            long startedAt = clock.incrementAndGet();
            Version version = version(key.show());
            synchronized (slot) {
                build = new Build(startedAt, version, slot.queued);
                slot.running = build;
                slot.queued = null;
            }
        } catch (RuntimeException | Error e) {
            CompletableFuture<ShowReport> queued;
            synchronized (slot) {
                queued = slot.queued;
                slot.queued = null;
            }
            queued.completeExceptionally(e);
            return;
        }
        try {
            ShowReport report = build(key);
            synchronized (slot) {
                if (slot.latest == null || slot.latest.startedAt() < build.startedAt()) {
                    slot.latest = build;
                }
            }
            build.report().complete(report);
        } catch (RuntimeException | Error e) {
            build.report().completeExceptionally(e);
        } finally {
            synchronized (slot) {
                if (slot.running == build) {
                    slot.running = null;
                }
            }
        }
    }

    private ShowReport build(Key key) {
        boolean started;
        try {
            started = builds.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started) {
            throw new ServerBusyException("Too many reports are being built just now; try again shortly.");
        }
        try {
            return query.build(key.show(), key.episode(), ReportOptions.asOf(key.asOf()).withOriginals(key.originals()));
        } finally {
            builds.release();
        }
    }

    private void forgetIdle(Key current) {
        if (slots.size() > MAX_KEPT) {
            slots.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return !entry.getKey().equals(current) && entry.getValue().idle();
                }
            });
        }
    }

    /** One small query on primary keys: the newest plan and baseline of the show, the newest ledger and audit rows. */
    private Version version(String show) {
        var row = dsl.select(
                        DSL.field(DSL.select(DSL.max(PLAN.ID)).from(PLAN)
                                .where(PLAN.SHOW_ID.eq(SHOW.ID)).and(PLAN.SCENARIO_ID.isNull())),
                        SHOW.BASELINE_PLAN_ID,
                        DSL.field(DSL.select(DSL.max(COST_LEDGER.ID)).from(COST_LEDGER)),
                        DSL.field(DSL.select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG)))
                .from(SHOW).where(SHOW.CODE.eq(show)).fetchOptional()
                .orElseThrow(() -> new ReportNotFoundException("no show with code '" + show + "'"));
        return new Version(orNone(row.value1()), orNone(row.value2()), orNone(row.value3()), orNone(row.value4()));
    }

    private static long orNone(Long id) {
        return id == null ? -1 : id;
    }

    private static ShowReport joined(CompletableFuture<ShowReport> report) {
        try {
            return report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
