package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminClientTest {

    private static final String OP = "0x" + "ab".repeat(32);

    private final TestServer server = new TestServer();
    private final AdminClient admin = new AdminClient(server.client("token"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onboardsAnOrganizationWithItsFirstMember() {
        server.reply(201, "application/json", """
                {"alias":"bank-d","name":"Bank D","domain":"bank-d.example.com","roles":["data-user"],
                 "account":"0x01","accounts":["0x01"],"active":true,"members":[{"username":"dora","roles":["data-user"]}]}""");

        Organization onboarded = admin.onboard(new NewOrganization("bank-d", "Bank D", "bank-d.example.com",
                List.of("data-user"), List.of(new NewOrganization.Member("dora", "dora@bank-d.example.com", "Dora",
                "Ding", List.of("data-user"), "initial-pass"))));

        assertThat(server.asked.getFirst().method()).isEqualTo("POST");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/organizations");
        assertThat(server.asked.getFirst().body()).contains("\"alias\":\"bank-d\"", "\"initialPassword\":\"initial-pass\"");
        assertThat(onboarded.account()).isEqualTo("0x01");
        assertThat(onboarded.members()).extracting(Organization.Member::username).containsExactly("dora");
    }

    @Test
    void suspendsAndReinstatesAndShowsTheRefusal() {
        server.reply(200, "application/json", "{\"alias\":\"bank-d\",\"active\":false}")
                .reply(200, "application/json", "{\"alias\":\"bank-d\",\"active\":true}")
                .reply(404, "application/problem+json",
                        "{\"status\":404,\"title\":\"unknown-organization\",\"detail\":\"bank-x is not onboarded\"}");

        assertThat(admin.suspend("bank-d").active()).isFalse();
        assertThat(admin.reinstate("bank-d").active()).isTrue();
        assertThatThrownBy(() -> admin.organization("bank-x")).isInstanceOf(BackendProblem.class)
                .satisfies(e -> assertThat(((BackendProblem) e).detail()).contains("bank-x is not onboarded"));

        assertThat(server.asked).extracting(TestServer.Asked::method).containsExactly("POST", "DELETE", "GET");
        assertThat(server.asked.get(1).uri()).isEqualTo("/asset/api/v1/organizations/bank-d/suspension");
    }

    @Test
    void listsEveryOrganizationWithTheUsersToken() {
        server.reply(200, "application/json", """
                [{"alias":"bank-a","roles":["compute-provider","data-provider"],"account":"0x01",
                  "accounts":["0x01","0x02"],"active":true,"members":[]},
                 {"alias":"fintech-c","roles":["algorithm-provider"],"account":"0x03","accounts":["0x03"],
                  "active":false,"members":[]}]""");

        List<Organization> organizations = admin.organizations();

        assertThat(organizations).extracting(Organization::alias, Organization::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bank-a", true),
                        org.assertj.core.groups.Tuple.tuple("fintech-c", false));
        assertThat(organizations.getFirst().accounts()).containsExactly("0x01", "0x02");
        assertThat(organizations.getFirst().roles()).containsExactly("compute-provider", "data-provider");
        assertThat(server.asked).singleElement().satisfies(asked -> {
            assertThat(asked.method()).isEqualTo("GET");
            assertThat(asked.uri()).isEqualTo("/asset/api/v1/organizations");
            assertThat(asked.authorization()).isEqualTo("Bearer token");
        });
    }

    @Test
    void publishesTheCodePackageAsItIsAndDeprecatesByHash() {
        server.reply(201, "application/json", """
                {"opHash":"%s","name":"secure-sum","version":"1.0.0","codeCid":"bafy","deprecated":false}""".formatted(OP))
                .reply(200, "application/json", """
                {"opHash":"%s","name":"secure-sum","version":"1.0.0","codeCid":"bafy","deprecated":true}""".formatted(OP));

        TrustedOp published = admin.publishOp("secure-sum", "1.0.0", "package-bytes".getBytes());
        TrustedOp deprecated = admin.deprecateOp(OP);

        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/ops?name=secure-sum&version=1.0.0");
        assertThat(server.asked.getFirst().body()).isEqualTo("package-bytes");
        assertThat(published.deprecated()).isFalse();
        assertThat(server.asked.get(1).uri()).isEqualTo("/asset/api/v1/ops/" + OP + "/deprecation");
        assertThat(deprecated.deprecated()).isTrue();
    }
}
