package io.shotplan.app.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the picocli command tree with sub-commands created as Spring beans, and passes their exit code on.
 * Tests that start the application context set {@code shotplan.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "shotplan.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    CommandLineEntry(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void run(String... args) {
        exitCode = commandLine(beans).execute(args);
    }

    static CommandLine commandLine(AutowireCapableBeanFactory beans) {
        CommandLine commandLine = new CommandLine(ShotplanCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getPackageName().startsWith("io.shotplan") ? beans.createBean(type)
                        : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
