package io.shotplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void anUnknownOptionIsBadUsage() {
        StringWriter err = new StringWriter();
        assertThat(serve(err).execute("--nonsense")).as(err::toString).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--nonsense'");
    }

    @Test
    void aSpringSettingIsAccepted() {
        // well formed, so it passes; without a web server (not started through 'serve') the command then fails
        StringWriter err = new StringWriter();
        assertThat(serve(err).execute("--shotplan.generation.workers=0")).isEqualTo(1);
        assertThat(err.toString()).contains("serve must be the first argument").doesNotContain("unknown option");
    }

    private static CommandLine serve(StringWriter err) {
        CommandLine serve = new CommandLine(new ServeCommand(null, null, null, null, null, null));
        serve.setErr(new PrintWriter(err));
        serve.setExecutionExceptionHandler(new FailureHandler());
        return serve;
    }
}
