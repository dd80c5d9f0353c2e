package io.shotplan.app.cli;

import io.shotplan.app.imports.ImportService;
import io.shotplan.app.report.ReportWarmUp;
import io.shotplan.app.token.ApiTokens;
import io.shotplan.app.user.UserService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the web UI and the REST API until stopped (Ctrl-C). On the first start with no users it creates
 * {@code admin} with a random password and prints that password once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI and the REST API (OpenAPI at /swagger-ui.html) until Ctrl-C.")
class ServeCommand implements Callable<Integer> {

    private static final Pattern SETTING = Pattern.compile("--[a-z][\\w-]*(\\.[\\w-]+)+=.*");

    @Spec
    CommandSpec spec;

    // Read by ShotplanApplication before the server starts; declared here for --help and validation.
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080, or SERVER_PORT).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--training-run", paramLabel = "SHOW_FOLDER",
            description = "Instead of serving until Ctrl-C: import this show, ask the API what a studio asks all day,"
                    + " then stop. Run with -XX:AOTCacheOutput on a throw-away database; the launcher does so once per"
                    + " build, so that later servers start warm.")
    Path trainingShow;

    /** Spring settings such as {@code --shotplan.generation.workers=0} or {@code --spring.datasource.url=...}. */
    @Unmatched
    List<String> settings = new java.util.ArrayList<>();

    private final ApplicationContext context;
    private final UserService users;
    private final ImportService imports;
    private final ApiTokens tokens;
    private final JsonMapper json;
    private final ReportWarmUp warmUp;

    ServeCommand(ApplicationContext context, UserService users, ImportService imports, ApiTokens tokens, JsonMapper json,
                 ReportWarmUp warmUp) {
        this.context = context;
        this.users = users;
        this.imports = imports;
        this.tokens = tokens;
        this.json = json;
        this.warmUp = warmUp;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (String setting : settings) {
            if (!SETTING.matcher(setting).matches()) {
                throw new IllegalArgumentException("unknown option '" + setting
                        + "' (settings are written --name.of.setting=value)");
            }
        }
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            throw new IllegalStateException("serve must be the first argument so that the web server starts");
        }
        users.createFirstAdmin().ifPresent(password -> {
            out.printf("No users yet: created user 'admin' with password %s%n", password);
            out.println("It is shown only this once. Log in and create named users for people (Users page).");
        });
        warmUp.run();
        var environment = context.getEnvironment();
        String scheme = environment.getProperty("server.ssl.bundle") != null
                || environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        out.printf("shotplan is serving on %s://%s:%d/ (API docs at /swagger-ui.html). Ctrl-C stops it.%n",
                scheme, environment.getProperty("server.address", "0.0.0.0"), web.getWebServer().getPort());
        out.flush();
        // Spring Boot declares readiness only once its runners return, and serve is a runner that returns at the end:
        // without this the readiness probe answered OUT_OF_SERVICE (503) for as long as the server ran
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        if (trainingShow != null) {
            TrainingRun.run(trainingShow, URI.create("%s://127.0.0.1:%d/".formatted(scheme, web.getWebServer().getPort())),
                    imports, users, tokens, json);
            out.println("training run done");
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ((ConfigurableApplicationContext) context).addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        stopped.await();
        return 0;
    }
}
