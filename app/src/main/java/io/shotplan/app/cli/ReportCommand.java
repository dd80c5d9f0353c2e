package io.shotplan.app.cli;

import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.export.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a show's planned-against-actual report, or one episode's, in the forms finance and producers use. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the show's (or an episode's) report as csv, xlsx, pdf (one per episode) or json.")
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show", required = true, description = "Show code.")
    String show;

    @Option(names = "--episode", description = "Only this episode.")
    String episode;

    @Option(names = "--format", split = ",", defaultValue = "csv,xlsx,pdf,json",
            description = "One or more of csv, xlsx, pdf, json (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--out", defaultValue = "out/reports", description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--as-of", description = "Report as of this day, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = "--originals", description = "Also list the original amounts of actuals booked from other currencies.")
    boolean originals;

    private final ShowReportQuery reports;
    private final Clock clock;

    ReportCommand(DSLContext dsl, Clock clock) {
        this.reports = new ShowReportQuery(dsl);
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        List<ReportFormat> forms = formats.stream().map(ReportFormat::parse).toList();
        ShowReport report = reports.build(show, Optional.ofNullable(episode),
                ReportOptions.asOf(asOf == null ? LocalDate.now(clock) : asOf).withOriginals(originals));
        for (ReportFormat format : forms) {
            for (Path file : format.writer().write(report, out)) {
                printer.println(file.toAbsolutePath().normalize());
            }
        }
        return 0;
    }
}
