package io.shotplan.generation.queue;

import io.shotplan.generation.bench.FixedTimeProcessor;
import java.nio.file.Path;

/**
 * A fast stand-in for the model: the benchmark's fixed-time processor at a few milliseconds per frame, on device
 * {@code fake}, writing {@code OUT/SHOT/fNNNN.txt}. Configured by system properties so that a worker process can use
 * it too: {@code fake.out} (output folder), {@code fake.frameMillis}.
 */
public class FakeProcessor extends FixedTimeProcessor {

    public FakeProcessor() {
        this(Path.of(System.getProperty("fake.out", "target/fake-out")), Long.getLong("fake.frameMillis", 10));
    }

    public FakeProcessor(Path out, long frameMillis) {
        super(out, frameMillis, "fake");
    }

    @Override
    protected Path frameFile(Path out, GenerationJob job, int frame) {
        return out.resolve(job.shotCode()).resolve("f%04d.txt".formatted(frame));
    }
}
