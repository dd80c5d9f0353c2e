package io.shotplan.app;

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
        System.exit(SpringApplication.exit(application.run(args)));
    }
}
