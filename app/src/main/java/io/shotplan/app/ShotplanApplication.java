package io.shotplan.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One entry point for every command; only {@code serve} starts a web server. */
@SpringBootApplication
public class ShotplanApplication {

    private static final Set<String> WEB_COMMANDS = Set.of("serve");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ShotplanApplication.class);
        boolean web = args.length > 0 && WEB_COMMANDS.contains(args[0]);
        application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (web) {
            application.setDefaultProperties(serveProperties(args));
        }
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /**
     * What {@code serve} defaults to: one in-process generation worker; {@code --port N} and {@code --bind ADDRESS}
     * become the server's settings before it starts.
     */
    static Map<String, Object> serveProperties(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("shotplan.generation.workers", "1");
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
