package io.shotplan.show.io;

import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a show folder: {@code show.yaml} (or {@code show.yml}, {@code show.json}) with the show's calendar, money,
 * crews, GPUs, AI capabilities, bid template and policy, plus the shot list CSV it names and, when the folder has
 * one, the supervisors' hand bids in {@value #ESTIMATES}. Reports every problem in the files, each with file, line
 * and column (the hand bids are checked once the show and its shots are clean); a folder with any problem yields no
 * show.
 */
public final class ShowFolderReader {

    public static final List<String> SHOW_FILE_NAMES = List.of("show.yaml", "show.yml", "show.json");
    /** The supervisors' hand bids, read when the folder (or an upload) has them. */
    public static final String ESTIMATES = "estimates.csv";

    private final ImportLimits limits;

    public ShowFolderReader() {
        this(ImportLimits.DEFAULT);
    }

    public ShowFolderReader(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * The show in a folder (or of a show file, with its shot list beside it), or an {@link ImportProblems} with
     * every problem found.
     */
    public Show read(Path folderOrShowFile) {
        boolean isFile = Files.isRegularFile(folderOrShowFile);
        Path folder = isFile ? folderOrShowFile.toAbsolutePath().getParent() : folderOrShowFile;
        Optional<Path> showFile = isFile ? Optional.of(folderOrShowFile)
                : SHOW_FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
        if (showFile.isEmpty()) {
            throw ImportProblems.of(Problem.ofFile(folder.toString(), "has no show file; expected one of "
                    + String.join(", ", SHOW_FILE_NAMES)));
        }
        Path root = folder.toAbsolutePath().normalize();
        return read(Source.of(showFile.get()), name -> {
            Path file = root.resolve(name).normalize();
            return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(Source.of(file)) : Optional.empty();
        });
    }

    /**
     * A show from its show file and the files it names, for callers without a folder (an upload): {@code siblings}
     * finds the shot list by the name the show file gives, and {@value #ESTIMATES} when it was uploaded.
     */
    public Show read(Source showFile, Function<String, Optional<Source>> siblings) {
        String text = readAll(showFile);
        Problems problems = new Problems(showFile.name());
        ShowFileParser.Draft draft = new ShowFileParser(problems, showFile.name(), text, limits).parse();
        List<Problem> all = new ArrayList<>(problems.list());
        List<Shot> shots = List.of();
        if (draft != null && draft.shotList() != null) {
            Optional<Source> shotList = siblings.apply(draft.shotList().text());
            if (shotList.isEmpty()) {
                all.add(new Problem(showFile.name(), draft.shotList().line(), draft.shotList().column(), "shot_list",
                        "names '" + draft.shotList().text() + "', which is not a file in the show folder"));
            } else {
                Problems shotProblems = new Problems(shotList.get().name());
                ShotListContext context = draft.shotContext();
                List<LocatedShot> located = new ShotListCsvReader(limits).parse(shotList.get(), context, shotProblems);
                ShotListRules.check(located, context, limits, shotProblems, shotProblems.isEmpty());
                all.addAll(shotProblems.list());
                shots = located.stream().map(LocatedShot::shot).toList();
            }
        }
        if (!all.isEmpty() || draft == null) {
            throw new ImportProblems(all.size() > Problems.MAX_LISTED ? all.subList(0, Problems.MAX_LISTED) : all);
        }
        Show show = draft.show(shots);
        // the hand bids are checked against the shots, so only once those are clean
        Optional<Source> estimates = siblings.apply(ESTIMATES);
        return estimates.isEmpty() ? show
                : show.withEstimateOverrides(new EstimatesCsvReader(limits).read(estimates.get(), show));
    }

    private String readAll(Source source) {
        try (BufferedReader reader = source.openText(limits)) {
            return reader.lines().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw source.unreadable(e, limits);
        } catch (UncheckedIOException e) {
            throw source.unreadable(e.getCause(), limits);
        }
    }
}
