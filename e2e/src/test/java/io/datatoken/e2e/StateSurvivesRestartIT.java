package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the stack holds — chain, content, database, realm — is still there after down and up.
 * Leaves the stack up, as it found it.
 */
class StateSurvivesRestartIT {

    private final Stack stack = Stack.current();
    // Read once: down removes stack.json until the next up writes it again.
    private final JsonNode description = readDescription();

    @Test
    void chain_content_database_and_realm_survive_down_and_up() throws Exception {
        String marker = UUID.randomUUID().toString();
        String cid = addToIpfs(marker);
        // A legacy transaction at the node's price: the dev chain runs free gas (docs/decisions/0010).
        String gasPrice = rpc("eth_gasPrice", "[]").asText();
        String txHash = rpc("eth_sendTransaction", "[{\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\","
                + "\"to\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"value\":\"0x1\",\"gasPrice\":\""
                + gasPrice + "\"}]").asText();
        String blockBefore = rpc("eth_blockNumber", "[]").asText();
        sql("create table if not exists public.restart_marker (value text)", "insert into public.restart_marker values ('" + marker + "')");

        assertThat(launcher("down")).isZero();
        assertThat(launcher("up")).isZero();

        assertThat(catFromIpfs(cid)).isEqualTo(marker);
        assertThat(rpc("eth_getTransactionByHash", "[\"" + txHash + "\"]").isNull()).isFalse();
        assertThat(Long.decode(rpc("eth_blockNumber", "[]").asText())).isGreaterThanOrEqualTo(Long.decode(blockBefore));
        assertThat(sqlCount("select count(*) from public.restart_marker where value = '" + marker + "'")).isEqualTo(1);
        assertThat(stack.tokenOf("alice")).isNotBlank();
    }

    private String addToIpfs(String text) throws IOException {
        String boundary = "----datatoken" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        var response = Stack.send(HttpRequest.newBuilder(URI.create(description().get("ipfsRpc").asText()
                        + "/api/v0/add?cid-version=1&raw-leaves=true"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body()).get("Hash").asText();
    }

    private String catFromIpfs(String cid) throws IOException {
        var response = Stack.send(HttpRequest.newBuilder(URI.create(description().get("ipfsRpc").asText()
                + "/api/v0/cat?arg=" + cid)).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode rpc(String method, String params) throws IOException {
        var response = Stack.send(HttpRequest.newBuilder(URI.create(description().get("chainRpc").asText()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                .build());
        JsonNode answer = Stack.JSON.readTree(response.body());
        assertThat(answer.has("error")).as(response.body()).isFalse();
        return answer.get("result");
    }

    private void sql(String... statements) throws SQLException, IOException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long sqlCount(String query) throws SQLException, IOException {
        try (var connection = connect(); var result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private java.sql.Connection connect() throws SQLException, IOException {
        URI postgres = URI.create(description().get("postgres").asText());
        String password = Files.readString(instance().resolve("state/secrets/db-password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + postgres.getPath(),
                "datatoken", password);
    }

    private static JsonNode readDescription() {
        try {
            return Stack.JSON.readTree(Files.readString(Path.of(System.getProperty("datatoken.stack"))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode description() {
        return description;
    }

    private Path instance() {
        return Path.of(description().get("instance").asText());
    }

    private int launcher(String command) throws Exception {
        Path repository = Path.of(System.getProperty("datatoken.repository", "..")).toAbsolutePath();
        var builder = new ProcessBuilder(repository.resolve("datatoken").toString(), command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance().resolve("logs/restart-test.log").toFile()));
        builder.environment().putAll(Map.of("DATATOKEN_HOME", instance().toString(),
                "DATATOKEN_PORT_OFFSET", System.getProperty("datatoken.port.offset", "100"),
                "DATATOKEN_BUILD", "never", "DATATOKEN_JWT_CLOCK_SKEW", "1s"));
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./datatoken " + command + " did not finish; see logs/restart-test.log");
        }
        return process.exitValue();
    }
}
