package io.shotplan.app;

import io.shotplan.generation.WorkerMain;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import picocli.CommandLine;

/** One entry point for every command; only {@code serve} starts a web server. */
@SpringBootApplication
public class ShotplanApplication {

    private static final Set<String> WEB_COMMANDS = Set.of("serve");
    static final String LOCAL_ONLY = "127.0.0.1";
    private static final String WORKER_COMMAND = "worker";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(WORKER_COMMAND)) {
            // a worker is a small process of its own (one per GPU): its own pool, no web server, no Spring context
            System.exit(new CommandLine(new WorkerMain()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(ShotplanApplication.class);
        String command = args.length > 0 ? args[0] : "";
        application.setWebApplicationType(WEB_COMMANDS.contains(command) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.setDefaultProperties(defaultProperties(args));
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /**
     * What a command defaults to, below every other setting: {@code serve} runs one in-process generation worker,
     * and its {@code --port N} and {@code --bind ADDRESS} become the server's settings; it listens on 127.0.0.1
     * unless given another address. Other commands start their own workers when they render ({@code demo},
     * {@code dispatch}, {@code worker}). {@code demo} renders the example show, which has no plates, on small
     * synthetic ones; every other command needs them configured.
     */
    static Map<String, Object> defaultProperties(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        String command = args.length > 0 ? args[0] : "";
        if (command.equals("demo")) {
            properties.put("shotplan.generation.sample-plate-width", "64");
        }
        if (!WEB_COMMANDS.contains(command)) {
            return properties;
        }
        properties.put("shotplan.generation.workers", "1");
        // this machine only, unless told otherwise (--bind 0.0.0.0, or SERVER_ADDRESS)
        properties.put("server.address", LOCAL_ONLY);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : null;
            if (value != null && (arg.equals("--port") || arg.startsWith("--port="))) {
                properties.put("server.port", value);
            } else if (value != null && (arg.equals("--bind") || arg.startsWith("--bind="))) {
                properties.put("server.address", value);
            }
        }
        return properties;
    }
}
