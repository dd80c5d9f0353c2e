package io.shotplan.generation.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a shot's frames live. Plates: {@code <platesRoot>/<show>/<shot>/<shot>.<frame:04>.png} (or {@code .jpg});
 * results: {@code <outputRoot>/<show>/<shot>/<capability>/<shot>.<frame:04>.<ext>}.
 */
public record FramePaths(Path platesRoot, Path outputRoot) {

    public static String frameName(String shotCode, int frame, String extension) {
        return String.format(Locale.ROOT, "%s.%04d.%s", shotCode, frame, extension);
    }

    public Path plateDir(String showCode, String shotCode) {
        return platesRoot.resolve(showCode).resolve(shotCode);
    }

    /** The plate of a frame: the {@code .png} if there is one, else a {@code .jpg} / {@code .jpeg}, else the {@code .png} path. */
    public Path plate(String showCode, String shotCode, int frame) {
        Path dir = plateDir(showCode, shotCode);
        Path png = dir.resolve(frameName(shotCode, frame, "png"));
        if (Files.exists(png)) {
            return png;
        }
        for (String extension : new String[] {"jpg", "jpeg"}) {
            Path other = dir.resolve(frameName(shotCode, frame, extension));
            if (Files.exists(other)) {
                return other;
            }
        }
        return png;
    }

    public Path output(String showCode, String shotCode, String capability, int frame, String extension) {
        return outputRoot.resolve(showCode).resolve(shotCode).resolve(capability).resolve(frameName(shotCode, frame, extension));
    }
}
