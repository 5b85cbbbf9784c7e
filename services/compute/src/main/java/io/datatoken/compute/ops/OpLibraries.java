package io.datatoken.compute.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kept libraries a JVM op runs on (decision 0017: Bouncy Castle, Jackson, Smile) come from the
 * node, not inside the op's package: a package is one content-store block (256 KiB at most) and the
 * libraries are megabytes. The package names each library it needs by file and sha-256 in
 * {@value #MANIFEST} ({@code sha256sum} format, paths under {@code lib/}), so its op hash still
 * fixes every byte of code it runs; the node copies a library in only if its own copy has that
 * hash, and refuses the op otherwise.
 *
 * @param directory where the node keeps its library jars, by file name
 */
public record OpLibraries(Path directory) {

    public static final String MANIFEST = "libraries.sha256";

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](lib/[A-Za-z0-9._-]+\\.jar)");

    /**
     * Completes an unpacked package with the libraries its manifest names; a package without a
     * manifest needs none.
     *
     * @throws IllegalArgumentException if a line is malformed, or a library is missing here or has another hash
     */
    public void provide(Path unpacked) {
        Path manifest = unpacked.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher entry = LINE.matcher(line.strip());
                if (!entry.matches()) {
                    throw new IllegalArgumentException(MANIFEST + " has a line that is not '<sha-256>  lib/<name>.jar': "
                            + line);
                }
                String hash = entry.group(1);
                Path target = unpacked.resolve(entry.group(2));
                if (Files.exists(target)) {
                    requireHash(target, hash, "the package's own " + entry.group(2));
                    continue;
                }
                Path source = directory.resolve(target.getFileName().toString());
                if (!Files.isRegularFile(source)) {
                    throw new IllegalArgumentException("the op needs library " + target.getFileName() + " (sha-256 "
                            + hash + "), which this node does not keep in " + directory);
                }
                requireHash(source, hash, "this node's " + target.getFileName());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot provide the op's libraries from " + directory, e);
        }
    }

    private static void requireHash(Path file, String expected, String what) throws IOException {
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(what + " has sha-256 " + actual + ", not the " + expected + " the op's "
                    + "package names");
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
