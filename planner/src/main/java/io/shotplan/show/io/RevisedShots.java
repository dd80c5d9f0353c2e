package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A revised shot list or editorial pull, read for an update of a stored show: its shots (codes may be the show's),
 * the fields the file speaks for (a shot list without a status column leaves statuses alone), and where each shot is.
 */
public final class RevisedShots {

    private final String file;
    private final List<LocatedShot> located;
    private final Set<ShotColumn> given;

    RevisedShots(String file, List<LocatedShot> located, Set<ShotColumn> given) {
        this.file = file;
        this.located = List.copyOf(located);
        this.given = Set.copyOf(given);
    }

    public String file() {
        return file;
    }

    public List<Shot> shots() {
        return located.stream().map(LocatedShot::shot).toList();
    }

    /** Whether the file speaks for this field (its column is there, or the format always gives it). */
    public boolean gives(ShotColumn column) {
        return given.contains(column);
    }

    /** The episodes the file covers: with omit-missing, their stored shots not in the file are omitted. */
    public Set<String> episodes() {
        return located.stream().map(l -> l.shot().episode()).collect(Collectors.toCollection(TreeSet::new));
    }

    List<LocatedShot> located() {
        return located;
    }

    /** The file's line for a shot, 0 when the shot is not in the file. */
    int line(String code) {
        return located.stream().filter(l -> l.shot().code().equals(code)).mapToInt(LocatedShot::line).findFirst().orElse(0);
    }
}
