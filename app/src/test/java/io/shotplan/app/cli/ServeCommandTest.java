package io.shotplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void settingsPassButAnUnknownOptionIsBadUsage() {
        StringWriter err = new StringWriter();
        CommandLine serve = new CommandLine(new ServeCommand(null, null));
        serve.setErr(new PrintWriter(err));
        serve.setExecutionExceptionHandler(new FailureHandler());

        assertThat(serve.execute("--nonsense")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--nonsense'");

        // a well-formed setting is accepted; without a web server (not started through 'serve') it then fails
        assertThat(serve.execute("--shotplan.generation.workers=0")).isEqualTo(1);
    }
}
