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
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Show reports for the API, built once per state of the data however many people ask:
 * <ul>
 * <li><b>one build per state.</b> A report is keyed by show, episode, day and the data's version: the show's current
 * plan and baseline, the newest ledger row and the newest audit entry (every change to budgets, pins, eligibility,
 * plans and imports writes one). Requests for a key being built wait for that build; a key already built is answered
 * from memory. Any change makes a new key, so an answer is never older than the data was when it was asked;</li>
 * <li><b>few builds at once.</b> A build on PostgreSQL holds two pooled connections (it splits its queries over two
 * connections sharing one snapshot). Ten builds at once on a pool of ten each held one and waited for a second:
 * the pool deadlocked. At most {@code shotplan.report.concurrent-builds} builds run at once, so they hold at most
 * twice that many connections and the rest of the pool serves everything else; a build that cannot start within
 * {@code shotplan.report.max-wait} is a 503.</li>
 * </ul>
 */
@Service
class Reports {

    /** Versions kept per show, episode and day (the newest); older ones are dropped when a newer one is built. */
    private static final int MAX_CACHED = 64;

    record Version(long currentPlan, long baseline, long ledger, long audit) {
    }

    record Key(String show, Optional<String> episode, LocalDate asOf, Version version) {
        boolean sameReport(Key other) {
            return show.equals(other.show) && episode.equals(other.episode) && asOf.equals(other.asOf);
        }
    }

    private final DSLContext dsl;
    private final ShowReportQuery query;
    private final Semaphore builds;
    private final Duration maxWait;
    private final Map<Key, CompletableFuture<ShowReport>> reports = new ConcurrentHashMap<>();

    Reports(DSLContext dsl, @Value("${shotplan.report.concurrent-builds:2}") int concurrentBuilds,
            @Value("${shotplan.report.max-wait:20s}") Duration maxWait) {
        this.dsl = dsl;
        this.query = new ShowReportQuery(dsl);
        this.builds = new Semaphore(concurrentBuilds, true);
        this.maxWait = maxWait;
    }

    ShowReport report(String show, Optional<String> episode, LocalDate asOf) {
        Key key = new Key(show, episode, asOf, version(show));
        CompletableFuture<ShowReport> mine = new CompletableFuture<>();
        CompletableFuture<ShowReport> earlier = reports.putIfAbsent(key, mine);
        if (earlier != null) {
            return joined(earlier);
        }
        try {
            mine.complete(build(key));
            reports.keySet().removeIf(other -> other.sameReport(key) && !other.equals(key));
            if (reports.size() > MAX_CACHED) {
                reports.keySet().removeIf(other -> !other.equals(key) && reports.get(other) != null
                        && reports.get(other).isDone());
            }
        } catch (RuntimeException | Error e) {
            reports.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return joined(mine);
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
            return query.build(key.show(), key.episode(), ReportOptions.asOf(key.asOf()));
        } finally {
            builds.release();
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
