package io.shotplan.show.io;

import io.shotplan.show.Shot;
import java.util.List;

/**
 * An editorial timeline in whichever format it came: an OpenTimelineIO {@code .otio} file, else a CMX 3600 EDL.
 * Both name shots and count their frames by the same rules ({@link ShotNaming}, {@link EditorialShots}).
 */
public final class Editorial {

    private Editorial() {
    }

    /** The timeline's shots, for adding to a show. */
    public static List<Shot> read(Source source, EdlOptions options, ShotListContext context, ImportLimits limits) {
        return OtioReader.isOtio(source.name()) ? new OtioReader(limits).read(source, options, context)
                : new EdlReader(limits).read(source, options, context);
    }

    /** The timeline as a revision of a stored show ({@link ShotListContext#forUpdate}). */
    public static RevisedShots readRevision(Source source, EdlOptions options, ShotListContext context,
                                            ImportLimits limits) {
        return OtioReader.isOtio(source.name()) ? new OtioReader(limits).readRevision(source, options, context)
                : new EdlReader(limits).readRevision(source, options, context);
    }
}
