package io.shotplan.app.dispatch;

import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.DispatchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Sends a plan's in-house AI shots to the generation queue and lets producers and supervisors pause, resume or
 * cancel a show's jobs. With {@code shotplan.generation.workers > 0} (serve's default: 1) the app runs
 * that many workers itself; otherwise separate {@code shotplan worker} processes (or {@code dispatch}) take the jobs.
 */
@Service
public class Dispatcher {

    private final DSLContext dsl;
    private final GenerationService generation;
    private final AuditLog audit;
    private final int inProcessWorkers;
    private final int samplePlateWidth;
    private final Path dataDir;

    public Dispatcher(DSLContext dsl, GenerationService generation, AuditLog audit,
                      @Value("${shotplan.generation.workers:0}") int inProcessWorkers,
                      @Value("${shotplan.generation.sample-plate-width:0}") int samplePlateWidth,
                      @Value("${shotplan.data-dir}") Path dataDir) {
        this.dsl = dsl;
        this.generation = generation;
        this.audit = audit;
        this.inProcessWorkers = inProcessWorkers;
        this.samplePlateWidth = samplePlateWidth;
        this.dataDir = dataDir;
    }

    /** With in-process workers (serve), they start with the app and take what is queued, e.g. from before a restart. */
    @EventListener(ApplicationReadyEvent.class)
    public void startInProcessWorkers() {
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
    }

    public DispatchResult dispatch(long planId) {
        var plan = dsl.select(PLAN.SHOW_ID, SHOW.CODE).from(PLAN).join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID))
                .where(PLAN.ID.eq(planId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
        if (samplePlateWidth > 0 && !Files.isDirectory(dataDir.resolve("plates").resolve(plan.value2()))) {
            generation.generateSamplePlates(plan.value1(), samplePlateWidth);
        }
        DispatchResult result = generation.dispatchPlan(planId);
        audit.record("DISPATCH", "plan", String.valueOf(planId), result.jobsCreated() + " jobs created for "
                + result.shots() + " AI shots, " + result.jobsExisting() + " existing, " + result.skipped().size() + " skipped");
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
        return result;
    }

    public int pause(long showId, String showCode) {
        int jobs = generation.pauseShow(showId);
        audit.record("PAUSE", "generation", showCode, jobs + " jobs paused");
        return jobs;
    }

    public int resume(long showId, String showCode) {
        int jobs = generation.resumeShow(showId);
        audit.record("RESUME", "generation", showCode, jobs + " jobs resumed");
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
        return jobs;
    }

    public int cancel(long showId, String showCode) {
        int jobs = generation.cancelShow(showId);
        audit.record("CANCEL", "generation", showCode, jobs + " jobs cancelled");
        return jobs;
    }
}
