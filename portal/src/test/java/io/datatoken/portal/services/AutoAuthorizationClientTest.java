package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoAuthorizationClientTest {

    private static final String DT = "0x" + "ab".repeat(32);

    private final TestServer server = new TestServer();
    private final AssetClient assets = new AssetClient(server.client("token"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsAndSetsAnAssetsAutomaticAuthorization() {
        server.reply(200, "application/json", "{\"enabled\":false}")
                .reply(200, "application/json", "{\"enabled\":true}");

        assertThat(assets.autoAuthorization(DT)).isFalse();
        assertThat(assets.setAutoAuthorization(DT, true)).isTrue();

        assertThat(server.asked).extracting(TestServer.Asked::method).containsExactly("GET", "PUT");
        assertThat(server.asked).extracting(TestServer.Asked::uri)
                .containsOnly("/asset/api/v1/assets/" + DT + "/auto-authorization");
        assertThat(server.asked.get(1).body()).isEqualTo("{\"enabled\":true}");
    }

    @Test
    void deniesACompositionWithAReasonAndListsTheDenials() {
        String parent = "0x" + "cd".repeat(32);
        String denial = "{\"child\":\"" + DT + "\",\"parent\":\"" + parent + "\",\"reason\":\"not for marketing\","
                + "\"deniedBy\":\"bank-a\",\"deniedAt\":\"2026-11-24T02:00:00Z\"}";
        server.reply(200, "application/json", denial).reply(200, "application/json", "[" + denial + "]");

        assertThat(assets.deny(DT, parent, "not for marketing").reason()).isEqualTo("not for marketing");
        assertThat(assets.denials(DT)).singleElement().satisfies(d -> {
            assertThat(d.parent()).isEqualTo(parent);
            assertThat(d.deniedBy()).isEqualTo("bank-a");
        });

        assertThat(server.asked).extracting(TestServer.Asked::method).containsExactly("PUT", "GET");
        assertThat(server.asked.get(0).uri()).isEqualTo("/asset/api/v1/assets/" + DT + "/denials/" + parent);
        assertThat(server.asked.get(0).body()).isEqualTo("{\"reason\":\"not for marketing\"}");
        assertThat(server.asked.get(1).uri()).isEqualTo("/asset/api/v1/assets/" + DT + "/denials");
    }
}
