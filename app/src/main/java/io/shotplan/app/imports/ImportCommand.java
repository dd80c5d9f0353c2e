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
 * {@code shotplan import show|shots|edl|estimates|actuals|rates}: each reads its file whole, and either writes all of it in one
 * transaction or writes nothing and prints every problem, one a line, exiting with 2.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a show folder, a shot list CSV, an editorial EDL, hand-bid estimates, actual costs or "
                + "exchange rates.",
        subcommands = {ImportCommand.ShowFolder.class, ImportCommand.Shots.class, ImportCommand.Edl.class,
                ImportCommand.Estimates.class, ImportCommand.Actuals.class, ImportCommand.Rates.class})
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
        return report(spec, () -> java.util.List.of(importer.call().summary()));
    }

    /** Runs one revision (or its dry run) and prints its diff, a line per shot. */
    static int revise(CommandSpec spec, Callable<RevisionReport> revision) throws Exception {
        return report(spec, () -> revision.call().lines());
    }

    private static int report(CommandSpec spec, Callable<java.util.List<String>> importer) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            importer.call().forEach(out::println);
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

    /** {@code --update}, {@code --omit-missing}, {@code --dry-run}: a revised file updates the show's shots. */
    static class Revision {
        @Option(names = "--update", description = "Update the show's shots from a revised file: add new shots, change "
                + "stored ones (frames, cut, description, status, dependencies).")
        boolean update;

        @Option(names = "--omit-missing", description = "With --update: the file's episodes' shots not in the file "
                + "become OMITTED (never deleted; their costs stay).")
        boolean omitMissing;

        @Option(names = "--dry-run", description = "With --update: print the diff (added, changed field by field, "
                + "omitted, planned and in-progress shots touched) and write nothing.")
        boolean dryRun;

        ShotRevisions.Options options() {
            if (!update && (omitMissing || dryRun)) {
                throw ImportProblems.of(Problem.ofFile(omitMissing ? "--omit-missing" : "--dry-run",
                        "revises a show's shots: give --update too"));
            }
            return new ShotRevisions.Options(omitMissing, dryRun);
        }
    }

    @Command(name = "shots", mixinStandardHelpOptions = true,
            description = "Add the shots of a shot list CSV (shotplan's or a ShotGrid/Flow export) to a show, or with "
                    + "--update revise the show's shots from it.")
    static class Shots extends IntoShow {
        @Option(names = "--episode", paramLabel = "EP", description = "Episode of rows that name none.")
        String episode;

        @picocli.CommandLine.Mixin
        Revision revision;

        private final ShotRevisions revisions;

        Shots(ImportService imports, ShotRevisions revisions) {
            super(imports);
            this.revisions = revisions;
        }

        @Override
        ImportResult importFile() {
            return imports.importShots(show, Source.of(file), episode);
        }

        @Override
        public Integer call() throws Exception {
            if (revision.update || revision.omitMissing || revision.dryRun) {
                return revise(spec, () -> revisions.shotList(show, Source.of(file), episode, revision.options()));
            }
            return super.call();
        }
    }

    @Command(name = "edl", aliases = "editorial", mixinStandardHelpOptions = true,
            description = "Add the shots of an editorial pull (a CMX 3600 EDL, or an OpenTimelineIO .otio) to an "
                    + "episode, or with --update revise the episode's shots from it.")
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

        @Option(names = "--shot-name", paramLabel = "REGEX", description = "The studio's shot-name convention: found "
                + "in the marker, clip name, comment, source file or reel (group 'shot', else group 1, else the match); "
                + "default: the marker, else the clip name's first word, else a comment's code, else the reel.")
        String shotName;

        @Option(names = "--handles", defaultValue = "0", paramLabel = "FRAMES",
                description = "Frames added before and after each shot's source range (default ${DEFAULT-VALUE}).")
        int handles;

        @picocli.CommandLine.Mixin
        Revision revision;

        @Parameters(paramLabel = "FILE", description = "The EDL, or an OpenTimelineIO timeline (.otio).")
        Path file;

        private final ImportService imports;
        private final ShotRevisions revisions;

        Edl(ImportService imports, ShotRevisions revisions) {
            this.imports = imports;
            this.revisions = revisions;
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
                return new EdlOptions(episode, fps, workType, complexity, plate, EdlOptions.shotNamePattern(shotName),
                        handles);
            }, options -> imports.importEdl(show, Source.of(file), options));
        }

        /** Revises instead when --update (or one of its options) is given. */
        private Integer run(CommandSpec spec, Callable<EdlOptions> options,
                            java.util.function.Function<EdlOptions, ImportResult> add) throws Exception {
            if (revision.update || revision.omitMissing || revision.dryRun) {
                return revise(spec, () -> revisions.editorial(show, Source.of(file), options.call(), revision.options()));
            }
            return ImportCommand.run(spec, () -> add.apply(options.call()));
        }
    }

    @Command(name = "estimates", mixinStandardHelpOptions = true,
            description = "Set shots' hand-bid estimates (estimates.csv: shot, mode, discipline, artist_days, gpu_hours, "
                    + "vendor_cost, currency); each shot named gets exactly the file's bids.")
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

    @Command(name = "rates", mixinStandardHelpOptions = true,
            description = "Store dated exchange rates (currency,effective_from,rate: units of the currency per one unit "
                    + "of the show's currency); costs booked in that currency convert at the rate in force on their day.")
    static class Rates extends IntoShow {
        Rates(ImportService imports) {
            super(imports);
        }

        @Override
        ImportResult importFile() {
            return imports.importExchangeRates(show, Source.of(file));
        }
    }

    /** For tests and embedding: the command tree with its sub-commands built on the import services. */
    public static CommandLine commandLine(ImportService imports, ShotRevisions revisions) {
        return new CommandLine(new ImportCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ShowFolder.class) {
                    return type.cast(new ShowFolder(imports));
                }
                if (type == Shots.class) {
                    return type.cast(new Shots(imports, revisions));
                }
                if (type == Edl.class) {
                    return type.cast(new Edl(imports, revisions));
                }
                if (type == Estimates.class) {
                    return type.cast(new Estimates(imports));
                }
                if (type == Actuals.class) {
                    return type.cast(new Actuals(imports));
                }
                if (type == Rates.class) {
                    return type.cast(new Rates(imports));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }
}
