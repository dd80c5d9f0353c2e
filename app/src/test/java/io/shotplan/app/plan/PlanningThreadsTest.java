package io.shotplan.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlanningThreadsTest {

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void aPlanningThreadRunsItsTasksBelowTheServersPriority() throws Exception {
        assumeTrue(Files.exists(OWN_STAT), "per-thread nice values are Linux's");
        int server = ownNice();

        int solver = niceInside(PlanningThreads.of(Thread.ofPlatform().name("solver-test-", 1), 7));

        assertThat(solver).isEqualTo(Math.min(PlanningThreads.MAX_NICE, server + 7));
        assertThat(ownNice()).as("the thread that made it keeps its priority").isEqualTo(server);
    }

    @Test
    void nicenessZeroKeepsTheServersPriority() throws Exception {
        assumeTrue(Files.exists(OWN_STAT), "per-thread nice values are Linux's");

        assertThat(niceInside(PlanningThreads.of(Thread.ofPlatform(), 0))).isEqualTo(ownNice());
    }

    @Test
    void aNicenessOutsideLinuxsRangeIsRefusedByName() {
        assertThatThrownBy(() -> PlanningThreads.of(Thread.ofPlatform(), 20))
                .hasMessageContaining("shotplan.plan.niceness").hasMessageContaining("20");
        assertThatThrownBy(() -> PlanningThreads.of(Thread.ofPlatform(), -1))
                .hasMessageContaining("shotplan.plan.niceness");
    }

    private static int niceInside(ThreadFactory threads) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(threads);
        try {
            return CompletableFuture.supplyAsync(PlanningThreadsTest::ownNice, pool).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Field 19 of the calling thread's stat, counted after the name in parentheses (which may hold spaces). */
    private static int ownNice() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
