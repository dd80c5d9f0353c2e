package io.shotplan.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.queue.WorkerProfile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One process per GPU, and no GPU worker that silently renders on the CPU. */
class WorkerDeviceTest {

    private static final WorkerProfile CPU_WORKER = WorkerProfile.of(ModelRegistry.builtIn());

    @Test
    void theDeviceComesFromGpuOrFromASingleVisibleGpu() {
        assertThat(WorkerDevice.deviceFor(null, null)).isEqualTo("cpu");
        assertThat(WorkerDevice.deviceFor(null, "2")).isEqualTo("cuda:2");
        assertThat(WorkerDevice.deviceFor(null, "0,1")).isEqualTo("cpu"); // several GPUs: say which with --gpu
        assertThat(WorkerDevice.deviceFor(3, "3")).isEqualTo("cuda:3");
    }

    @Test
    void gpuNNeedsCudaVisibleDevicesNSoThatTheProcessSeesOnlyThatGpu() {
        assertThatThrownBy(() -> WorkerDevice.deviceFor(1, null))
                .isInstanceOf(WorkerRefusedException.class).hasMessageContaining("--gpu 1 needs CUDA_VISIBLE_DEVICES=1")
                .hasMessageContaining("unset");
        assertThatThrownBy(() -> WorkerDevice.deviceFor(1, "0"))
                .isInstanceOf(WorkerRefusedException.class).hasMessageContaining("it is '0'");
    }

    @Test
    void aGpuWorkerWhoseEngineSeesNoGpuRefusesToStart() {
        assertThatThrownBy(() -> WorkerDevice.verify(CPU_WORKER.onGpu(0), () -> 0, Map.of()))
                .isInstanceOf(WorkerRefusedException.class)
                .hasMessageContaining("started for cuda:0 but PyTorch sees no CUDA device");
        WorkerDevice.verify(CPU_WORKER.onGpu(0), () -> 1, Map.of("render-a", "L40S")); // a GPU: fine
    }

    @Test
    void onThisCpuHostTheRealEngineMakesAGpuWorkerRefuse() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        assumeTrue(gpus == 0, "this host has a GPU");
        assertThatThrownBy(() -> WorkerDevice.verify(CPU_WORKER.onGpu(0), () -> Engine.getEngine("PyTorch").getGpuCount(), Map.of()))
                .isInstanceOf(WorkerRefusedException.class);
    }

    @Test
    void aCpuWorkerMayServeCpuPoolsButNotGpuPools() {
        WorkerProfile farm = CPU_WORKER.forPools(Set.of("cpu-farm", "render-a"));
        WorkerDevice.verify(farm, () -> { throw new AssertionError("a CPU worker does not load the engine"); },
                Map.of("cpu-farm", "CPU"));
        assertThatThrownBy(() -> WorkerDevice.verify(farm, () -> 0, Map.of("cpu-farm", "CPU", "render-a", "L40S")))
                .isInstanceOf(WorkerRefusedException.class)
                .hasMessageContaining("GPU pool render-a (L40S) needs a GPU worker");
    }
}
