package io.datatoken.compute.kubernetes;

import io.datatoken.compute.ops.OpPackages.OpCodeMismatch;
import io.datatoken.compute.ops.OpRunner.OpFailed;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The op packages an op Job mounts, as fetched by the CID the registry names and kept only when their
 * sha-256 is the op hash: {@code <work-dir>/packages/<hash>.tar}. The Job checks the hash once more
 * itself (its init container), so a package changed on the volume since is never run.
 */
public final class PackageShelf {

    private final OpLedger ops;
    private final ContentStore content;
    private final Path packages;

    public PackageShelf(OpLedger ops, ContentStore content, Path workDir) {
        this.ops = ops;
        this.content = content;
        this.packages = workDir.toAbsolutePath().normalize().resolve("packages");
    }

    /** The verified package of a registered op, fetched on first use. */
    public Path verified(OpHash op) {
        Path file = packages.resolve(OpJobs.hex(op) + ".tar");
        if (Files.isRegularFile(file)) {
            return file;
        }
        TrustedOp registered = ops.find(op).orElseThrow(() -> new OpFailed("op " + op + " is not in the registry"));
        byte[] code;
        try {
            code = content.get(registered.codeCid());
        } catch (ContentNotFound | ContentTampered e) {
            throw new OpFailed("the code of op " + registered.name() + " (" + registered.codeCid()
                    + ") cannot be fetched from the content store: " + e.getMessage());
        }
        OpHash actual = OpHash.sha256Of(code);
        if (!actual.equals(op)) {
            throw new OpFailed(new OpCodeMismatch(op, actual).getMessage());
        }
        try {
            Files.createDirectories(packages);
            Path staging = Files.createTempFile(packages, "fetching-", ".tar");
            Files.write(staging, code);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the package of op " + op + " under " + packages, e);
        }
    }
}
