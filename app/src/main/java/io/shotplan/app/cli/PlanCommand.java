package io.shotplan.app.cli;

import io.shotplan.app.plan.SolveJob;
import io.shotplan.app.plan.Solving;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.MissingModel;
import io.shotplan.plan.shot.PlanSummary;
import io.shotplan.plan.shot.WhatWouldFixIt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plans a stored show (or one of its scenarios) the way the web UI does: pins and the current plan are respected,
 * and the result is stored as the show's next plan version. Ctrl-C stops the search early and keeps its best plan.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Choose AI or traditional per shot and schedule the show; stores the plan as its next version.")
class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show", required = true, description = "Show code.")
    String show;

    @Option(names = "--scenario", description = "Plan this scenario of the show instead of the show as it is.")
    String scenario;

    @Option(names = "--seconds", defaultValue = "30", description = "How long to search (default: ${DEFAULT-VALUE}).")
    int seconds;

    private final Solving solving;
    private final GenerationService generation;

    PlanCommand(Solving solving, GenerationService generation) {
        this.solving = solving;
        this.generation = generation;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SolveJob started = solving.start(show, Optional.ofNullable(scenario), Duration.ofSeconds(seconds));
        BlockingQueue<SolveJob> finished = new ArrayBlockingQueue<>(1);
        try (ProgressBar bar = ProgressBar.builder().setTaskName("Planning " + show).setUnit(" s", 1000)
                .setInitialMax(started.limitMillis()).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
             CtrlC ignored = CtrlC.onPress(() -> {
                 bar.setExtraMessage(" stopping, keeping the best plan so far");
                 solving.stop(started.id());
             })) {
            Consumer<Solving.Event> follower = event -> {
                bar.stepTo(Math.min(event.job().elapsedMillis(), started.limitMillis()));
                if (event.job().bestScore() != null) {
                    bar.setExtraMessage(" best " + event.job().bestScore());
                }
                if (!event.job().state().equals("SOLVING")) {
                    finished.offer(event.job());
                }
            };
            solving.follow(started.id(), follower);
            SolveJob job = finished.take();
            solving.unfollow(started.id(), follower);
            bar.stepTo(started.limitMillis());
            if (job.state().equals("FAILED")) {
                out.printf("Planning %s failed: %s%n", show, job.error());
                return 1;
            }
            out.printf("Stored plan %d for %s%s: score %s%s.%n", job.planId(), show,
                    scenario == null ? "" : " (scenario " + scenario + ")", job.bestScore(),
                    job.stoppedEarly() ? ", stopped early" : "");
            List<MissingModel> missing = generation.capabilitiesWithoutModel(job.planId());
            if (!missing.isEmpty()) {
                out.println(MissingModel.line(missing));
            }
            // the same table the demo prints: per episode, the baselines beside the plan, the bound and what is missed
            Optional<Solving.Solved> solved = solving.solved(started.id());
            solved.ifPresent(s -> PlanSummary.lines(s.plan(), s.show().currency()).forEach(line -> out.printf("   %s%n", line)));
            if (solved.isPresent() && !solved.get().plan().withinLimits()) {
                printFixes(out, solved.get());
            }
            out.printf("Next: shotplan dispatch --show %s, or shotplan report --show %s%n", show, show);
            return 0;
        }
    }

    /** The ways out of a missed budget or delivery, each proven by re-solving the show with that limit relaxed. */
    private void printFixes(PrintWriter out, Solving.Solved solved) {
        out.printf("The plan misses a budget or a delivery. What would fix it (three relaxed re-solves of %d s each):%n",
                seconds);
        out.flush();
        for (WhatWouldFixIt.Fix fix : WhatWouldFixIt.of(solved.show(), solved.request(), solved.plan())) {
            out.printf("   %s%s%n", fix.description(), fix.fixesEverything() ? " — meets every budget and delivery" : "");
        }
    }
}
