package io.shotplan.app.report;

import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.export.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a show's report a few times before the server says it is ready. The report is the heaviest thing people
 * ask for, and a fresh JVM runs it interpreted at first, even from the warm-start cache (which holds loaded classes
 * and profiles, not compiled code). On two cores, with a studio's first 200 requests arriving at once, a report built
 * in 0.05 s when warm took up to 1.2 s, and everyone who asked for the report or an export waited for it: the first
 * export took 0.5–1.5 s, and 0.1 s after five builds at start (docs/benchmarks.md). The show is the one planned last,
 * as the likeliest to be asked for; the builds bypass {@link Reports}' memory, which stays empty.
 */
@Service
public class ReportWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWarmUp.class);
    private static final int BUILDS = 5;
    /**
     * No build starts after this: a season with a million ledger rows takes about a second a build on PostgreSQL and
     * four on H2, so a start waits for one build of it.
     */
    private static final Duration AT_MOST = Duration.ofSeconds(3);

    private final DSLContext dsl;
    private final ShowReportQuery query;
    private final Clock clock;
    private final JsonMapper json;

    ReportWarmUp(DSLContext dsl, Clock clock, JsonMapper json) {
        this.dsl = dsl;
        this.query = new ShowReportQuery(dsl);
        this.clock = clock;
        this.json = json;
    }

    /** What was built: a show and how many times; empty where no show has a plan yet or the first build failed. */
    public record WarmedUp(String show, int builds) {
    }

    /** Warms up; a failure (the database gone, a report that cannot be built) is logged and does not stop the start. */
    public Optional<WarmedUp> run() {
        long start = System.nanoTime();
        String show = null;
        int builds = 0;
        try {
            show = dsl.select(SHOW.CODE).from(PLAN).join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID))
                    .orderBy(PLAN.ID.desc()).limit(1).fetchOptional(SHOW.CODE).orElse(null);
            while (show != null && builds < BUILDS && (builds == 0 || System.nanoTime() - start < AT_MOST.toNanos())) {
                ShowReport report = query.build(show, Optional.empty(), ReportOptions.asOf(LocalDate.now(clock)));
                ReportDownload.write(report, ReportFormat.CSV);
                json.writeValue(OutputStream.nullOutputStream(), report);
                builds++;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("warming up the report path failed (show {}); the first reports will be slower", show, e);
        }
        if (builds == 0) {
            return Optional.empty();
        }
        LOG.info("built the report of show {} {} times to warm up, in {} ms", show, builds,
                (System.nanoTime() - start) / 1_000_000);
        return Optional.of(new WarmedUp(show, builds));
    }
}
