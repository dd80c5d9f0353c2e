package io.shotplan.app.report;

import io.shotplan.reporting.ReportNotFoundException;
import io.shotplan.reporting.ShowReport;
import io.shotplan.app.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.shotplan.reporting.export.ReportFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports", description = "Planned against actual cost and time per episode, and its downloads")
class ReportController {

    private final Reports reports;
    private final Clock clock;

    ReportController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/api/shows/{show}/report")
    @Operation(summary = "The show's report (or one episode's) as of a day: budget, baseline, plan, actuals, EAC, burn; "
            + "with originals=true, also the original amounts of actuals booked from other currencies")
    ShowReport report(@PathVariable String show, @RequestParam(required = false) String episode,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(defaultValue = "false") boolean originals) {
        return reports.report(show, Optional.ofNullable(episode).filter(e -> !e.isBlank()),
                asOf == null ? LocalDate.now(clock) : asOf, originals);
    }

    @GetMapping("/api/shows/{show}/report.{format}")
    @Operation(summary = "Download the report as json, csv, xlsx or pdf (several PDFs, one per episode, come zipped)")
    ResponseEntity<byte[]> download(@PathVariable String show, @PathVariable String format,
                                    @RequestParam(required = false) String episode,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(defaultValue = "false") boolean originals)
            throws IOException {
        ReportFormat form = ReportFormat.parse(format);
        ShowReport report = report(show, episode, asOf, originals);
        ReportDownload download = ReportDownload.write(report, form);
        return ResponseEntity.ok()
                .contentType(download.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .body(download.bytes());
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ProblemDetail notFound(ReportNotFoundException e) {
        return ProblemHandler.problem(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
