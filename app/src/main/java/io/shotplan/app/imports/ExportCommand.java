package io.shotplan.app.imports;

import io.shotplan.app.schedule.MsProjectExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shotplan export --show CODE DIR}: a stored show as the show folder {@code import show} reads back, to move a
 * show from a laptop's embedded database to the studio's PostgreSQL or to edit it in a spreadsheet.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a stored show as a show folder (show.yaml, shots.csv and, with hand bids, estimates.csv) "
                + "that 'import show' reads back.")
public class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--show", required = true, paramLabel = "CODE", description = "The show's code.")
    String show;

    @Parameters(paramLabel = "DIR", description = "A new or empty folder.")
    Path folder;

    @Option(names = "--bid-sheet", description = "Also write the current plan as an Excel bid sheet (bid-sheet.xlsx) "
            + "that 'import estimates' reads back.")
    boolean bidSheet;

    @Option(names = "--ms-project", description = "Also write the current plan as MS Project XML (schedule.xml): "
            + "a task per shot under its episode, disciplines and GPU pools as resources, dependencies, deliveries.")
    boolean msProject;

    private final ImportService imports;
    private final BidSheetExport bidSheets;
    private final MsProjectExport schedules;

    ExportCommand(ImportService imports, BidSheetExport bidSheets, MsProjectExport schedules) {
        this.imports = imports;
        this.bidSheets = bidSheets;
        this.schedules = schedules;
    }

    @Override
    public Integer call() throws IOException {
        // an old estimates.csv left beside the new files would bring back hand bids the show no longer has
        if (Files.isDirectory(folder) && !isEmpty(folder)) {
            throw new IllegalArgumentException(folder + " is not empty; export into a new or empty folder");
        }
        ByteArrayOutputStream schedule = new ByteArrayOutputStream();
        if (msProject) { // before anything is written: a show without a plan leaves no half-exported folder
            schedules.writeCurrent(show, schedule);
        }
        imports.exportShow(show, folder); // an unknown show is bad input, said by the command line's failure handler
        if (bidSheet) {
            try (var out = Files.newOutputStream(folder.resolve("bid-sheet.xlsx"))) {
                bidSheets.write(show, out);
            }
        }
        if (msProject) {
            Files.write(folder.resolve("schedule.xml"), schedule.toByteArray());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Stream<Path> files = Files.list(folder)) {
            out.println("Exported show " + show + " to " + folder + ": "
                    + String.join(", ", files.map(f -> f.getFileName().toString()).sorted().toList()) + ".");
        }
        out.flush();
        return 0;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
