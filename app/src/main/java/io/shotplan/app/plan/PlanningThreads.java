package io.shotplan.app.plan;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for solves, which run behind the people using the server. A solve keeps a whole core busy for its time
 * limit; on a studio's small server a page or report that waits behind it is what users feel, while the solve loses
 * little by yielding the core now and then. Each thread lowers its own scheduling priority by {@code niceness} (Linux
 * nice values, per thread there) before its first task. Java's thread priorities are ignored on Linux unless the whole
 * JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which as root also raises every other JVM thread; elsewhere the
 * thread only asks for Java's lowest priority.
 */
final class PlanningThreads {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningThreads.class);
    /** Linux's name for the calling thread's directory in /proc ("PID/task/TID"). */
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final int PRIO_PROCESS = 0;
    /** The lowest priority a nice value can give. */
    static final int MAX_NICE = 19;

    private PlanningThreads() {
    }

    /** The builder's threads, each at {@code niceness} below the server once it runs. */
    static ThreadFactory of(Thread.Builder.OfPlatform threads, int niceness) {
        if (niceness < 0 || niceness > MAX_NICE) {
            throw new IllegalArgumentException("shotplan.plan.niceness must be between 0 and " + MAX_NICE
                    + ", not " + niceness);
        }
        ThreadFactory platform = threads.priority(Thread.MIN_PRIORITY).factory();
        return task -> platform.newThread(() -> {
            lowerOwnPriority(niceness);
            task.run();
        });
    }

    private static void lowerOwnPriority(int niceness) {
        if (niceness == 0 || !Files.isSymbolicLink(THREAD_SELF)) {
            return;
        }
        try {
            int tid = Integer.parseInt(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
            int now = LibC.INSTANCE.getpriority(PRIO_PROCESS, tid);
            LibC.INSTANCE.setpriority(PRIO_PROCESS, tid, Math.min(MAX_NICE, now + niceness));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("{} keeps the server's priority (shotplan.plan.niceness not applied): {}",
                    Thread.currentThread().getName(), e.toString());
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int getpriority(int which, int who);

        int setpriority(int which, int who, int priority) throws LastErrorException;
    }
}
