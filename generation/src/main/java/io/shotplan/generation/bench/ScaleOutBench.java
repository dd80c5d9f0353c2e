package io.shotplan.generation.bench;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.JobState;
import io.shotplan.sql.Database;
import io.shotplan.sql.ledger.LedgerSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The scale-out benchmark's two steps on the database side (generation/bench/scale-out.sh runs the worker processes):
 * {@code seed} stores a show whose plan has the jobs, {@code run} dispatches them while the workers wait, follows the
 * queue until it is empty and reports throughput, the queue's overhead and whether every job was done and billed once.
 */
@Command(name = "scale-out", mixinStandardHelpOptions = true,
        description = "Scale-out benchmark steps (see generation/bench/scale-out.sh and docs/benchmarks.md).",
        subcommands = {ScaleOutBench.Seed.class, ScaleOutBench.Run.class})
public final class ScaleOutBench {

    public ScaleOutBench() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScaleOutBench()).execute(args));
    }

    static final class Connection {
        @Option(names = "--db-url", required = true)
        String url;
        @Option(names = "--db-user", defaultValue = "postgres")
        String user;
        @Option(names = "--schema", required = true)
        String schema;

        Database open() {
            return Database.open(url, user, System.getenv().getOrDefault("SHOTPLAN_DB_PASSWORD", ""), schema);
        }
    }

    @Command(name = "seed", description = "Store a show whose plan sends JOBS shots of FRAMES frames to AI; prints its plan id.")
    static final class Seed implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Option(names = "--jobs", required = true)
        int jobs;
        @Option(names = "--frames", defaultValue = "10")
        int frames;

        @Override
        public Integer call() {
            try (Database db = connection.open()) {
                long show = GenerationBenchmark.benchmarkShow(db, jobs, frames);
                System.out.println("plan " + db.dsl().select(PLAN.ID).from(PLAN).where(PLAN.SHOW_ID.eq(show)).fetchSingle(PLAN.ID));
            }
            return 0;
        }
    }

    @Command(name = "run", description = "Dispatch the plan, wait until its jobs are done, report.")
    static final class Run implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Option(names = "--plan", required = true)
        long plan;
        @Option(names = "--workers", required = true, description = "worker processes taking part (for the overhead)")
        int workers;
        @Option(names = "--timeout-seconds", defaultValue = "900")
        long timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException {
            try (Database db = connection.open()) {
                DispatchResult dispatched;
                try (GenerationService generation = new GenerationService(db.dsl(),
                        GenerationConfig.defaults(Path.of("bench-data")), new SimpleMeterRegistry())) {
                    dispatched = generation.dispatchPlan(plan);
                }
                long show = db.dsl().select(PLAN.SHOW_ID).from(PLAN).where(PLAN.ID.eq(plan)).fetchSingle(PLAN.SHOW_ID);
                long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                for (int left = unfinished(db, show); left != 0; left = unfinished(db, show)) {
                    if (System.nanoTime() > deadline) {
                        System.out.println("timed out with " + left + " jobs unfinished");
                        return 1;
                    }
                    Thread.sleep(200);
                }
                return report(db, show, dispatched.jobsCreated()) ? 0 : 1;
            }
        }

        /** Jobs still queued or running; -1 while the database cannot answer (the failure run restarts it). */
        private static int unfinished(Database db, long show) {
            var j = GENERATION_JOB;
            try {
                return db.dsl().fetchCount(j, j.SHOW_ID.eq(show)
                        .and(j.STATE.in(JobState.QUEUED.name(), JobState.RUNNING.name())));
            } catch (DataAccessException e) {
                System.out.println("database unreachable (" + e.getCause() + "); asking again");
                return -1;
            }
        }

        private boolean report(Database db, long show, int jobs) {
            var j = GENERATION_JOB;
            var l = COST_LEDGER;
            var times = db.dsl().select(min(j.STARTED_AT), max(j.FINISHED_AT), sum(j.DEVICE_SECONDS),
                            sum(j.FRAME_TO.minus(j.FRAME_FROM).plus(1)), count().filterWhere(j.STATE.eq(JobState.SUCCEEDED.name())),
                            sum(j.ATTEMPTS), countDistinct(j.LEASE_OWNER))
                    .from(j).where(j.SHOW_ID.eq(show)).fetchSingle();
            OffsetDateTime first = times.value1();
            OffsetDateTime last = times.value2();
            double elapsed = Duration.between(first, last).toNanos() / 1e9;
            double model = times.value3().doubleValue();
            long frames = times.value4().longValue();
            var ledger = db.dsl().select(count(), countDistinct(l.IDEMPOTENCY_KEY), countDistinct(l.REFERENCE), sum(l.GPU_SECONDS), sum(l.AMOUNT))
                    .from(l).where(l.SHOW_ID.eq(show)).and(l.SOURCE.eq(LedgerSource.GENERATION.name())).fetchSingle();
            boolean once = times.value5() == jobs && ledger.value1() == jobs && ledger.value2() == jobs && ledger.value3() == jobs;
            System.out.printf("workers %d  jobs %d  frames %d  elapsed %.2f s  throughput %.3f frames/s  model time %.1f s%n",
                    workers, jobs, frames, elapsed, frames / elapsed, model);
            System.out.printf("busy %.2f %%  overhead %.2f %% of model time (N x elapsed - model) / model%n",
                    100 * model / (workers * elapsed), 100 * (workers * elapsed - model) / model);
            System.out.printf("succeeded %d of %d  attempts %d  lease owners %d  ledger rows %d (distinct keys %d, jobs %d)  ledger device seconds %s  amount %s  -> %s%n",
                    times.value5(), jobs, times.value6().intValue(), times.value7(), ledger.value1(), ledger.value2(),
                    ledger.value3(), ledger.value4(), ledger.value5(), once ? "every job done once, billed once" : "MISMATCH");
            return once;
        }
    }

}
