package io.datatoken.chain;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away anvil dev chain for integration tests: a child process on a free port, with its
 * log in a temp dir, started with the hardfork the contracts were compiled for, and stopped
 * on {@link #close()} (and by a shutdown hook if a test run is killed).
 *
 * <p>The binary comes from the contracts module's npm install; the build passes its path as
 * the system property {@code anvil.executable}.
 */
final class AnvilProcess implements AutoCloseable {

    static final long CHAIN_ID = 31337;

    /** Keys of anvil's default dev mnemonic ("test test ... junk"): public, dev chains only. */
    static final List<String> DEV_KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
            "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");

    private final Process process;
    private final URI rpcUrl;
    private final Path log;
    private final Thread shutdownHook;

    private AnvilProcess(Process process, URI rpcUrl, Path log) {
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "anvil-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static AnvilProcess start() {
        Path executable = executable();
        String hardfork = contractsEvmVersion();
        try {
            Path workDir = workDir();
            Path log = workDir.resolve("anvil.log");
            int port = freePort();
            List<String> command = List.of(executable.toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--chain-id", Long.toString(CHAIN_ID), "--hardfork", hardfork);
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AnvilProcess anvil = new AnvilProcess(process, URI.create("http://127.0.0.1:" + port), log);
            try {
                anvil.awaitReady();
            } catch (RuntimeException e) {
                anvil.close();
                throw new IllegalStateException("anvil did not start; log " + log + ":\n" + Files.readString(log), e);
            }
            return anvil;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }

    URI rpcUrl() {
        return rpcUrl;
    }

    ChainSettings settings(int devAccount) {
        String key = DEV_KEYS.get(devAccount);
        return ChainSettings.of(rpcUrl, CHAIN_ID, () -> key).withPollingInterval(Duration.ofMillis(50));
    }

    /** Moves the chain's clock forward and mines a block at the new time (no waiting). */
    void advanceTime(long seconds) {
        String increased = rpc("evm_increaseTime", "[" + seconds + "]");
        String mined = rpc("evm_mine", "[]");
        if (increased.contains("\"error\"") || mined.contains("\"error\"")) {
            throw new IllegalStateException("anvil did not move its clock: " + increased + " / " + mined);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** JSON-RPC call with a raw JSON params array; returns the raw response body. */
    String rpc(String method, String params) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(rpcUrl)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        await("anvil answers eth_chainId on " + rpcUrl)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("anvil exited with " + process.exitValue());
                    }
                    return rpc("eth_chainId", "[]").contains("\"result\":\"0x" + Long.toHexString(CHAIN_ID) + "\"");
                });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to do
            }
        }
    }

    @Override
    public String toString() {
        return "anvil at " + rpcUrl + " (log " + log + ")";
    }

    private static Path executable() {
        String configured = System.getProperty("anvil.executable");
        Path path = configured != null
                ? Path.of(configured)
                : Path.of("..", "..", "..", "contracts", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("no anvil at " + path.toAbsolutePath().normalize()
                    + ": build the contracts module first (it runs npm ci), or set -Danvil.executable");
        }
        return path;
    }

    private static Path workDir() throws IOException {
        String base = System.getProperty("anvil.workDir");
        if (base == null) {
            return Files.createTempDirectory("anvil-");
        }
        Path dir = Path.of(base);
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "run-");
    }

    /** The EVM version the contracts were compiled for (written by contracts/scripts/compile.mjs). */
    static String contractsEvmVersion() {
        try (InputStream in = AnvilProcess.class.getResourceAsStream("/io/datatoken/contracts/contracts.properties")) {
            if (in == null) {
                throw new IllegalStateException("contracts.properties missing from the contracts jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("evmVersion");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
