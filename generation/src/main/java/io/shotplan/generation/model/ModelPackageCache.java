package io.shotplan.generation.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Fetches model packages from the npm registry with the ordinary {@code npm pack} into a cache folder, verifies the
 * tarball's pinned SHA-256 and unpacks it. Nothing is fetched when the unpacked package is already there; a tarball
 * placed in the cache by hand (an offline host) is used as it is, after the same check.
 *
 * <p>The cache folder is, in order: the {@code shotplan.model.cache} system property, the {@code SHOTPLAN_MODEL_CACHE}
 * environment variable, {@code ~/.cache/shotplan/models}.
 */
public final class ModelPackageCache {

    private static final long NPM_TIMEOUT_SECONDS = 300;

    private final Path root;

    public ModelPackageCache(Path root) {
        this.root = root;
    }

    public static ModelPackageCache fromEnvironment() {
        String configured = System.getProperty("shotplan.model.cache");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("SHOTPLAN_MODEL_CACHE");
        }
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "shotplan", "models") : Path.of(configured);
        return new ModelPackageCache(root);
    }

    public Path root() {
        return root;
    }

    /** The unpacked package folder (holding {@code package.json}), fetching it first if needed. */
    public synchronized Path resolve(ModelSource.NpmPackage npm) {
        Path dir = root.resolve(safeName(npm.spec()) + "-" + npm.sha256().substring(0, 12));
        Path marker = dir.resolve(".verified");
        if (Files.isRegularFile(marker)) {
            return dir.resolve("package");
        }
        try {
            Files.createDirectories(root);
            Path tarball = root.resolve(safeName(npm.spec()) + ".tgz");
            if (!Files.isRegularFile(tarball) || !sha256(tarball).equalsIgnoreCase(npm.sha256())) {
                npmPack(npm.spec(), tarball);
            }
            String actual = sha256(tarball);
            if (!actual.equalsIgnoreCase(npm.sha256())) {
                throw new ModelLoadException("%s: tarball %s has SHA-256 %s, pinned %s — refusing to use it"
                        .formatted(npm.spec(), tarball, actual, npm.sha256()));
            }
            Path staging = Files.createTempDirectory(root, ".unpack-");
            untarGz(tarball, staging);
            Files.writeString(staging.resolve(".verified"), actual + "\n");
            if (Files.exists(dir) && !Files.isRegularFile(marker)) {
                deleteTree(dir); // an unverified leftover
            }
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another process (a parallel build) unpacked the same package first
                deleteTree(staging);
                if (!Files.isRegularFile(marker)) {
                    throw e;
                }
            }
            return dir.resolve("package");
        } catch (IOException e) {
            throw new ModelLoadException("cannot fetch or unpack %s into %s: %s".formatted(npm.spec(), root, e.getMessage()), e);
        }
    }

    private void npmPack(String spec, Path tarball) throws IOException {
        Path work = Files.createTempDirectory(root, ".npm-pack-");
        try {
            Process process = new ProcessBuilder(List.of("npm", "pack", spec, "--silent", "--pack-destination", work.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ModelLoadException("npm pack " + spec + " did not finish within " + NPM_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new ModelLoadException("npm pack %s failed (exit %d): %s".formatted(spec, process.exitValue(), output.strip()));
            }
            try (var files = Files.list(work)) {
                Path packed = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new ModelLoadException("npm pack " + spec + " produced no tarball: " + output.strip()));
                Files.move(packed, tarball, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException("interrupted while fetching " + spec, e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot run `npm pack %s` (is Node/npm installed? or put the tarball at %s): %s"
                    .formatted(spec, tarball, e.getMessage()), e);
        } finally {
            deleteTree(work);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minimal ustar reader: regular files and folders, names up to 255 characters (prefix + name). */
    static void untarGz(Path tarball, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("tar entry escapes the target folder: " + name);
                }
                if (type == '0' || type == '\0') {
                    Files.createDirectories(out.getParent());
                    Files.write(out, in.readNBytes((int) size));
                } else {
                    if (type == '5') {
                        Files.createDirectories(out);
                    }
                    in.skipNBytes(size);
                }
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String safeName(String spec) {
        return spec.replace('@', '_').replace('/', '_').replaceFirst("^_", "");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
