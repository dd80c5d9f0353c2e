package io.shotplan.generation;

import ai.djl.engine.Engine;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.generation.queue.QueueSettings;
import io.shotplan.generation.queue.WorkerProfile;
import io.shotplan.sql.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A generation worker process, one per GPU: {@code shotplan worker --gpu N} (the app hands the command to this class
 * before Spring starts, so a worker is a small process with its own pool). It claims only jobs it can run, refuses to
 * start when it was meant for a GPU its engine cannot see, serves its health and metrics on a management port, and
 * works until terminated; on SIGTERM the job in hand goes back to the queue, and a worker killed outright loses its
 * lease and another worker takes the job over.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Render queued AI jobs on this machine until Ctrl-C or SIGTERM: one process per GPU, against the "
                + "studio's PostgreSQL (SHOTPLAN_DB_URL).",
                "Health and Prometheus metrics on http://127.0.0.1:<management port>/actuator/{health/liveness,health/readiness,prometheus}."})
public final class WorkerMain implements Callable<Integer> {

    /** The first management port; a worker for GPU N listens on this + N unless told otherwise. */
    public static final int MANAGEMENT_PORT_BASE = 9400;
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    @Spec
    CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:SHOTPLAN_DB_URL}",
            description = "The shared database (default: SHOTPLAN_DB_URL, else the embedded H2 file of --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:SHOTPLAN_DB_USER:-sa}",
            description = "Database user (default: SHOTPLAN_DB_USER, else sa).")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VARIABLE", defaultValue = "SHOTPLAN_DB_PASSWORD",
            description = "Environment variable that holds the database password (default: ${DEFAULT-VALUE}).")
    String dbPasswordEnv;

    @Option(names = "--schema", description = "Database schema (default: the user's).")
    String schema;

    @Option(names = "--data-dir", defaultValue = "${env:SHOTPLAN_DATA_DIR:-data}",
            description = "Plates are read from and renders written to DIR/plates and DIR/renders (default: SHOTPLAN_DATA_DIR, else ./data).")
    Path dataDir;

    @Option(names = {"--threads", "--workers"}, defaultValue = "1",
            description = "Jobs rendered at once in this process (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--gpu", paramLabel = "N",
            description = "Run on the host's GPU N (./shotplan sets CUDA_VISIBLE_DEVICES=N); refuses to start if PyTorch does not see it. "
                    + "Default: the single GPU of CUDA_VISIBLE_DEVICES, else the CPU.")
    Integer gpu;

    @Option(names = "--gpu-pool", paramLabel = "CODE", split = ",",
            description = "Take only jobs of these GPU pools (and of none); default: every pool. A GPU pool needs --gpu.")
    List<String> gpuPools = new ArrayList<>();

    @Option(names = "--models", paramLabel = "FILE", description = "A models.json registry added to the built-in models.")
    Path models;

    @Option(names = "--preload", paramLabel = "CAPABILITY", split = ",",
            description = "Load these capabilities' models and warm them up on every worker thread before the first claim, "
                    + "so that no job's first frame pays for it (e.g. upres-x2); others load with the first job that needs them.")
    List<String> preload = new ArrayList<>();

    @Option(names = "--lease-seconds", defaultValue = "60", description = "Lease of a claimed job (default: ${DEFAULT-VALUE}).")
    double leaseSeconds;

    @Option(names = "--heartbeat-seconds", defaultValue = "15", description = "Lease renewal period (default: ${DEFAULT-VALUE}).")
    double heartbeatSeconds;

    @Option(names = "--idle-poll-ms", defaultValue = "1000", description = "Wait of an idle worker before looking again (default: ${DEFAULT-VALUE}).")
    long idlePollMillis;

    @Option(names = "--management-port", paramLabel = "PORT",
            description = "Health and metrics port (default: " + MANAGEMENT_PORT_BASE + " + the GPU index; 0: any free port).")
    Integer managementPort;

    @Option(names = "--management-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of the management port (default: ${DEFAULT-VALUE}; 0.0.0.0 for a Prometheus on another host).")
    String managementBind;

    /** A {@link FrameProcessor} with a public no-argument constructor instead of the models (tests, benchmarks). */
    @Option(names = "--processor", hidden = true)
    String processorClass;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // before the first logger: a worker outside Spring logs warnings and its own progress, not every library's INFO
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "io/shotplan/generation/worker-logback.xml");
        }
        PrintWriter out = spec.commandLine().getOut();
        Worker worker;
        try {
            worker = start(options(System.getenv("CUDA_VISIBLE_DEVICES")));
        } catch (WorkerRefusedException e) {
            spec.commandLine().getErr().println("shotplan worker: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }));
        out.printf("shotplan worker %s on %s, %d thread(s), capabilities %s%s, against %s; health and metrics on http://%s/actuator%n",
                worker.service().workerName(), worker.profile().device(), threads,
                String.join(",", worker.profile().capabilities().stream().sorted().toList()),
                worker.profile().gpuPools().isEmpty() ? "" : ", pools " + String.join(",", worker.profile().gpuPools()),
                worker.databaseUrl(), worker.management().address());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The options as a value; {@code cudaVisibleDevices} is the process's CUDA_VISIBLE_DEVICES (or null). */
    Options options(String cudaVisibleDevices) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        String device = WorkerDevice.deviceFor(gpu, cudaVisibleDevices);
        int port = managementPort != null ? managementPort
                : MANAGEMENT_PORT_BASE + (WorkerProfile.isGpu(device) ? WorkerDevice.index(device) : 0);
        QueueSettings d = QueueSettings.defaults();
        QueueSettings queue = new QueueSettings(seconds(leaseSeconds), seconds(heartbeatSeconds),
                Duration.ofMillis(idlePollMillis), d.backoffBase(), d.backoffMax(), d.framesPerJob(), d.maxAttempts());
        String url = dbUrl != null ? dbUrl : Database.embeddedUrl(dataDir);
        return new Options(url, dbUser, System.getenv().getOrDefault(dbPasswordEnv, ""), schema, dataDir, threads,
                device, new LinkedHashSet<>(gpuPools), models, new LinkedHashSet<>(preload), queue, processorClass,
                managementBind, port);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /**
     * Options of a worker process.
     *
     * @param device         {@code cpu} or {@code cuda:N}, the device it was started for
     * @param preload        capabilities whose models each worker thread loads and warms up before its first claim
     * @param processorClass a {@link FrameProcessor} with a public no-argument constructor, or null for the models
     * @param managementPort port of the health and metrics server (0: any free port)
     */
    public record Options(String dbUrl, String dbUser, String dbPassword, String schema, Path dataDir, int threads,
                          String device, Set<String> gpuPools, Path modelsFile, Set<String> preload, QueueSettings queue,
                          String processorClass, String managementBind, int managementPort) {
    }

    /** A started worker process's resources. */
    public record Worker(Database database, GenerationService service, WorkerProfile profile,
                         WorkerManagement management, String databaseUrl) implements AutoCloseable {
        @Override
        public void close() {
            management.close();
            service.close();
            database.close();
        }
    }

    /**
     * Opens the database (applying pending migrations), checks the worker may run on its device, starts the workers
     * and the management server.
     *
     * @throws WorkerRefusedException when the worker was meant for a GPU it does not have, or told to preload a
     *                                capability that no registered model runs
     */
    public static Worker start(Options options) throws ReflectiveOperationException, IOException {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        Database database = Database.open(options.dbUrl(), options.dbUser(), options.dbPassword(), options.schema());
        try {
            GenerationConfig defaults = GenerationConfig.defaults(options.dataDir());
            ModelRegistry registry = options.modelsFile() == null ? defaults.registry()
                    : ModelRegistry.builtInWith(options.modelsFile());
            GenerationConfig config = defaults.withRegistry(registry).withQueue(options.queue());
            WorkerProfile profile = WorkerProfile.of(registry).forPools(options.gpuPools());
            for (String capability : options.preload()) {
                if (registry.find(capability).isEmpty()) {
                    throw new WorkerRefusedException("--preload %s: no registered model runs it (registered: %s)".formatted(
                            capability, String.join(", ", profile.capabilities().stream().sorted().toList())));
                }
            }
            if (WorkerProfile.isGpu(options.device())) {
                profile = profile.onGpu(WorkerDevice.index(options.device()));
            }
            WorkerDevice.verify(profile, () -> Engine.getEngine("PyTorch").getGpuCount(),
                    WorkerDevice.poolTypes(database.dsl(), profile.gpuPools()));
            GenerationService service = options.processorClass() == null
                    ? new GenerationService(database.dsl(), config, meters)
                    : new GenerationService(database.dsl(), config, meters,
                            (FrameProcessor) Class.forName(options.processorClass()).getConstructor().newInstance(),
                            Clock.systemUTC());
            String name = profile.onGpu() ? "gpu" + WorkerDevice.index(profile.device()) : "cpu";
            service.startWorkers(options.threads(), profile, options.preload(), name);
            WorkerManagement management = WorkerManagement.start(options.managementBind(), options.managementPort(),
                    meters, service, database.dsl());
            return new Worker(database, service, profile, management, options.dbUrl());
        } catch (RuntimeException | ReflectiveOperationException | IOException e) {
            database.close();
            throw e;
        }
    }
}
