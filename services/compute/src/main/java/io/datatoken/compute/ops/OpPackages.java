package io.datatoken.compute.ops;

import io.datatoken.domain.op.OpHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Op code packages: an uncompressed ustar archive whose sha-256 is the op's hash on chain. A
 * package that does not hash to the registered op is refused before a byte of it is unpacked.
 */
public final class OpPackages {

    private static final int BLOCK = 512;

    private OpPackages() {
    }

    /**
     * Unpacks the regular files of a package verified against its op hash.
     *
     * @throws OpCodeMismatch if the package is not the code the registry names
     * @throws IllegalArgumentException if it is not a ustar archive of plain relative files
     */
    public static void unpack(byte[] codePackage, OpHash registered, Path directory) {
        Path into = directory.toAbsolutePath().normalize();
        OpHash actual = OpHash.sha256Of(codePackage);
        if (!actual.equals(registered)) {
            throw new OpCodeMismatch(registered, actual);
        }
        try {
            for (int at = 0; at + BLOCK <= codePackage.length; ) {
                String name = text(codePackage, at, 100);
                if (name.isEmpty()) {
                    return;
                }
                long size = Long.parseLong(text(codePackage, at + 124, 12).strip(), 8);
                char type = (char) codePackage[at + 156];
                String prefix = text(codePackage, at + 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                int data = at + BLOCK;
                if (type == '0' || type == '\0') {
                    Path target = into.resolve(path).normalize();
                    if (!target.startsWith(into) || path.startsWith("/")) {
                        throw new IllegalArgumentException("op package entry '" + path + "' leaves its directory");
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, Arrays.copyOfRange(codePackage, data, Math.toIntExact(data + size)));
                } else if (type != '5') {
                    throw new IllegalArgumentException("op package entry '" + path + "' is not a plain file (type " + type + ")");
                }
                at = data + Math.toIntExact((size + BLOCK - 1) / BLOCK * BLOCK);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the op package into " + into, e);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the op package is not a ustar archive: " + e.getMessage(), e);
        }
    }

    private static String text(byte[] bytes, int from, int length) {
        int end = from;
        while (end < from + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.US_ASCII);
    }

    /** The code fetched is not the code the registry names: it is never run. */
    public static final class OpCodeMismatch extends RuntimeException {
        public OpCodeMismatch(OpHash registered, OpHash actual) {
            super("the op's code package hashes to " + actual + ", but the registry names " + registered
                    + "; it was not run");
        }
    }
}
