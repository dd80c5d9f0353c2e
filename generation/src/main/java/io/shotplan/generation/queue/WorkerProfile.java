package io.shotplan.generation.queue;

import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.model.ModelSpec;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a worker can run and where: the claim query gives it only jobs of its capabilities and, when it serves named
 * GPU pools, only jobs of those pools (or of no pool).
 *
 * @param capabilities capability codes that have a model on this worker; it never claims a job of another one
 * @param gpuPools     codes of the GPU pools it serves, in any show; empty: jobs of every pool
 * @param device       the device it was started for: {@code cpu}, or {@code cuda:N} for the host's GPU N
 */
public record WorkerProfile(Set<String> capabilities, Set<String> gpuPools, String device) {

    public static final String CPU = "cpu";

    public WorkerProfile {
        capabilities = Set.copyOf(capabilities);
        gpuPools = Set.copyOf(gpuPools);
        if (!device.equals(CPU) && !device.matches("cuda:\\d+")) {
            throw new IllegalArgumentException("a worker runs on cpu or cuda:N, not on " + device);
        }
    }

    /** A CPU worker for every pool, running the registry's capabilities: the in-process default. */
    public static WorkerProfile of(ModelRegistry registry) {
        return new WorkerProfile(capabilitiesOf(registry), Set.of(), CPU);
    }

    public static Set<String> capabilitiesOf(ModelRegistry registry) {
        return registry.all().stream().map(ModelSpec::capability).collect(Collectors.toUnmodifiableSet());
    }

    public WorkerProfile onGpu(int index) {
        return new WorkerProfile(capabilities, gpuPools, "cuda:" + index);
    }

    public WorkerProfile forPools(Set<String> pools) {
        return new WorkerProfile(capabilities, pools, device);
    }

    public boolean onGpu() {
        return isGpu(device);
    }

    /** Whether a recorded device name is a GPU ({@code cuda:N}); anything else ran on a CPU. */
    public static boolean isGpu(String device) {
        return device != null && device.startsWith("cuda");
    }
}
