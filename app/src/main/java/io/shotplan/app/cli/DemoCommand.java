package io.shotplan.app.cli;

import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.show.ShowSummary;
import io.shotplan.show.Show;
import io.shotplan.show.io.ShowFolderReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default: load the sample show into the database and show what it would cost.
 * Each later stage of the pipeline (plan, dispatch, report) appends its step here.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load the example show into the database and print its summary.")
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show-folder", defaultValue = "examples/snowfall", description = "Show folder to load (default: ${DEFAULT-VALUE}).")
    Path showFolder;

    private final ShowRepository shows;

    DemoCommand(ShowRepository shows) {
        this.shows = shows;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Show show = new ShowFolderReader().read(showFolder);
        shows.save(show, true);
        out.printf("Loaded %s (%s) from %s into the database.%n%n", show.name(), show.code(), showFolder);
        out.print(ShowSummary.of(show).toText());
        out.flush();
        return 0;
    }
}
