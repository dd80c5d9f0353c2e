package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.show.Show;
import io.shotplan.show.WorkMode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current plan (the baseline, else the newest) as an Excel bid sheet ({@link BidSheet}): what a supervisor edits
 * and imports back with {@code shotplan import estimates} or the Import page.
 */
@Service
public class BidSheetExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DSLContext dsl;
    private final ShotQueries shotQueries;

    public BidSheetExport(DSLContext dsl, ShotQueries shotQueries) {
        this.dsl = dsl;
        this.shotQueries = shotQueries;
    }

    public void write(String showCode, OutputStream out) throws IOException {
        ShowRepository shows = new ShowRepository(dsl);
        long showId = shows.findId(showCode).orElseThrow(() -> new UnknownShowException(showCode));
        Show show = shows.load(showId);
        Map<String, String> planned = shotQueries.currentPlanId(showId).map(planId -> dsl
                .select(SHOT.CODE, PLAN_ITEM.CAPABILITY_CODE).from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId))
                .fetchMap(r -> r.value1(), r -> r.value2() == null ? WorkMode.TRADITIONAL_CODE : r.value2()))
                .orElse(Map.of());
        BidSheet.write(show, planned, out);
    }

    /** {@code GET /api/shows/{show}/bid-sheet.xlsx}. */
    @RestController
    static class Download {
        private final BidSheetExport export;

        Download(BidSheetExport export) {
            this.export = export;
        }

        @GetMapping("/api/shows/{show}/bid-sheet.xlsx")
        @io.swagger.v3.oas.annotations.Operation(summary = "The current plan as an Excel bid sheet: a row per shot, a "
                + "column per discipline in artist-days, the planned AI mode's GPU-hours or vendor quote")
        ResponseEntity<byte[]> download(@PathVariable String show) throws IOException {
            java.io.ByteArrayOutputStream sheet = new java.io.ByteArrayOutputStream(); // an unknown show answers 404
            export.write(show, sheet);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE))
                    .header("Content-Disposition", "attachment; filename=\"" + show + "-bid-sheet.xlsx\"")
                    .body(sheet.toByteArray());
        }
    }
}
