package io.shotplan.app.cli;

import io.shotplan.app.dispatch.Dispatcher;
import io.shotplan.app.imports.ImportService;
import io.shotplan.app.plan.PlanStore;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.show.ShowSummary;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.MissingModel;
import io.shotplan.generation.queue.EpisodeCost;
import io.shotplan.plan.shot.PlanRequest;
import io.shotplan.plan.shot.PlanSummary;
import io.shotplan.plan.shot.ShowPlan;
import io.shotplan.plan.shot.ShowPlanner;
import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.reporting.export.ReportFormat;
import io.shotplan.show.Show;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default, start to end: load the example show, plan it, run its AI up-res shots on
 * the in-process worker, and write the per-episode reports. Each step prints what a producer would look at.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load the example show, plan it, run its AI shots and write its reports.")
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show-folder", defaultValue = "examples/snowfall",
            description = "Show folder to load (default: ${DEFAULT-VALUE}).")
    Path showFolder;

    @Option(names = "--plan-seconds", defaultValue = "20",
            description = "How long the planner may search (default: ${DEFAULT-VALUE}).")
    int planSeconds;

    @Option(names = "--out", defaultValue = "out/reports",
            description = "Folder for the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--dispatch-minutes", defaultValue = "10",
            description = "How long to wait for the AI shots to render (default: ${DEFAULT-VALUE}).")
    int dispatchMinutes;

    @Option(names = "--render-shots", defaultValue = "2",
            description = "In-house AI shots to render per capability on this machine (default: ${DEFAULT-VALUE});"
                    + " 'shotplan dispatch' renders them all.")
    int renderShots;

    private final ImportService imports;
    private final ShowRepository shows;
    private final PlanStore plans;
    private final Dispatcher dispatcher;
    private final GenerationService generation;
    private final ShowReportQuery reports;
    private final Clock clock;

    DemoCommand(ImportService imports, ShowRepository shows, PlanStore plans, Dispatcher dispatcher,
                GenerationService generation, DSLContext dsl, Clock clock) {
        this.imports = imports;
        this.shows = shows;
        this.plans = plans;
        this.dispatcher = dispatcher;
        this.generation = generation;
        this.reports = new ShowReportQuery(dsl);
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();

        String showCode = imports.importShow(showFolder, true).showCode();
        long showId = shows.findId(showCode).orElseThrow();
        Show show = shows.load(showId);
        out.printf("1. Loaded %s (%s) from %s into the database.%n%n", show.name(), show.code(), showFolder);
        out.print(ShowSummary.of(show).toText());
        out.flush();

        out.printf("%n2. Planning %d shots (searching for %d s) ...%n", show.shots().size(), planSeconds);
        out.flush();
        ShowPlan plan = ShowPlanner.plan(show, PlanRequest.of(Duration.ofSeconds(planSeconds)));
        long planId = plans.save(showId, null, show, plan, "demo", false);
        printPlan(out, show, plan);
        List<MissingModel> missing = generation.capabilitiesWithoutModel(planId);
        if (!missing.isEmpty()) {
            out.printf("   %s%n", MissingModel.line(missing));
        }

        // plate clean-up takes about a second a frame on a laptop's CPU even on the demo's small plates: a sample
        // of each capability shows the whole path (plates, jobs, metering, ledger, reports) in minutes
        out.printf("%n3. Running %d of the plan's in-house AI shots per capability on this machine ...%n", renderShots);
        out.flush();
        DispatchResult dispatched = dispatcher.dispatchSample(planId, renderShots);
        boolean finished;
        try {
            generation.startWorkers(1);
            finished = generation.awaitIdle(showId, Duration.ofMinutes(dispatchMinutes));
        } finally {
            generation.stopWorkers();
        }
        printGeneration(out, show, dispatched, finished, generation.costByEpisode(showId));

        out.printf("%n4. Reports (planned against actual, per episode) in %s:%n", this.out);
        ShowReport report = reports.build(showId, Optional.empty(), ReportOptions.asOf(LocalDate.now(clock)));
        for (ReportFormat format : ReportFormat.values()) {
            for (Path file : format.writer().write(report, this.out)) {
                out.printf("   %-5s %s%n", format.extension(), file.toAbsolutePath().normalize());
            }
        }
        out.flush();
        return finished ? 0 : 1;
    }

    private static void printPlan(PrintWriter out, Show show, ShowPlan plan) {
        out.printf("   %s plan in %.1f s.%n%n", plan.withinLimits() ? "A within-budget, on-time"
                : plan.feasible() ? "A feasible but over-limit" : "An infeasible", plan.solveMillis() / 1000.0);
        PlanSummary.lines(plan, show.currency()).forEach(line -> out.printf("   %s%n", line));
    }

    private static void printGeneration(PrintWriter out, Show show, DispatchResult dispatched, boolean finished,
                                        List<EpisodeCost> costs) {
        out.printf("   %d AI shots became %d jobs.%s%n", dispatched.shots(), dispatched.jobsCreated(),
                finished ? "" : " Not finished in time: the rest stays queued for the next run.");
        out.printf("   'shotplan dispatch' sends the plan's other in-house AI shots.%n");
        // "SHOT: reason" -> how many shots each reason kept off this machine
        dispatched.skipped().stream()
                .collect(Collectors.groupingBy(line -> line.substring(line.indexOf(": ") + 2), TreeMap::new,
                        Collectors.counting()))
                .forEach((reason, shots) -> out.printf("   Not run here, %d shots: %s%n", shots, reason));
        // sample plates are tiny: GPU cost shows in hundredths of a cent
        out.printf("   %-8s %6s %16s %14s%n", "Episode", "Jobs", "Device seconds", "Cost");
        for (EpisodeCost c : costs) {
            out.printf("   %-8s %6d %16s %14s%n", c.episodeCode(), c.jobs(), c.deviceSeconds().setScale(2, RoundingMode.HALF_EVEN),
                    c.amount().setScale(4, RoundingMode.HALF_EVEN));
        }
        BigDecimal seconds = costs.stream().map(EpisodeCost::deviceSeconds).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = costs.stream().map(EpisodeCost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf("   %-8s %6s %16s %14s (%s, metered)%n", "Total", "", seconds.setScale(2, RoundingMode.HALF_EVEN),
                amount.setScale(4, RoundingMode.HALF_EVEN), show.currency());
    }
}
