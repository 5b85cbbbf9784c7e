package io.datatoken.compute.runs;

import io.datatoken.compute.ops.OpPackages.OpCodeMismatch;
import io.datatoken.compute.ops.OpLibraries;
import io.datatoken.compute.ops.OpPackages;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An op's code, fetched by the CID the registry names and unpacked only after its sha-256 matched
 * the registered op hash, completed with the kept libraries it names by hash ({@link OpLibraries}).
 * Unpacked packages are kept under the work directory by op hash.
 */
@ApplicationScoped
public class OpCode {

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    OpLibraries libraries;

    /** Where the node unpacks op packages and runs them. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.work-dir", defaultValue = "work")
    String workDir;

    public Path directoryOf(OpHash op) {
        Path target = Path.of(workDir).toAbsolutePath().normalize().resolve("ops").resolve(op.value().substring(2));
        if (Files.isDirectory(target)) {
            return target;
        }
        TrustedOp registered = ops.find(op).orElseThrow(() -> new RunFailed("op " + op + " is not in the registry"));
        byte[] code;
        try {
            code = content.get(registered.codeCid());
        } catch (ContentNotFound | ContentTampered e) {
            throw new RunFailed("the code of op " + registered.name() + " (" + registered.codeCid()
                    + ") cannot be fetched from the content store: " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "unpacking-");
            OpPackages.unpack(code, op, staging);
            libraries.provide(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // another run unpacked the same verified package first
            }
            return target;
        } catch (OpCodeMismatch e) {
            throw new RunFailed("the code stored for op " + registered.name() + " is not the code its registered hash "
                    + "names: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RunFailed("the code package of op " + registered.name() + " cannot be unpacked or completed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack op " + op + " under " + workDir, e);
        }
    }
}
