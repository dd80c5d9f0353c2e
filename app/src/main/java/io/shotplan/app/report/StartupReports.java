package io.shotplan.app.report;

import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.export.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today's report of every active show, built before {@code serve} says it is serving. A server that has just started
 * loads and initializes the classes of a report build, its JSON and CSV writers and a whole show's loading on its first
 * requests; when a studio's users are already waiting, those requests come all at once and took 2–5 s in the load
 * benchmark (the same requests took under 0.3 s from 30 s after the start). Built here, the first reports are answered
 * from memory until the data changes, and a first rebuild, import or export no longer pays for that. Reads only.
 */
@Component
public class StartupReports {

    private final Reports reports;
    private final ShotQueries shots;
    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;

    StartupReports(Reports reports, ShotQueries shots, DSLContext dsl, JsonMapper json, Clock clock) {
        this.reports = reports;
        this.shots = shots;
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    /** Builds and writes (JSON, CSV) each active show's report as of today, as the report endpoints ask for it. */
    public List<ShowReport> build() {
        LocalDate today = LocalDate.now(clock);
        ShowRepository shows = new ShowRepository(dsl);
        List<ShowReport> built = new ArrayList<>();
        for (var show : shots.shows(false)) {
            ShowReport report = reports.report(show.code(), Optional.empty(), today, false);
            json.writeValueAsBytes(report);
            try {
                ReportDownload.write(report, ReportFormat.CSV);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the report of " + show.code() + " as CSV at startup", e);
            }
            shows.load(show.code()); // what imports and pins load first
            built.add(report);
        }
        return built;
    }
}
