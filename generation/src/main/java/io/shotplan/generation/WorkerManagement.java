package io.shotplan.generation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;

/**
 * A worker process's management port: the same paths as the app's Actuator, so one Prometheus and one orchestrator
 * configuration serve both.
 * <ul>
 *   <li>{@code /actuator/health/liveness}: UP while the worker threads run (else 503, restart the process)</li>
 *   <li>{@code /actuator/health/readiness}: UP while the database answers within {@link #DATABASE_TIMEOUT_MILLIS}
 *       (else 503: the worker cannot claim or finish jobs)</li>
 *   <li>{@code /actuator/prometheus}: the generation meters and the JVM's, in Prometheus' text format</li>
 * </ul>
 * It listens on 127.0.0.1 unless told otherwise; nothing on it changes state.
 */
public final class WorkerManagement implements AutoCloseable {

    static final long DATABASE_TIMEOUT_MILLIS = 2000;

    private final HttpServer server;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "worker-readiness-probe");
        t.setDaemon(true);
        return t;
    });
    private final GenerationService service;
    private final DSLContext dsl;
    private Future<?> probeInFlight = CompletableFuture.completedFuture(null);

    private WorkerManagement(HttpServer server, PrometheusMeterRegistry meters, GenerationService service, DSLContext dsl) {
        this.server = server;
        this.service = service;
        this.dsl = dsl;
        server.createContext("/actuator/health/liveness", e -> health(e, service.workersRunning()));
        server.createContext("/actuator/health/readiness", e -> health(e, service.workersRunning() && databaseAnswers()));
        server.createContext("/actuator/prometheus", e -> respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", meters.scrape()));
        server.setExecutor(null);
    }

    /** Serves on {@code bind}:{@code port} (0: any free port). */
    public static WorkerManagement start(String bind, int port, PrometheusMeterRegistry meters, GenerationService service,
                                         DSLContext dsl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        WorkerManagement management = new WorkerManagement(server, meters, service, dsl);
        server.start();
        return management;
    }

    /** host:port it listens on. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * One query at a time: while a probe hangs on an unreachable database (the pool waits for a connection), the next
     * ones answer DOWN at once instead of piling up threads.
     */
    private synchronized boolean databaseAnswers() {
        if (!probeInFlight.isDone()) {
            return false;
        }
        probeInFlight = probes.submit(() -> dsl.selectOne().fetch());
        try {
            probeInFlight.get(DATABASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void health(HttpExchange exchange, boolean up) throws IOException {
        respond(exchange, up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        probes.shutdownNow();
    }
}
