package io.shotplan.generation.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a shot's frames live. Plates: {@code <platesRoot>/<show>/<shot>/<shot>.<frame:04>.png};
 * results: {@code <outputRoot>/<show>/<shot>/<capability>/<shot>.<frame:04>.<ext>}.
 */
public record FramePaths(Path platesRoot, Path outputRoot) {

    public static String frameName(String shotCode, int frame, String extension) {
        return String.format(Locale.ROOT, "%s.%04d.%s", shotCode, frame, extension);
    }

    public Path plateDir(String showCode, String shotCode) {
        return platesRoot.resolve(showCode).resolve(shotCode);
    }

    public Path plate(String showCode, String shotCode, int frame) {
        return plateDir(showCode, shotCode).resolve(frameName(shotCode, frame, "png"));
    }

    public Path output(String showCode, String shotCode, String capability, int frame, String extension) {
        return outputRoot.resolve(showCode).resolve(shotCode).resolve(capability).resolve(frameName(shotCode, frame, extension));
    }
}
