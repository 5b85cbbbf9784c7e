package io.datatoken.compute.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs an unpacked op: its one top-level entry — a Python file, or a JAR for the ops on kept JVM
 * libraries (decision 0017) — as a child process started directly (never through a shell), with an
 * empty environment, under {@code prlimit} limits on address space, CPU time and open files, and
 * killed at the wall-clock limit. Python runs in isolated mode without site packages; a JAR runs on
 * {@code java} with its heap, metaspace and code cache sized to fit the address-space limit. The op
 * reads its JSON input on stdin and writes its JSON result on stdout.
 *
 * @param python      absolute path of the Python interpreter
 * @param java        absolute path of the {@code java} launcher for JAR ops
 * @param prlimit     absolute path of {@code prlimit}, or {@code null} to run without rlimits
 * @param timeLimit   wall-clock limit (the CPU limit is one second more, so this one stops an op first)
 * @param memoryBytes address-space limit (a JAR op needs 1 GiB at least: the JVM reserves its spaces up front)
 * @param elsewhere   where ops run instead of a child process ({@code datatoken.compute.executor=kubernetes}:
 *                    a Kubernetes Job each), or {@code null} for a child process of this node
 */
public record OpRunner(Path python, Path java, Path prlimit, Duration timeLimit, long memoryBytes, Executor elsewhere) {

    /** Largest result an op may write. */
    public static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

    public OpRunner {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(timeLimit, "timeLimit");
    }

    /** Ops run as child processes of this node. */
    public OpRunner(Path python, Path java, Path prlimit, Duration timeLimit, long memoryBytes) {
        this(python, java, prlimit, timeLimit, memoryBytes, null);
    }

    public String run(Path opDirectory, String input) {
        Path entry = entryOf(opDirectory);
        boolean jar = entry.getFileName().toString().endsWith(".jar");
        if (elsewhere != null) {
            List<String> command = jar ? javaCommand(Interpreter.JAVA.name(), entry)
                    : List.of(Interpreter.PYTHON.name(), "-I", "-S", entry.getFileName().toString());
            return elsewhere.run(opDirectory, jar ? Interpreter.JAVA : Interpreter.PYTHON,
                    command.subList(1, command.size()), input);
        }
        List<String> command = new ArrayList<>();
        if (prlimit != null) {
            command.addAll(List.of(prlimit.toString(), "--as=" + memoryBytes,
                    // CPU time never outruns wall time for a single-threaded op: one second more than
                    // the wall-clock limit keeps that limit the one that normally stops it.
                    "--cpu=" + ((timeLimit.toMillis() + 999) / 1000 + 1), "--nofile=64", "--"));
        }
        command.addAll(jar ? javaCommand(java.toString(), entry) : List.of(python.toString(), "-I", "-S", entry.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(opDirectory.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        if (jar) {
            // glibc's per-thread malloc arenas (64 MiB of address space each) would exhaust the limit
            builder.environment().put("MALLOC_ARENA_MAX", "2");
        }
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAtMost(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException brokenPipe) {
                // the op exited without reading all of its input: its exit status tells why
            }
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OpFailed("the op ran longer than " + timeLimit + " and was stopped");
            }
            if (process.exitValue() != 0) {
                String killed = process.exitValue() > 128 ? " (killed by signal " + (process.exitValue() - 128)
                        + ": a resource limit)" : "";
                throw new OpFailed("the op failed (exit " + process.exitValue() + killed + "): " + tail(stderr.join()));
            }
            return new String(stdout.join(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the op " + entry.getFileName() + " (" + python + ", " + java + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpFailed("interrupted while the op ran");
        }
    }

    /**
     * {@code java} with a serial collector and its spaces bounded so the whole JVM stays under the
     * address-space limit: a quarter of it for the heap, the rest for metaspace, code, stacks and the
     * op's native buffers.
     */
    private List<String> javaCommand(String java, Path jar) {
        return List.of(java, "-XX:+UseSerialGC", "-Xmx" + memoryBytes / 4, "-XX:MaxMetaspaceSize=96m",
                "-XX:CompressedClassSpaceSize=32m", "-XX:ReservedCodeCacheSize=32m", "-Xss512k", "-XX:-UsePerfData",
                "-jar", jar.getFileName().toString());
    }

    private static Path entryOf(Path opDirectory) {
        try (Stream<Path> files = Files.list(opDirectory)) {
            List<Path> entries = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".py") || name.endsWith(".jar");
            }).sorted().toList();
            if (entries.size() != 1) {
                throw new IllegalArgumentException("an op package has exactly one top-level .py or .jar file; found "
                        + entries.stream().map(p -> p.getFileName().toString()).toList());
            }
            return entries.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream stream) {
        try (stream) {
            byte[] read = stream.readNBytes(MAX_OUTPUT_BYTES + 1);
            if (read.length > MAX_OUTPUT_BYTES) {
                throw new OpFailed("the op wrote more than " + MAX_OUTPUT_BYTES + " bytes");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(byte[] stderr) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
    }

    /** The interpreter an op's entry runs on. */
    public enum Interpreter { PYTHON, JAVA }

    /**
     * Runs ops somewhere else than in a child process of this node, with the same command and limits;
     * implementations throw {@link OpFailed} when the op produced no result.
     */
    public interface Executor {
        /**
         * @param opDirectory the op's verified, unpacked package ({@code <work-dir>/ops/<op hash>})
         * @param arguments   what follows the interpreter, relative to the op directory
         * @return the op's stdout
         */
        String run(Path opDirectory, Interpreter interpreter, List<String> arguments, String input);
    }

    /** The op did not produce a result. */
    public static final class OpFailed extends RuntimeException {
        public OpFailed(String message) {
            super(message);
        }
    }
}
