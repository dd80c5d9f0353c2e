package io.shotplan.generation.bench;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.FramePaths;
import io.shotplan.generation.image.SamplePlates;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.queue.GenerationMetrics;
import io.shotplan.generation.queue.ModelFrameProcessor;
import io.shotplan.generation.queue.QueueSettings;
import io.shotplan.generation.upscale.UpscaleModel;
import io.shotplan.generation.upscale.Upscaler;
import io.shotplan.sql.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * x2 up-res of 512×512 frames on this machine: frames/s on one thread and on all cores, the achieved GFLOP/s against
 * DJL's own 2048² matMul GFLOP/s, the dispatch overhead per job against the model time, and — when Node and
 * generation/reference are available — the same model in TensorFlow.js (wasm backend) as a ratio.
 * A plain main class, not a test: the numbers go into docs/benchmarks.md.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp ... io.shotplan.generation.bench.GenerationBenchmark \
 *   [--frames 3] [--size 512] [--threads 2] [--tfjs generation/reference] [--jobs 4] [--model false] [--big 3840x2160 [--tile 320]]
 *   [--db-url jdbc:postgresql://… --db-user … --schema …]   (password from SHOTPLAN_DB_PASSWORD)
 * </pre>
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int frames = Integer.parseInt(o.getOrDefault("frames", "3"));
        int size = Integer.parseInt(o.getOrDefault("size", "512"));
        int cores = Integer.parseInt(o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int jobs = Integer.parseInt(o.getOrDefault("jobs", "4"));
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }

        System.out.printf(Locale.ROOT, "machine: %s, %d cores, %s; java %s; LD_PRELOAD=%s THP_MEM_ALLOC_ENABLE=%s%n",
                cpuName(), Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version(),
                System.getenv("LD_PRELOAD"), System.getenv("THP_MEM_ALLOC_ENABLE"));
        ModelRegistry registry = ModelRegistry.builtIn();
        if (o.containsKey("big")) {
            bigFrame(registry, o.get("big"), cores, frames, Integer.parseInt(o.getOrDefault("tile", "0")));
        }
        if (Boolean.parseBoolean(o.getOrDefault("model", "true"))) {
            modelBenchmark(registry, o, frames, size, cores);
        }
        if (jobs > 0) {
            Engine.getEngine("PyTorch"); // loads the natives
            JniUtils.setNumThreads(cores);
            queueOverhead(o.getOrDefault("db-url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                    o.getOrDefault("db-user", "sa"), o.get("schema"), jobs, size, registry);
        }
    }

    private static void modelBenchmark(ModelRegistry registry, Map<String, String> o, int frames, int size, int cores)
            throws Exception {
        try (UpscaleModel model = UpscaleModel.load(registry.get("upres-x2"), ModelPackageCache.fromEnvironment())) {
            double gflopPerFrame = model.graph().orElseThrow().flopsPerInputPixel() * size * size / 1e9;
            System.out.printf(Locale.ROOT, "model: upres-x2 (%d parameters), %.1f GFLOP per %d² frame, device %s%n",
                    model.graph().orElseThrow().parameterCount(), gflopPerFrame, size, model.deviceName());
            FloatImage frame = SamplePlates.frame(size, size, 1, 42);

            List<String> rows = new ArrayList<>();
            double best = 0;
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                JniUtils.setNumThreads(threads);
                for (String mode : List.of("whole", "tiled")) {
                    double s = secondsPerFrame(model, frame, frames, mode.equals("whole"));
                    best = Math.max(best, 1 / s);
                    rows.add(String.format(Locale.ROOT, "| DJL %s, 1 predictor × %d threads | %.3f | %.3f | %.1f |",
                            mode.equals("whole") ? "whole frame" : "tiles " + model.spec().tileSize(), threads, s, 1 / s, gflopPerFrame / s));
                }
            }
            if (cores > 1) {
                JniUtils.setNumThreads(1);
                double fps = parallelFramesPerSecond(model, frame, frames, cores);
                best = Math.max(best, fps);
                rows.add(String.format(Locale.ROOT, "| DJL tiles %d, %d predictors × 1 thread | %.3f | %.3f | %.1f |",
                        model.spec().tileSize(), cores, 1 / fps, fps, gflopPerFrame * fps));
            }
            System.out.println("| runtime | s/frame | frames/s | GFLOP/s |");
            System.out.println("|---|---|---|---|");
            rows.forEach(System.out::println);

            double mm1;
            double mmAll;
            JniUtils.setNumThreads(1);
            mm1 = matMulGflops(2048);
            JniUtils.setNumThreads(cores);
            mmAll = matMulGflops(2048);
            System.out.printf(Locale.ROOT, "DJL matMul 2048² fp32: %.1f GFLOP/s on 1 thread, %.1f on %d%n", mm1, mmAll, cores);
            System.out.printf(Locale.ROOT, "best up-res: %.3f frames/s = %.1f GFLOP/s = %.0f %% of the %d-thread matMul rate%n",
                    best, best * gflopPerFrame, 100 * best * gflopPerFrame / mmAll, cores);
            // on a shared machine the load drifts between measurements: pair each frame with a matMul right before it
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                JniUtils.setNumThreads(threads);
                double[] ratios = new double[frames];
                try (Upscaler upscaler = model.newUpscaler()) {
                    upscaler.upscale(frame);
                    for (int i = 0; i < frames; i++) {
                        double mm = matMulGflops(2048);
                        long start = System.nanoTime();
                        upscaler.upscale(frame);
                        ratios[i] = gflopPerFrame / ((System.nanoTime() - start) / 1e9) / mm;
                    }
                }
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "paired, %d thread(s), tiles: up-res GFLOP/s ÷ matMul GFLOP/s measured just before = %.0f %% (median of %d; range %.0f–%.0f %%)%n",
                        threads, 100 * ratios[frames / 2], frames, 100 * ratios[0], 100 * ratios[frames - 1]);
            }

            if (o.containsKey("tfjs")) {
                var npm = (ModelSource.NpmPackage) model.spec().source();
                Path pkg = ModelPackageCache.fromEnvironment().resolve(npm);
                Map<String, Double> tfjs = runTfjs(Path.of(o.get("tfjs")), pkg, frames, size);
                double tfjsFps = tfjs.get("framesPerSecond");
                System.out.printf(Locale.ROOT, "TF.js wasm: %.3f s/frame (%.3f frames/s); DJL best / TF.js = %.2f×%n",
                        1 / tfjsFps, tfjsFps, best / tfjsFps);
            }
        }
    }

    /**
     * Large frames (e.g. 3840x2160) through the tiled x2 model, {@code frames} times in a row, on a worker's path: the
     * thread first loads and warms up the model as a worker started with {@code --preload upres-x2} does before its
     * first claim ({@link ModelFrameProcessor#prepare}), and both are timed apart. Then the first frame's time (a
     * worker's first job), the median of the others (its steady state), and the process's peak resident memory.
     * {@code --tile} other than the registry's also warms up a window of that size, as a registry entry with that
     * tile size would.
     */
    private static void bigFrame(ModelRegistry registry, String size, int cores, int frames, int tile) throws IOException {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        Path nowhere = Path.of("/nonexistent");
        try (ModelFrameProcessor worker = new ModelFrameProcessor(registry, ModelPackageCache.fromEnvironment(),
                new FramePaths(nowhere, nowhere))) {
            long loadStart = System.nanoTime();
            UpscaleModel model = worker.model("upres-x2");
            JniUtils.setNumThreads(cores);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long warmStart = System.nanoTime();
            worker.prepare("upres-x2");
            Upscaler upscaler = worker.upscaler("upres-x2");
            int tileSize = tile > 0 ? tile : model.spec().tileSize();
            if (tileSize != model.spec().tileSize()) {
                upscaler.upscale(SamplePlates.frame(tileSize, tileSize, 1, 1), tileSize, 1);
            }
            double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
            long before = peakRssKb();
            System.out.printf(Locale.ROOT, "worker start: model load %.2f s, warm-up %.2f s (one %d² window), peak RSS %d MB%n",
                    loadSeconds, warmSeconds, tileSize, before / 1024);
            FloatImage frame = SamplePlates.frame(w, h, 1, 42);
            double gflop = model.graph().orElseThrow().flopsPerInputPixel() * w * h / 1e9;
            double[] seconds = new double[frames];
            double[] cpuSeconds = new double[frames];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            int outWidth = 0;
            int outHeight = 0;
            for (int i = 0; i < frames; i++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                FloatImage out = upscaler.upscale(frame, tileSize, model.spec().batchSize());
                seconds[i] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
                outWidth = out.width();
                outHeight = out.height();
                // on a shared machine the CPU time varies less with the load than the wall time
                System.out.printf(Locale.ROOT, "big frame %d of %d: %.2f s (%.1f GFLOP/s), %.2f CPU s, %s%n", i + 1, frames,
                        seconds[i], gflop / seconds[i], cpuSeconds[i], loadAverage());
            }
            double[] later = Arrays.copyOfRange(seconds, Math.min(1, frames - 1), frames);
            Arrays.sort(later);
            double median = later[later.length / 2];
            long framesMb = ((long) w * h * 12 + (long) outWidth * outHeight * 12) / (1 << 20);
            System.out.printf(Locale.ROOT, "big frame %dx%d -> %dx%d, tiles of %d: first %.2f s (%.1f GFLOP/s), then median %.2f s (%.1f GFLOP/s); "
                            + "peak RSS %d MB after the worker's start, %d MB after (the frame buffers alone are %d MB)%n", w, h, outWidth, outHeight,
                    tileSize, seconds[0], gflop / seconds[0], median, gflop / median, before / 1024, peakRssKb() / 1024, framesMb);
        }
    }

    private static long peakRssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static double secondsPerFrame(UpscaleModel model, FloatImage frame, int frames, boolean whole) {
        try (Upscaler upscaler = model.newUpscaler()) {
            run(upscaler, frame, whole); // warm-up
            double[] times = new double[frames];
            for (int i = 0; i < frames; i++) {
                long start = System.nanoTime();
                run(upscaler, frame, whole);
                times[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            return times[frames / 2];
        }
    }

    private static void run(Upscaler upscaler, FloatImage frame, boolean whole) {
        if (whole) {
            upscaler.upscaleWhole(frame);
        } else {
            upscaler.upscale(frame);
        }
    }

    private static double parallelFramesPerSecond(UpscaleModel model, FloatImage frame, int frames, int workers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> warm = new ArrayList<>();
            List<Upscaler> upscalers = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Upscaler u = model.newUpscaler();
                upscalers.add(u);
                warm.add(pool.submit(() -> u.upscale(frame)));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (Upscaler u : upscalers) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < frames; i++) {
                        u.upscale(frame);
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            upscalers.forEach(Upscaler::close);
            return workers * frames / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double matMulGflops(int n) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.randomUniform(0, 1, new Shape(n, n));
            NDArray b = manager.randomUniform(0, 1, new Shape(n, n));
            a.matMul(b).close();
            int reps = 5;
            double[] times = new double[reps];
            for (int i = 0; i < reps; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.toFloatArray(); // forces completion
                times[i] = (System.nanoTime() - start) / 1e9;
                c.close();
            }
            Arrays.sort(times);
            return 2.0 * n * n * n / times[reps / 2] / 1e9;
        }
    }

    /** Runs {@code jobs} two-frame jobs through the real queue and worker, and compares queue time with model time. */
    private static void queueOverhead(String url, String user, String schema, int jobs, int size, ModelRegistry registry)
            throws Exception {
        Path data = Files.createTempDirectory("shotplan-bench");
        try (Database db = Database.open(url, user, System.getenv().getOrDefault("SHOTPLAN_DB_PASSWORD", ""), schema)) {
            QueueSettings settings = new QueueSettings(Duration.ofSeconds(60), Duration.ofSeconds(15),
                    Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10), 2, 3);
            GenerationConfig config = GenerationConfig.defaults(data).withRegistry(registry).withQueue(settings);
            // warm-up round (class loading, JIT, first-use allocations), then the measured round with fresh meters
            runQueue(db, config, 1, size);
            GenerationMetrics m = runQueue(db, config, jobs, size);
            double claim = m.meanOverheadSeconds("claim");
            double complete = m.meanOverheadSeconds("complete");
            double frame = m.meanFrameSeconds();
            // claims and completions run on the worker's queue thread beside the model; what the model lost is the wait
            double waitedPerJob = m.totalOverheadSeconds("waiting") / jobs;
            System.out.printf(Locale.ROOT, "queue on %s: %d jobs × 2 frames of %d²; model %.3f s/frame; beside the model: "
                            + "claim %.2f ms, complete+ledger %.2f ms; the model waited %.2f ms per job = %.3f %% of its time%n",
                    url.replaceAll(";.*", ""), jobs, size, frame, claim * 1e3, complete * 1e3,
                    waitedPerJob * 1e3, 100 * waitedPerJob / (2 * frame));
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static GenerationMetrics runQueue(Database db, GenerationConfig config, int jobs, int size) throws Exception {
        long show = benchmarkShow(db, jobs);
        try (GenerationService service = new GenerationService(db.dsl(), config, new SimpleMeterRegistry())) {
            service.generateSamplePlates(show, size);
            long plan = db.dsl().select(PLAN.ID).from(PLAN).where(PLAN.SHOW_ID.eq(show)).fetchSingle().value1();
            service.dispatchPlan(plan);
            service.startWorkers(1);
            service.awaitIdle(show, Duration.ofHours(1));
            service.stopWorkers();
            return service.metrics();
        }
    }

    private static long benchmarkShow(Database db, int shots) {
        return benchmarkShow(db, shots, 2);
    }

    /** A show whose plan sends {@code shots} shots of {@code frames} frames each to upres-x2 on a priced CPU pool. */
    static long benchmarkShow(Database db, int shots, int frames) {
        var dsl = db.dsl();
        LocalDate start = LocalDate.now();
        String code = "BENCH" + System.nanoTime() % 100000;
        long show = dsl.insertInto(SHOW).set(SHOW.CODE, code).set(SHOW.NAME, "benchmark").set(SHOW.CURRENCY, "EUR")
                .set(SHOW.START_DATE, start).returningResult(SHOW.ID).fetchSingle().value1();
        long episode = dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, show).set(EPISODE.CODE, "E01")
                .set(EPISODE.DELIVERY_DATE, start.plusMonths(1)).set(EPISODE.BUDGET, BigDecimal.TEN)
                .returningResult(EPISODE.ID).fetchSingle().value1();
        long pool = dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, show).set(GPU_POOL.CODE, "cpu").set(GPU_POOL.GPU_TYPE, "CPU")
                .set(GPU_POOL.GPU_COUNT, 1).set(GPU_POOL.HOURS_PER_DAY, BigDecimal.valueOf(24))
                .returningResult(GPU_POOL.ID).fetchSingle().value1();
        long card = dsl.insertInto(RATE_CARD).set(RATE_CARD.SHOW_ID, show).set(RATE_CARD.NAME, "bench")
                .set(RATE_CARD.CURRENCY, "EUR").set(RATE_CARD.EFFECTIVE_FROM, start.minusDays(1))
                .returningResult(RATE_CARD.ID).fetchSingle().value1();
        dsl.insertInto(RATE_CARD_GPU_POOL).set(RATE_CARD_GPU_POOL.RATE_CARD_ID, card).set(RATE_CARD_GPU_POOL.GPU_POOL_ID, pool)
                .set(RATE_CARD_GPU_POOL.HOURLY_RATE, new BigDecimal("2.5")).execute();
        dsl.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, show).set(AI_CAPABILITY.CODE, "upres-x2")
                .set(AI_CAPABILITY.WORK_TYPE, "upres").set(AI_CAPABILITY.GPU_POOL_ID, pool)
                .set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, BigDecimal.ONE).set(AI_CAPABILITY.REFERENCE_WIDTH, 512)
                .set(AI_CAPABILITY.REFERENCE_HEIGHT, 512).execute();
        long plan = dsl.insertInto(PLAN).set(PLAN.SHOW_ID, show).set(PLAN.VERSION, 1).returningResult(PLAN.ID).fetchSingle().value1();
        for (int s = 1; s <= shots; s++) {
            long shot = dsl.insertInto(SHOT).set(SHOT.SHOW_ID, show).set(SHOT.EPISODE_ID, episode)
                    .set(SHOT.CODE, "B%03d".formatted(s)).set(SHOT.FRAME_COUNT, frames).set(SHOT.WIDTH, 512).set(SHOT.HEIGHT, 512)
                    .set(SHOT.WORK_TYPE, "upres").set(SHOT.COMPLEXITY, (short) 1).returningResult(SHOT.ID).fetchSingle().value1();
            dsl.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.SHOT_ID, shot).set(PLAN_ITEM.MODE, "AI")
                    .set(PLAN_ITEM.CAPABILITY_CODE, "upres-x2").set(PLAN_ITEM.START_DATE, start).set(PLAN_ITEM.END_DATE, start)
                    .set(PLAN_ITEM.PLANNED_COST, BigDecimal.ONE).set(PLAN_ITEM.TRADITIONAL_COST, BigDecimal.TEN)
                    .set(PLAN_ITEM.TRADITIONAL_DAYS, 1).execute();
        }
        return show;
    }

    private static Map<String, Double> runTfjs(Path referenceDir, Path modelPackage, int frames, int size)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "bench.mjs", "--backend", "wasm", "--frames", String.valueOf(frames),
                "--size", String.valueOf(size), "--package", modelPackage.toString()).directory(referenceDir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("node bench.mjs failed: " + output);
        }
        Matcher m = Pattern.compile("\"framesPerSecond\":([0-9.eE+-]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output from bench.mjs: " + output);
        }
        return Map.of("framesPerSecond", Double.parseDouble(m.group(1)));
    }

    private static String cpuName() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
