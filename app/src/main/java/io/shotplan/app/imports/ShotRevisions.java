package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.show.Show;
import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.Editorial;
import io.shotplan.show.io.ImportLimits;
import io.shotplan.show.io.RevisedShots;
import io.shotplan.show.io.ShotDiff;
import io.shotplan.show.io.ShotListContext;
import io.shotplan.show.io.ShotListCsvReader;
import io.shotplan.show.io.ShotListUpdate;
import io.shotplan.show.io.Source;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Revised shot lists and editorial pulls update a stored show: shots in the file are added or updated, and with
 * omit-missing the shots of the file's episodes that it no longer has become OMITTED (never deleted: their costs
 * stay). A dry run reads, checks and works out the diff, and writes nothing. A real one writes the diff and its audit
 * entry (with the diff's counts) in one transaction. The next plan re-plans from the current one, keeping shots in
 * progress or done where they are and moving the rest only as far as the change needs (the planner's churn cost).
 */
@Service
public class ShotRevisions {

    /** {@code --omit-missing} and {@code --dry-run}. */
    public record Options(boolean omitMissing, boolean dryRun) {
    }

    private final DSLContext dsl;
    private final ImportLimits limits;
    private final AuditLog audit;
    private final ShotQueries shotQueries;

    public ShotRevisions(DSLContext dsl, ImportLimits limits, AuditLog audit, ShotQueries shotQueries) {
        this.dsl = dsl;
        this.limits = limits;
        this.audit = audit;
        this.shotQueries = shotQueries;
    }

    /** A revised shot list CSV; {@code defaultEpisode} is the episode of rows that name none (may be null). */
    public RevisionReport shotList(String showCode, Source csv, String defaultEpisode, Options options) {
        return revise(showCode, show -> {
            ShotListContext context = ShotListContext.forUpdate(show);
            return new ShotListCsvReader(limits).readRevision(csv,
                    defaultEpisode == null || defaultEpisode.isBlank() ? context : context.withDefaultEpisode(defaultEpisode));
        }, options);
    }

    /** A revised editorial pull: a CMX 3600 EDL or an OpenTimelineIO timeline, for one episode. */
    public RevisionReport editorial(String showCode, Source timeline, EdlOptions edl, Options options) {
        return revise(showCode, show -> Editorial.readRevision(timeline, edl, ShotListContext.forUpdate(show), limits),
                options);
    }

    private RevisionReport revise(String showCode, Function<Show, RevisedShots> read, Options options) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ShowRepository shows = new ShowRepository(db);
            long showId = shows.findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
            Show show = shows.load(showId);
            RevisedShots revised = read.apply(show);
            ShotDiff diff = ShotListUpdate.diff(show, revised, options.omitMissing());
            RevisionReport report = RevisionReport.of(showCode, diff, planned(db, showId, diff), !options.dryRun());
            if (!options.dryRun()) {
                shows.revise(showId, diff);
                audit.record(db, "IMPORT_UPDATE", "show", showCode, revised.file() + ": " + report.counts());
            }
            return report;
        });
    }

    /** Where the current plan (the baseline, else the newest) has the changed and omitted shots. */
    private Map<String, RevisionReport.Planned> planned(DSLContext db, long showId, ShotDiff diff) {
        Set<String> codes = new HashSet<>();
        diff.changed().forEach(c -> codes.add(c.code()));
        diff.omitted().forEach(s -> codes.add(s.code()));
        var planId = shotQueries.currentPlanId(showId);
        if (codes.isEmpty() || planId.isEmpty()) {
            return Map.of();
        }
        return db.select(SHOT.CODE, PLAN_ITEM.MODE, PLAN_ITEM.CAPABILITY_CODE, PLAN_ITEM.START_DATE, PLAN_ITEM.END_DATE)
                .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId.get()), SHOT.CODE.in(codes))
                .fetchMap(r -> r.value1(), r -> new RevisionReport.Planned(planId.get(), r.value2(), r.value3(),
                        r.value4(), r.value5()));
    }
}
