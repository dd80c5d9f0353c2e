package io.shotplan.show.io;

/**
 * One use of a clip on an editorial timeline (an EDL event, an OpenTimelineIO clip), with what names it and which
 * source frames it needs. Source frames, not record frames, are the work: a speed change needs more or fewer of
 * them than it shows, a freeze needs one.
 *
 * @param line        where it is in the file (the event line; 0 when the format has no lines)
 * @param event       the event's number or the clip's position, for notes and problems
 * @param locator     the marker name (the EDL's {@code * LOC:} third word); null when none
 * @param locatorNote the marker's words after its name; null when none
 * @param clipName    the clip name as editorial wrote it ({@code ZZ100_501 (LAY3)}, {@code A012C004.mov}); null when none
 * @param comment     the comment ({@code * COMMENT:}); null when none
 * @param sourceFile  the source file name; null when none
 * @param reel        the reel or tape name; null when none
 * @param sourceStart first source frame used (counted from 00:00:00:00 at the timeline's rate)
 * @param sourceFrames source frames used, at least 1
 * @param recordIn    where the use starts on the timeline, for notes
 * @param recordOut   where it ends, for notes
 */
record ClipUse(int line, String event, String locator, String locatorNote, String clipName, String comment,
               String sourceFile, String reel, long sourceStart, long sourceFrames, String recordIn, String recordOut) {
}
