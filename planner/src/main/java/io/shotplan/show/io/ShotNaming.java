package io.shotplan.show.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a clip use's shot code as editors write it, the same for every editorial format: the marker's name, else
 * the clip name's first word without its file extension or Avid's {@code (…)} version suffix ({@code ZZ100_501 (LAY3)}
 * is {@code ZZ100_501}), else the first word of the comment when it has a digit in it (comments are mostly prose),
 * else the reel without trailing dots ({@code ABC0010.}). A studio's own convention ({@code --shot-name REGEX})
 * replaces the rule: the first of those texts the expression finds a code in.
 */
final class ShotNaming {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{1,4}$");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    /** Reels that are filler, never a shot: black and the auxiliary source. */
    private static final Set<String> FILLER_REELS = Set.of("BL", "BLK", "BLACK", "AX", "AUX");

    /** The code and where it was found: "marker", "clip name", "comment", "reel", or "--shot-name in clip name". */
    record Named(String code, String from, String description) {
    }

    private ShotNaming() {
    }

    static Optional<Named> find(ClipUse use, Pattern override) {
        return override == null ? byDefault(use) : byPattern(use, override);
    }

    private static Optional<Named> byDefault(ClipUse use) {
        if (usable(use.locator())) {
            return Optional.of(new Named(use.locator(), "marker",
                    use.locatorNote() != null ? use.locatorNote() : use.comment()));
        }
        String clip = clipCode(use.clipName());
        if (usable(clip)) {
            return Optional.of(new Named(clip, "clip name", use.comment()));
        }
        if (use.comment() != null) {
            String[] words = WHITESPACE.split(use.comment().trim(), 2);
            if (usable(words[0]) && DIGIT.matcher(words[0]).matches()) {
                return Optional.of(new Named(words[0], "comment", words.length == 2 ? words[1] : null));
            }
        }
        String reel = use.reel() == null ? null : use.reel().replaceAll("\\.+$", "");
        if (usable(reel) && !FILLER_REELS.contains(reel.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(new Named(reel, "reel", use.comment()));
        }
        return Optional.empty();
    }

    private static Optional<Named> byPattern(ClipUse use, Pattern pattern) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("marker", use.locator() == null ? null
                : use.locator() + (use.locatorNote() == null ? "" : " " + use.locatorNote()));
        texts.put("clip name", use.clipName());
        texts.put("comment", use.comment());
        texts.put("source file", use.sourceFile());
        texts.put("reel", use.reel());
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (text.getValue() == null) {
                continue;
            }
            Matcher m = pattern.matcher(text.getValue());
            if (m.find()) {
                String code = group(m);
                if (usable(code)) {
                    return Optional.of(new Named(code, "--shot-name in " + text.getKey(),
                            use.locatorNote() != null ? use.locatorNote() : use.comment()));
                }
            }
        }
        return Optional.empty();
    }

    private static String group(Matcher m) {
        if (m.pattern().pattern().contains("(?<shot>")) {
            return m.group("shot");
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    /** The clip name's first word, without a file extension or a {@code (…)} suffix. */
    static String clipCode(String clipName) {
        if (clipName == null || clipName.isBlank()) {
            return null;
        }
        String name = VERSION_SUFFIX.matcher(clipName.trim()).replaceFirst("");
        String first = WHITESPACE.split(name, 2)[0];
        return EXTENSION.matcher(first).replaceFirst("");
    }

    static boolean usable(String candidate) {
        return candidate != null && CODE.matcher(candidate).matches();
    }
}
