package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssetRegistrationClientTest {

    private static final String OP_A = "0x" + "a".repeat(64);
    private static final String OP_B = "0x" + "b".repeat(64);

    private final TestServer server = new TestServer();
    private final AssetClient assets = new AssetClient(server.client("alice-token"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersTheDdoAsTheBodyAndAnswersTheRegistration() {
        server.reply(201, "application/json", """
                {"dt":"0x5e","owner":"bank-a","kind":"DATA","title":"Loans","children":[],"supportedOps":[]}""");
        var ddo = JsonNodeFactory.instance.objectNode().put("dt", "0x5e").put("title", "Loans");

        Asset registered = assets.register(ddo);

        assertThat(registered.dt()).isEqualTo("0x5e");
        assertThat(server.asked).extracting(TestServer.Asked::method, TestServer.Asked::uri)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/asset/api/v1/assets"));
        assertThat(server.asked.getFirst().body()).contains("\"title\":\"Loans\"");
    }

    @Test
    void aRefusedRegistrationIsTheServicesProblem() {
        server.reply(400, "application/problem+json", """
                {"type":"x/invalid-ddo","detail":"/title: must not be empty"}""");

        assertThatThrownBy(() -> assets.register(JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(BackendProblem.class).hasMessageContaining("/title");
    }

    @Test
    void listsEveryTrustedOpOfTheRegistry() {
        server.reply(200, "application/json", """
                [{"opHash":"%s","name":"old-sum","version":"0.1","codeCid":"bafy1","deprecated":true,
                  "publishedAt":"2026-05-04T10:15:30Z"},
                 {"opHash":"%s","name":"ss-share","version":"1.0","codeCid":"bafy2","deprecated":false,
                  "publishedAt":"2026-05-05T08:00:00Z"}]""".formatted(OP_B, OP_A));

        List<TrustedOp> ops = assets.ops();

        assertThat(ops).extracting(TrustedOp::name, TrustedOp::deprecated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("old-sum", true),
                        org.assertj.core.groups.Tuple.tuple("ss-share", false));
        assertThat(ops.get(1).opHash()).isEqualTo(OP_A);
        assertThat(ops.get(1).publishedAt()).isEqualTo(java.time.Instant.parse("2026-05-05T08:00:00Z"));
        assertThat(server.asked).extracting(TestServer.Asked::method, TestServer.Asked::uri)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/asset/api/v1/ops"));
    }

    @Test
    void anUnreachableRegistryIsTheServicesProblem() {
        server.reply(503, "application/problem+json", """
                {"type":"x/ledger-unavailable","status":503,"detail":"the chain cannot be reached"}""");

        assertThatThrownBy(assets::ops).isInstanceOf(BackendProblem.class).hasMessageContaining("chain cannot be reached");
    }
}
