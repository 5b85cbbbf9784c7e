package io.datatoken.e2e;

import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.ChainAccounts;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.keycloak.KeycloakOrganizationDirectory;
import io.datatoken.keycloak.KeycloakSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin holds onboarded organizations on chain: accounts added and removed (never the
 * platform's own), suspension and reinstatement, permanent removal.
 */
class OrganizationAdministrationIT {

    private static final String ORGANIZATIONS = "/asset/api/v1/organizations";
    private final Stack stack = Stack.current();
    private final String admin = stack.tokenOf("admin");
    private final String alias = "adm-" + UUID.randomUUID().toString().substring(0, 8);
    private String custodial;

    @BeforeEach
    void an_organization_on_chain() throws IOException {
        new KeycloakOrganizationDirectory(new KeycloakSettings(URI.create(stack.keycloak()), "datatoken",
                "datatoken-services", Stack.devServicesSecret(), Duration.ofSeconds(15)))
                .createOrganization(OrganizationAlias.of(alias), "Org " + alias, alias + ".example");
        var registered = post(ORGANIZATIONS + "/" + alias + "/registration", "{\"roles\":[\"data-provider\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        custodial = Stack.JSON.readTree(registered.body()).get("account").asText();
    }

    @Test
    void an_organizations_own_account_is_added_and_removed_but_the_platforms_stays() throws IOException {
        String own = ChainAccounts.generate().address().value();

        JsonNode added = ok(post(ORGANIZATIONS + "/" + alias + "/accounts", "{\"address\":\"" + own + "\"}"));
        assertThat(added.get("accounts")).extracting(JsonNode::asText).containsExactly(custodial, own);
        assertThat(added.get("account").asText()).isEqualTo(custodial);
        assertThat(ok(post(ORGANIZATIONS + "/" + alias + "/accounts", "{\"address\":\"" + own + "\"}"))
                .get("accounts")).hasSize(2);

        JsonNode removed = ok(stack.delete(ORGANIZATIONS + "/" + alias + "/accounts/" + own, admin));
        assertThat(removed.get("accounts")).extracting(JsonNode::asText).containsExactly(custodial);
        assertProblem(stack.delete(ORGANIZATIONS + "/" + alias + "/accounts/" + custodial, admin), 409, "custodial-account");
    }

    @Test
    void a_suspended_organization_is_inactive_until_reinstated() throws IOException {
        assertThat(ok(post(ORGANIZATIONS + "/" + alias + "/suspension", "")).get("active").asBoolean()).isFalse();
        assertThat(ok(stack.get(ORGANIZATIONS + "/" + alias, admin)).get("active").asBoolean()).isFalse();

        assertThat(ok(stack.delete(ORGANIZATIONS + "/" + alias + "/suspension", admin)).get("active").asBoolean()).isTrue();
    }

    @Test
    void a_removed_organization_is_gone_for_good() {
        var removed = stack.delete(ORGANIZATIONS + "/" + alias, admin);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertProblem(stack.get(ORGANIZATIONS + "/" + alias, admin), 404, "unknown-organization");
        assertProblem(post(ORGANIZATIONS + "/" + alias + "/registration", "{\"roles\":[\"data-provider\"]}"), 409,
                "removed-organization");
        assertProblem(stack.delete(ORGANIZATIONS + "/" + alias, admin), 404, "unknown-organization");
    }

    @Test
    void the_list_holds_every_organization_by_alias_suspended_ones_included_removed_ones_not() throws IOException {
        ok(post(ORGANIZATIONS + "/" + alias + "/suspension", ""));

        JsonNode listed = ok(stack.get(ORGANIZATIONS, admin));

        assertThat(listed).extracting(o -> o.get("alias").asText()).contains("bank-a", "bank-b", "fintech-c", alias)
                .isSorted();
        assertThat(listed).filteredOn(o -> o.get("alias").asText().equals(alias)).singleElement().satisfies(o -> {
            assertThat(o.get("active").asBoolean()).isFalse();
            assertThat(o.get("account").asText()).isEqualTo(custodial);
            assertThat(o.get("roles")).extracting(JsonNode::asText).containsExactly("data-provider");
        });

        assertThat(stack.delete(ORGANIZATIONS + "/" + alias, admin).statusCode()).isEqualTo(204);
        assertThat(ok(stack.get(ORGANIZATIONS, admin))).extracting(o -> o.get("alias").asText())
                .contains("bank-a").doesNotContain(alias);
        assertProblem(stack.get(ORGANIZATIONS, stack.tokenOf("alice")), 403, "forbidden");
    }

    @Test
    void only_the_admin_administers_and_bad_addresses_are_refused() {
        String alice = stack.tokenOf("alice");
        assertProblem(stack.post(ORGANIZATIONS + "/" + alias + "/suspension", alice, "application/json", new byte[0]), 403,
                "forbidden");
        assertProblem(stack.delete(ORGANIZATIONS + "/" + alias, alice), 403, "forbidden");
        assertProblem(post(ORGANIZATIONS + "/" + alias + "/accounts", "{\"address\":\"0x1234\"}"), 400, "invalid-input");
        assertProblem(post(ORGANIZATIONS + "/nobody-" + alias + "/suspension", ""), 404, "unknown-organization");
    }

    private HttpResponse<String> post(String path, String json) {
        return stack.post(path, admin, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }
}
