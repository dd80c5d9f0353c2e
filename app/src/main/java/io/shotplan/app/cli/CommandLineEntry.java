package io.shotplan.app.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Runs the picocli command tree with sub-commands created as Spring beans, and passes their exit code on. */
@Component
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    CommandLineEntry(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void run(String... args) {
        CommandLine commandLine = new CommandLine(ShotplanCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getPackageName().startsWith("io.shotplan") ? beans.createBean(type)
                        : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        exitCode = commandLine.execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
