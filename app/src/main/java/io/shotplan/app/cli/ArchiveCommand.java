package io.shotplan.app.cli;

import io.shotplan.app.show.ShowArchive;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shotplan archive --show CODE}: the admin's way to put a show away without losing what finance reads. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Archive a show: it leaves the active lists; its plans, jobs, cost ledger and reports stay. "
                + "Audited with the OS user.")
class ArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show", required = true, paramLabel = "CODE", description = "The show's code.")
    String show;

    private final ShowArchive archive;

    ArchiveCommand(ShowArchive archive) {
        this.archive = archive;
    }

    @Override
    public Integer call() {
        ShowArchive.Archived archived = archive.archive(show);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Archived show %s: kept %d plans and its cost ledger (%d rows, %s %s); 'shotplan report --show %s'"
                        + " still reports it.%n", archived.show(), archived.plansKept(), archived.ledgerRowsKept(),
                archived.ledgerAmountKept().toPlainString(), archived.currency(), archived.show());
        out.flush();
        return 0;
    }
}
