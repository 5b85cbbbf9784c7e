package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.datatoken.portal.security.AccessTokens;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssetRegistrationClientTest {

    private static final String OP_A = "0x" + "a".repeat(64);
    private static final String OP_B = "0x" + "b".repeat(64);
    private static final String OP_C = "0x" + "c".repeat(64);

    private final TestServer server = new TestServer();
    private final AccessTokens tokens = new AccessTokens() {
        @Override
        public String current() {
            return "alice-token";
        }

        @Override
        public String renewed() {
            return "alice-token";
        }
    };
    private final AssetClient assets = new AssetClient(new ServicesClient(server.url(), tokens));

    @AfterEach
    void stop() {
        server.close();
    }

    private static Asset offering(String... ops) {
        return new Asset("0x01", "bank-a", "DATA", "t", null, null, null, List.of(), List.of(ops), null, null, null);
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
    void usableOpsAreTheOfferedOnesThatAreTrustedAndNotDeprecated() {
        server.reply(200, "application/json", """
                {"opHash":"%s","name":"ss-share","version":"1.0","deprecated":false}""".formatted(OP_A));
        server.reply(200, "application/json", """
                {"opHash":"%s","name":"old-sum","version":"0.1","deprecated":true}""".formatted(OP_B));
        server.reply(404, "application/problem+json", """
                {"type":"x/unknown-op","detail":"no such op"}""");

        List<TrustedOp> usable = assets.usableOps(List.of(offering(OP_A, OP_B), offering(OP_A, OP_C)));

        assertThat(usable).extracting(TrustedOp::name).containsExactly("ss-share");
        assertThat(server.asked).extracting(TestServer.Asked::uri)
                .containsExactly("/asset/api/v1/ops/" + OP_A, "/asset/api/v1/ops/" + OP_B, "/asset/api/v1/ops/" + OP_C);
    }
}
