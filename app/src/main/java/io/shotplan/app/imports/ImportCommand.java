package io.shotplan.app.imports;

import io.shotplan.show.Resolution;
import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.Source;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shotplan import show|shots|edl|estimates|actuals}: each reads its file whole, and either writes all of it in one
 * transaction or writes nothing and prints every problem, one a line, exiting with 2.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a show folder, a shot list CSV, an editorial EDL, hand-bid estimates or actual costs.",
        subcommands = {ImportCommand.ShowFolder.class, ImportCommand.Shots.class, ImportCommand.Edl.class,
                ImportCommand.Estimates.class, ImportCommand.Actuals.class})
public class ImportCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** Runs one import and reports it: the summary on stdout, or every problem on stderr. */
    static int run(CommandSpec spec, Callable<ImportResult> importer) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ImportResult result = importer.call();
            out.println(result.summary());
            out.flush();
            return 0;
        } catch (ImportProblems e) {
            err.println("shotplan: nothing was imported; " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem:" : " problems:"));
            for (Problem problem : e.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return BAD_INPUT;
        } catch (UnknownShowException e) {
            err.println("shotplan: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Import a show folder (show.yaml and the shot list it names) as a new show.")
    static class ShowFolder implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The show folder, or its show.yaml.")
        Path folder;

        @Option(names = "--replace", description = "Replace the settings and shot list of a show of the same code, keeping its plans, jobs and cost ledger; its shots the folder does not name become OMITTED.")
        boolean replace;

        private final ImportService imports;

        ShowFolder(ImportService imports) {
            this.imports = imports;
        }

        @Override
        public Integer call() throws Exception {
            return run(spec, () -> imports.importShow(folder, replace));
        }
    }

    /** A sub-command that reads one file into a stored show. */
    abstract static class IntoShow implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--show", required = true, paramLabel = "CODE", description = "The show's code.")
        String show;

        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        final ImportService imports;

        IntoShow(ImportService imports) {
            this.imports = imports;
        }

        abstract ImportResult importFile();

        @Override
        public Integer call() throws Exception {
            return run(spec, this::importFile);
        }
    }

    @Command(name = "shots", mixinStandardHelpOptions = true,
            description = "Add the shots of a shot list CSV (shotplan's or a ShotGrid/Flow export) to a show.")
    static class Shots extends IntoShow {
        @Option(names = "--episode", paramLabel = "EP", description = "Episode of rows that name none.")
        String episode;

        Shots(ImportService imports) {
            super(imports);
        }

        @Override
        ImportResult importFile() {
            return imports.importShots(show, Source.of(file), episode);
        }
    }

    @Command(name = "edl", mixinStandardHelpOptions = true,
            description = "Add one shot per video event of a CMX 3600 EDL (a VFX pull) to an episode.")
    static class Edl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--show", required = true, paramLabel = "CODE", description = "The show's code.")
        String show;

        @Option(names = "--episode", required = true, paramLabel = "EP", description = "The episode the events belong to.")
        String episode;

        @Option(names = "--fps", defaultValue = "24", paramLabel = "RATE",
                description = "Frame rate of the EDL's timecode: 23.976, 24, 25, 29.97, 30, 59.94 ... (default ${DEFAULT-VALUE}).")
        BigDecimal fps;

        @Option(names = "--work-type", required = true, paramLabel = "TYPE", description = "Work type of the new shots.")
        String workType;

        @Option(names = "--complexity", defaultValue = "3", paramLabel = "1-5",
                description = "Complexity of the new shots (default ${DEFAULT-VALUE}).")
        int complexity;

        @Option(names = "--resolution", defaultValue = "1920x1080", paramLabel = "WxH",
                description = "Plate resolution (default ${DEFAULT-VALUE}).")
        String resolution;

        @Parameters(paramLabel = "FILE", description = "The EDL.")
        Path file;

        private final ImportService imports;

        Edl(ImportService imports) {
            this.imports = imports;
        }

        @Override
        public Integer call() throws Exception {
            return run(spec, () -> {
                Resolution plate;
                try {
                    plate = Resolution.parse(resolution);
                } catch (IllegalArgumentException e) {
                    throw ImportProblems.of(Problem.ofFile("--resolution", "expected WIDTHxHEIGHT such as 1920x1080, got '"
                            + resolution + "'"));
                }
                return imports.importEdl(show, Source.of(file), new EdlOptions(episode, fps, workType, complexity, plate));
            });
        }
    }

    @Command(name = "estimates", mixinStandardHelpOptions = true,
            description = "Set shots' hand-bid estimates (estimates.csv: shot, mode, discipline, artist_days, gpu_hours, "
                    + "vendor_cost); each shot named gets exactly the file's bids.")
    static class Estimates extends IntoShow {
        Estimates(ImportService imports) {
            super(imports);
        }

        @Override
        ImportResult importFile() {
            return imports.importEstimates(show, Source.of(file));
        }
    }

    @Command(name = "actuals", mixinStandardHelpOptions = true,
            description = "Record actual costs (timesheets, vendor invoices, AI vendor usage) in a show's ledger.")
    static class Actuals extends IntoShow {
        Actuals(ImportService imports) {
            super(imports);
        }

        @Override
        ImportResult importFile() {
            return imports.importActuals(show, Source.of(file));
        }
    }

    /** For tests and embedding: the command tree with its sub-commands built on one service. */
    public static CommandLine commandLine(ImportService imports) {
        return new CommandLine(new ImportCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ShowFolder.class) {
                    return type.cast(new ShowFolder(imports));
                }
                if (type == Shots.class) {
                    return type.cast(new Shots(imports));
                }
                if (type == Edl.class) {
                    return type.cast(new Edl(imports));
                }
                if (type == Estimates.class) {
                    return type.cast(new Estimates(imports));
                }
                if (type == Actuals.class) {
                    return type.cast(new Actuals(imports));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }
}
