package io.shotplan.show.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMPTE timecode as EDLs write it: {@code HH:MM:SS:FF}, or {@code HH:MM:SS;FF} for drop-frame. Drop-frame
 * (29.97 and 59.94 fps) skips frame numbers 0–1 (0–3 at 59.94) at the start of every minute except each tenth,
 * so that the clock keeps up with real time; {@link #frameNumber} counts frames that really exist.
 */
public record Timecode(int hours, int minutes, int seconds, int frames, boolean dropFrame) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2})[:;.](\\d{2})[:;.](\\d{2})([:;.])(\\d{2,3})");
    private static final BigDecimal NTSC_29 = new BigDecimal("29.97");
    private static final BigDecimal NTSC_59 = new BigDecimal("59.94");

    /** The timecode in the text, or empty when it is not one. */
    public static Optional<Timecode> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Timecode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)), m.group(4).equals(";")));
    }

    /** The non-drop timecode of a frame number at the rate (a timeline position written for people). */
    public static Timecode ofFrame(long frame, BigDecimal fps) {
        int nominal = nominal(fps);
        long seconds = frame / nominal;
        return new Timecode((int) (seconds / 3600 % 24), (int) (seconds / 60 % 60), (int) (seconds % 60),
                (int) (frame % nominal), false);
    }

    /** Frames per second the timecode counts: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
    public static int nominal(BigDecimal fps) {
        return fps.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** Whether drop-frame counting exists at this rate. */
    public static boolean dropFrameRate(BigDecimal fps) {
        return fps.compareTo(NTSC_29) == 0 || fps.compareTo(NTSC_59) == 0;
    }

    /** Why this timecode cannot exist at the rate, or empty when it can. */
    public Optional<String> invalidAt(BigDecimal fps) {
        int nominal = nominal(fps);
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return Optional.of("hours must be 00–23, minutes and seconds 00–59");
        }
        if (frames >= nominal) {
            return Optional.of("frame " + frames + " does not exist at " + fps.stripTrailingZeros().toPlainString()
                    + " fps (frames run 00–" + (nominal - 1) + ")");
        }
        if (dropFrame) {
            if (!dropFrameRate(fps)) {
                return Optional.of("drop-frame timecode (;) exists only at 29.97 or 59.94 fps, not at "
                        + fps.stripTrailingZeros().toPlainString() + "; give the EDL's rate");
            }
            if (seconds == 0 && minutes % 10 != 0 && frames < dropped(nominal)) {
                return Optional.of("frame " + frames + " is skipped by drop-frame counting at the start of minute "
                        + minutes);
            }
        }
        return Optional.empty();
    }

    /** The frame's number counted from 00:00:00:00; valid only for a timecode {@link #invalidAt} accepts. */
    public long frameNumber(BigDecimal fps) {
        int nominal = nominal(fps);
        long number = ((hours * 60L + minutes) * 60L + seconds) * nominal + frames;
        if (dropFrame) {
            long totalMinutes = hours * 60L + minutes;
            number -= dropped(nominal) * (totalMinutes - totalMinutes / 10);
        }
        return number;
    }

    private static int dropped(int nominal) {
        return nominal / 15; // 2 at 30, 4 at 60
    }

    @Override
    public String toString() {
        return String.format("%02d:%02d:%02d%s%02d", hours, minutes, seconds, dropFrame ? ";" : ":", frames);
    }
}
