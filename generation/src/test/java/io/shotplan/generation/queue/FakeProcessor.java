package io.shotplan.generation.queue;

import io.shotplan.generation.image.ImageCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A fast stand-in for the model: sleeps a few milliseconds per frame ("device time") and writes a small text file
 * atomically as the frame's output. Configured by system properties so that a worker process can use it too:
 * {@code fake.out} (output folder), {@code fake.frameMillis}.
 */
public class FakeProcessor implements FrameProcessor {

    private final Path out;
    private final long frameMillis;

    public FakeProcessor() {
        this(Path.of(System.getProperty("fake.out", "target/fake-out")), Long.getLong("fake.frameMillis", 10));
    }

    public FakeProcessor(Path out, long frameMillis) {
        this.out = out;
        this.frameMillis = frameMillis;
    }

    public static Path output(Path out, GenerationJob job, int frame) {
        return out.resolve(job.shotCode()).resolve("f%04d.txt".formatted(frame));
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
        ImageCodec.writeAtomically(output(out, job, frame),
                o -> o.write((job.idempotencyKey() + " frame " + frame).getBytes(StandardCharsets.UTF_8)));
        return new FrameResult(seconds, "fake");
    }
}
