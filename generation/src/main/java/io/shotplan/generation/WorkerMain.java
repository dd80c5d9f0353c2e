package io.shotplan.generation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.image.FramePaths;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.generation.queue.GenerationMetrics;
import io.shotplan.generation.queue.JobRepository;
import io.shotplan.generation.queue.ModelFrameProcessor;
import io.shotplan.generation.queue.QueueSettings;
import io.shotplan.generation.queue.WorkerPool;
import io.shotplan.sql.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A generation worker as its own process, for other machines sharing the PostgreSQL database
 * (the app exposes it as {@code shotplan worker}). Runs until terminated; on SIGTERM the job in hand goes back to
 * the queue, and a worker killed outright loses its lease and another worker takes the job over.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp ... io.shotplan.generation.WorkerMain \
 *   --db-url jdbc:postgresql://db/shotplan --db-user shotplan [--db-password-env PGPASSWORD] [--schema public] \
 *   --data-dir /mnt/shotplan [--workers 1] [--models studio-models.json] [--lease-seconds 60]
 * </pre>
 */
public final class WorkerMain {

    /**
     * Options of a worker process.
     *
     * @param processorClass a {@link FrameProcessor} with a public no-argument constructor, or null for the model runner
     */
    public record Options(String dbUrl, String dbUser, String dbPassword, String schema, Path dataDir, int workers,
                          Path modelsFile, QueueSettings queue, String processorClass) {
    }

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        CountDownLatch stopped = new CountDownLatch(1);
        Worker worker = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }));
        System.out.println("shotplan worker " + worker.pool().ownerPrefix() + " running " + options.workers()
                + " worker(s) against " + options.dbUrl());
        stopped.await();
    }

    /** A started worker process's resources. */
    public record Worker(Database database, WorkerPool pool, FrameProcessor processor) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
            processor.close();
            database.close();
        }
    }

    /** Opens the database (applying pending migrations) and starts the workers; for embedding in a CLI. */
    public static Worker start(Options options) throws ReflectiveOperationException {
        return start(options, new SimpleMeterRegistry());
    }

    /** Like {@link #start(Options)}, reporting the generation metrics to the given registry (e.g. Prometheus). */
    public static Worker start(Options options, MeterRegistry meters) throws ReflectiveOperationException {
        Database database = Database.open(options.dbUrl(), options.dbUser(), options.dbPassword(), options.schema());
        GenerationConfig defaults = GenerationConfig.defaults(options.dataDir());
        ModelRegistry registry = options.modelsFile() == null ? defaults.registry()
                : ModelRegistry.builtInWith(options.modelsFile());
        GenerationConfig config = defaults.withRegistry(registry).withQueue(options.queue());
        FrameProcessor processor = options.processorClass() == null
                ? new ModelFrameProcessor(registry, ModelPackageCache.fromEnvironment(), config.frames())
                : (FrameProcessor) Class.forName(options.processorClass()).getConstructor().newInstance();
        JobRepository jobs = new JobRepository(database.dsl(), Clock.systemUTC());
        WorkerPool pool = new WorkerPool(jobs, processor, options.queue(),
                new GenerationMetrics(meters, jobs), "worker");
        pool.start(options.workers());
        return new Worker(database, pool, processor);
    }

    /** Parses {@code --name value} pairs (see the class comment); the app's {@code shotplan worker} can pass its arguments through. */
    public static Options parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        String url = o.getOrDefault("db-url", System.getenv("SHOTPLAN_DB_URL"));
        if (url == null) {
            throw new IllegalArgumentException("--db-url (or SHOTPLAN_DB_URL) is required");
        }
        String passwordEnv = o.getOrDefault("db-password-env", "SHOTPLAN_DB_PASSWORD");
        String password = System.getenv().getOrDefault(passwordEnv, "");
        QueueSettings d = QueueSettings.defaults();
        QueueSettings queue = new QueueSettings(
                o.containsKey("lease-seconds") ? Duration.ofMillis((long) (Double.parseDouble(o.get("lease-seconds")) * 1000)) : d.lease(),
                o.containsKey("heartbeat-seconds") ? Duration.ofMillis((long) (Double.parseDouble(o.get("heartbeat-seconds")) * 1000)) : d.heartbeat(),
                o.containsKey("idle-poll-ms") ? Duration.ofMillis(Long.parseLong(o.get("idle-poll-ms"))) : d.idlePoll(),
                d.backoffBase(), d.backoffMax(), d.framesPerJob(), d.maxAttempts());
        return new Options(url, o.getOrDefault("db-user", System.getenv().getOrDefault("SHOTPLAN_DB_USER", "sa")), password,
                o.get("schema"), Path.of(o.getOrDefault("data-dir", "data")),
                Integer.parseInt(o.getOrDefault("workers", "1")),
                o.containsKey("models") ? Path.of(o.get("models")) : null, queue, o.get("processor"));
    }
}
