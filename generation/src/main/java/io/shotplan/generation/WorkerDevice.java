package io.shotplan.generation;

import static io.shotplan.sql.schema.Tables.GPU_POOL;

import io.shotplan.generation.queue.JobRepository;
import io.shotplan.generation.queue.WorkerProfile;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;

/**
 * The device a worker process runs on, and the check before it claims anything that it really runs there: a GPU host
 * whose CUDA set-up failed would otherwise render on the CPU, tens of times slower, while its pool's jobs wait.
 *
 * <p>One process per GPU: the process for GPU N sees only that GPU, through {@code CUDA_VISIBLE_DEVICES=N} (set by
 * {@code ./shotplan worker --gpu N}, or by the container runtime), because CUDA reads it before Java can choose.
 */
final class WorkerDevice {

    private WorkerDevice() {
    }

    /**
     * {@code cuda:N} for {@code --gpu N}, or for a CUDA_VISIBLE_DEVICES naming one GPU; else {@code cpu}.
     *
     * @throws WorkerRefusedException when {@code --gpu N} disagrees with CUDA_VISIBLE_DEVICES, or it is unset
     */
    static String deviceFor(Integer gpu, String cudaVisibleDevices) {
        String visible = cudaVisibleDevices == null ? "" : cudaVisibleDevices.trim();
        if (gpu == null) {
            return visible.matches("\\d+") ? "cuda:" + Integer.parseInt(visible) : WorkerProfile.CPU;
        }
        if (gpu < 0) {
            throw new WorkerRefusedException("--gpu must be a GPU index (0, 1, …), not " + gpu);
        }
        if (!visible.matches("\\d+") || Integer.parseInt(visible) != gpu) {
            throw new WorkerRefusedException(("--gpu %d needs CUDA_VISIBLE_DEVICES=%d so that this process sees only "
                    + "that GPU (it is %s); start it with ./shotplan worker --gpu %d, which sets it")
                    .formatted(gpu, gpu, visible.isEmpty() ? "unset" : "'" + visible + "'", gpu));
        }
        return "cuda:" + gpu;
    }

    static int index(String cudaDevice) {
        return Integer.parseInt(cudaDevice.substring(cudaDevice.indexOf(':') + 1));
    }

    /** The GPU types of the pools with these codes, in any show, by code. */
    static Map<String, String> poolTypes(DSLContext dsl, Set<String> codes) {
        Map<String, String> types = new TreeMap<>();
        if (!codes.isEmpty()) {
            dsl.selectDistinct(GPU_POOL.CODE, GPU_POOL.GPU_TYPE).from(GPU_POOL).where(GPU_POOL.CODE.in(codes))
                    .forEach(r -> types.merge(r.value1(), r.value2(), (a, b) -> a + ", " + b));
        }
        return types;
    }

    /**
     * Refuses a worker meant for a GPU that its engine cannot see: started for GPU N while PyTorch finds no CUDA
     * device, or serving a GPU pool on the CPU.
     *
     * @param engineGpus  the CUDA devices the PyTorch engine sees (asked only for a GPU worker)
     * @param poolTypes   GPU type by pool code of the pools the worker serves
     */
    static void verify(WorkerProfile profile, IntSupplier engineGpus, Map<String, String> poolTypes) {
        if (profile.onGpu()) {
            int gpus = engineGpus.getAsInt();
            if (gpus < 1) {
                throw new WorkerRefusedException(("this worker was started for %s but PyTorch sees no CUDA device, so it "
                        + "would render on the CPU at the GPU pool's place; check the driver (nvidia-smi) and the CUDA "
                        + "natives (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR, or DJL_OFFLINE=false once; see "
                        + "generation/README.md, GPU hosts)").formatted(profile.device()));
            }
            return;
        }
        poolTypes.forEach((pool, type) -> {
            if (!JobRepository.CPU_POOL_TYPE.equalsIgnoreCase(type)) {
                throw new WorkerRefusedException(("GPU pool %s (%s) needs a GPU worker: start it with --gpu N, or leave "
                        + "the pool out on a CPU host").formatted(pool, type));
            }
        });
    }
}
