package io.shotplan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running {@code serve}, started as the command line starts it: its readiness probe is UP while it serves, although
 * the command is a Spring runner that returns only when the server stops (an orchestrator or a compose health check
 * otherwise never sends it traffic).
 */
class ServeReadinessTest {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path data;

    @Test
    void aServingServerIsReady() throws Exception {
        String[] args = {"serve", "--port", "0", "--shotplan.generation.workers=0",
                "--shotplan.security.bcrypt-strength=4", "--shotplan.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:mem:serve-readiness;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"};
        SpringApplication application = new SpringApplication(ShotplanApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(ShotplanApplication.defaultProperties(args));
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        application.addInitializers(context::set);
        // the port once the server listens; asking Tomcat for it earlier makes Tomcat open a default connector on 8080
        CompletableFuture<Integer> port = new CompletableFuture<>();
        application.addListeners((ApplicationListener<WebServerInitializedEvent>) started ->
                port.complete(started.getWebServer().getPort()));
        Thread serving = Thread.ofPlatform().name("serve").start(() -> application.run(args));
        try {
            HttpResponse<String> readiness = readinessOnceServing(port.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
        } finally {
            if (context.get() != null) {
                context.get().close(); // serve returns once its context closes
            }
            serving.join(START_LIMIT.toMillis());
        }
        assertThat(serving.isAlive()).as("serve returned after its context closed").isFalse();
    }

    /** The readiness probe's answer once it says UP, or its last answer when the start limit has passed. */
    private static HttpResponse<String> readinessOnceServing(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        Instant limit = Instant.now().plus(START_LIMIT);
        HttpResponse<String> last = http.send(probe, HttpResponse.BodyHandlers.ofString());
        while (last.statusCode() != 200 && Instant.now().isBefore(limit)) {
            Thread.sleep(200);
            last = http.send(probe, HttpResponse.BodyHandlers.ofString());
        }
        return last;
    }
}
