package io.shotplan.generation.bench;

import io.shotplan.generation.image.ImageCodec;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.generation.queue.GenerationJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A model that takes a fixed time per frame (it sleeps) and writes a one-line frame file atomically: the scale-out
 * benchmark measures the queue with it, not the CPU. A worker process uses it through {@code --processor}; its
 * settings are system properties: {@code shotplan.bench.frame-millis} (default 500) and {@code shotplan.bench.out}
 * (default {@code bench-out}), frames going to {@code OUT/SHOW/SHOT/fNNNN.txt}.
 */
public class FixedTimeProcessor implements FrameProcessor {

    private final Path out;
    private final long frameMillis;
    private final String device;

    public FixedTimeProcessor() {
        this(Path.of(System.getProperty("shotplan.bench.out", "bench-out")),
                Long.getLong("shotplan.bench.frame-millis", 500), "cpu");
    }

    protected FixedTimeProcessor(Path out, long frameMillis, String device) {
        this.out = out;
        this.frameMillis = frameMillis;
        this.device = device;
    }

    /** Where a frame's file goes under the output folder. */
    protected Path frameFile(Path out, GenerationJob job, int frame) {
        return out.resolve(job.showCode()).resolve(job.shotCode()).resolve("f%04d.txt".formatted(frame));
    }

    @Override
    public FrameResult process(GenerationJob job, int frame) {
        long start = System.nanoTime();
        try {
            Thread.sleep(frameMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ImageCodec.writeAtomically(frameFile(out, job, frame),
                o -> o.write((job.idempotencyKey() + " frame " + frame + "\n").getBytes(StandardCharsets.UTF_8)));
        return new FrameResult(seconds, device);
    }
}
