package io.shotplan.app.cli;

import io.shotplan.app.web.NotFoundException;
import io.shotplan.reporting.ReportNotFoundException;
import picocli.CommandLine;

/**
 * Turns an exception from a command into one clear line and an exit code: 2 for bad input, 1 for anything else.
 * Stack traces only with SHOTPLAN_DEBUG=true.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        // a wrong argument, an unreadable file or a show, plan or episode that does not exist: the user can fix it
        boolean badInput = e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                || e instanceof NotFoundException || e instanceof ReportNotFoundException;
        commandLine.getErr().println(commandLine.getColorScheme().errorText("shotplan: " + e.getMessage()));
        if ("true".equalsIgnoreCase(System.getenv("SHOTPLAN_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        return badInput ? BAD_INPUT : FAILED;
    }
}
