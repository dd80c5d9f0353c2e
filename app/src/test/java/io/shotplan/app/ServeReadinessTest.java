package io.shotplan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
        Thread serving = Thread.ofPlatform().name("serve").start(() -> application.run(args));
        try {
            HttpResponse<String> readiness = readinessOnceServing(context);
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
    private static HttpResponse<String> readinessOnceServing(AtomicReference<ConfigurableApplicationContext> context)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant limit = Instant.now().plus(START_LIMIT);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(limit) && (last == null || last.statusCode() != 200)) {
            Thread.sleep(200);
            if (!(context.get() instanceof WebServerApplicationContext web) || web.getWebServer() == null
                    || web.getWebServer().getPort() <= 0) {
                continue;
            }
            URI probe = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + "/actuator/health/readiness");
            last = http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last).as("the server never answered").isNotNull();
        return last;
    }
}
