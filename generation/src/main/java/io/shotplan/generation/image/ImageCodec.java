package io.shotplan.generation.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads and writes frames: PNG (8 and 16 bits per sample, grey or RGB, alpha dropped) and JPEG (8-bit), through the
 * JDK's ImageIO. Writes are atomic: the frame is written under a temporary name in the target folder and renamed.
 * EXR is not supported (no maintained pure-Java reader).
 */
public final class ImageCodec {

    private static final float JPEG_QUALITY = 0.95f;

    private ImageCodec() {
    }

    /** Reads a PNG or JPEG as RGB (grey is expanded, alpha dropped). */
    public static FloatImage read(Path file) {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (NoSuchFileException e) {
            throw new CorruptFrameException(file, "file not found", e);
        } catch (IOException | RuntimeException e) {
            throw new CorruptFrameException(file, "cannot be decoded: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new CorruptFrameException(file, "not a PNG or JPEG image");
        }
        return fromBufferedImage(image);
    }

    public static FloatImage fromBufferedImage(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        boolean sixteen = bits > 8 && raster.getDataBuffer().getDataType() == DataBuffer.TYPE_USHORT;
        FloatImage out = FloatImage.blank(w, h, 3, sixteen ? 16 : 8);
        int colorBands = image.getColorModel().getNumColorComponents();
        if (sixteen || colorBands == 1) {
            // 16-bit and grey samples are read raw: getRGB would cut 16 bits to 8 and re-map linear grey
            float divisor = ((1 << bits) - 1) / 255f;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        out.set(c, y, x, raster.getSample(x, y, colorBands == 1 ? 0 : c) / divisor);
                    }
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out.set(0, y, x, (rgb >> 16) & 0xff);
                out.set(1, y, x, (rgb >> 8) & 0xff);
                out.set(2, y, x, rgb & 0xff);
            }
        }
        return out;
    }

    /** Clips to [0, 255], rounds, and builds an 8- or 16-bit RGB image according to {@code image.bitDepth()}. */
    public static BufferedImage toBufferedImage(FloatImage image) {
        int w = image.width();
        int h = image.height();
        if (image.bitDepth() == 16) {
            ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                    Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
            WritableRaster raster = model.createCompatibleWritableRaster(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        raster.setSample(x, y, c, Math.round(clip(channel(image, c, y, x)) * 257f));
                    }
                }
            }
            return new BufferedImage(model, raster, false, null);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = Math.round(clip(channel(image, 0, y, x)));
                int g = Math.round(clip(channel(image, 1, y, x)));
                int b = Math.round(clip(channel(image, 2, y, x)));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static float channel(FloatImage image, int c, int y, int x) {
        return image.get(Math.min(c, image.channels() - 1), y, x);
    }

    private static float clip(float v) {
        return v < 0 ? 0 : Math.min(v, 255f);
    }

    /** Writes PNG or JPEG by the file's extension (.png, .jpg, .jpeg), atomically. JPEG is always 8-bit. */
    public static void write(FloatImage image, Path file) {
        String format = formatOf(file);
        FloatImage toWrite = format.equals("jpeg") && image.bitDepth() == 16
                ? new FloatImage(image.width(), image.height(), image.channels(), image.data(), 8) : image;
        BufferedImage buffered = toBufferedImage(toWrite);
        writeAtomically(file, out -> encode(buffered, format, out));
    }

    /** Writes through {@code body} into a temporary file beside {@code target}, then renames it into place. */
    public static void writeAtomically(Path target, IoConsumer<OutputStream> body) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.accept(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** An output-stream consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    private static void encode(BufferedImage image, String format, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        throw new IllegalArgumentException("unsupported frame format (use .png, .jpg or .jpeg): " + file);
    }
}
