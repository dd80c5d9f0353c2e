package io.shotplan.app.cli;

import io.shotplan.generation.GenerationService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A generation worker on this machine against the configured database: on a GPU host pointed at the studio's
 * PostgreSQL ({@code SHOTPLAN_DB_URL}), it takes jobs that any app or {@code dispatch} queued. Ctrl-C hands the
 * job in hand back to the queue.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Render queued AI jobs on this machine until Ctrl-C (set SHOTPLAN_DB_URL to share a PostgreSQL queue).")
class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "1", description = "Jobs rendered at once (default: ${DEFAULT-VALUE}).")
    int threads;

    private final GenerationService generation;

    WorkerCommand(GenerationService generation) {
        this.generation = generation;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (CtrlC ignored = CtrlC.onPress(stopped::countDown)) {
            generation.startWorkers(threads);
            out.printf("Worker running %d thread(s); Ctrl-C stops it and hands unfinished jobs back.%n", threads);
            out.flush();
            stopped.await();
        } finally {
            generation.stopWorkers();
        }
        out.println("Worker stopped.");
        return 0;
    }
}
