package io.shotplan.app.cli;

import io.shotplan.app.dispatch.Dispatcher;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.MissingModel;
import io.shotplan.generation.queue.JobState;
import io.shotplan.generation.queue.ShotProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sends a plan's in-house AI shots to the generation queue and, unless told not to, renders them here until done.
 * Ctrl-C stops the local workers: finished frames stay, jobs in hand go back to the queue for the next run or for
 * {@code shotplan worker} processes elsewhere.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Queue the current plan's AI shots for generation and render them on this machine.")
class DispatchCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--show", required = true, description = "Show code.")
    String show;

    @Option(names = "--plan", description = "Plan id to dispatch (default: the show's current plan).")
    Long planId;

    @Option(names = "--rerender", split = ",", paramLabel = "SHOT",
            description = "Render these shots again although their frames were rendered before (audited; billed as new cost lines).")
    Set<String> rerender = Set.of();

    @Option(names = "--workers", defaultValue = "1",
            description = "Worker threads on this machine; 0 only queues the jobs for 'shotplan worker' processes (default: ${DEFAULT-VALUE}).")
    int workers;

    private final Dispatcher dispatcher;
    private final GenerationService generation;
    private final ShotQueries shots;

    DispatchCommand(Dispatcher dispatcher, GenerationService generation, ShotQueries shots) {
        this.dispatcher = dispatcher;
        this.generation = generation;
        this.shots = shots;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long showId = shots.showId(show);
        long plan = planId != null ? planId : shots.currentPlanId(showId)
                .orElseThrow(() -> new IllegalArgumentException("show " + show + " has no plan yet: run shotplan plan --show " + show));
        List<MissingModel> missing = generation.capabilitiesWithoutModel(plan);
        if (!missing.isEmpty()) {
            out.println(MissingModel.line(missing));
        }
        DispatchResult result = dispatcher.dispatch(plan, rerender);
        out.printf("Plan %d: %d AI shots, %d new jobs, %d already queued or rendered (not rendered or billed again),"
                        + " %d resumed, %d re-rendered, %d not runnable here.%n", plan, result.shots(), result.jobsCreated(),
                result.jobsExisting(), result.jobsResumed(), result.jobsRerendered(), result.skipped().size());
        out.flush();
        if (workers == 0) {
            return 0;
        }
        generation.startWorkers(workers);
        AtomicBoolean stop = new AtomicBoolean();
        try (ProgressBar bar = ProgressBar.builder().setTaskName("Rendering " + show).setUnit(" frames", 1)
                .setInitialMax(frames(generation.progress(showId), true)).setStyle(ProgressBarStyle.ASCII).build();
             CtrlC ignored = CtrlC.onPress(() -> stop.set(true))) {
            List<ShotProgress> progress = generation.progress(showId);
            while (!stop.get() && busy(progress)) {
                bar.stepTo(frames(progress, false));
                Thread.sleep(POLL_MILLIS);
                progress = generation.progress(showId);
            }
            bar.stepTo(frames(progress, false));
        } finally {
            generation.stopWorkers();
        }
        List<ShotProgress> progress = generation.progress(showId);
        long failed = progress.stream().mapToInt(p -> p.jobsByState().get(JobState.FAILED)).sum();
        out.printf("%s: %d of %d frames rendered, %d jobs failed (their shots are flagged for re-planning).%n",
                stop.get() ? "Stopped" : "Done", frames(progress, false), frames(progress, true), failed);
        return failed > 0 ? 1 : 0;
    }

    private static boolean busy(List<ShotProgress> progress) {
        return progress.stream().anyMatch(p -> p.jobsByState().get(JobState.QUEUED) > 0
                || p.jobsByState().get(JobState.RUNNING) > 0);
    }

    private static long frames(List<ShotProgress> progress, boolean total) {
        return progress.stream().mapToLong(p -> total ? p.framesTotal() : p.framesDone()).sum();
    }
}
