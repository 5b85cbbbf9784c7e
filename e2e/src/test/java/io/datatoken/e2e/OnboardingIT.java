package io.datatoken.e2e;

import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.keycloak.KeycloakOrganizationDirectory;
import io.datatoken.keycloak.KeycloakSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin onboards organizations: Keycloak organization and first members, a chain account,
 * the chain registration — all of it, or (on any refusal) none of it.
 */
class OnboardingIT {

    private static final String ORGANIZATIONS = "/asset/api/v1/organizations";
    private final Stack stack = Stack.current();
    private final String admin = stack.tokenOf("admin");
    private final KeycloakOrganizationDirectory keycloak = new KeycloakOrganizationDirectory(new KeycloakSettings(
            URI.create(stack.keycloak()), "datatoken", "datatoken-services", Stack.devServicesSecret(), Duration.ofSeconds(15)));
    private final String alias = "org-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_onboarded_organization_exists_in_keycloak_and_on_chain() throws IOException {
        var response = onboard(request(alias, "[\"data-provider\",\"compute-provider\"]", member("dana-" + alias,
                "[\"data-provider\"]")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = Stack.JSON.readTree(response.body());
        assertThat(created.get("account").asText()).matches("0x[0-9a-f]{40}");
        JsonNode onChain = Stack.JSON.readTree(stack.get(ORGANIZATIONS + "/" + alias, admin).body());
        assertThat(onChain.get("active").asBoolean()).isTrue();
        assertThat(onChain.get("account").asText()).isEqualTo(created.get("account").asText());
        assertThat(onChain.get("roles")).extracting(JsonNode::asText).containsExactly("compute-provider", "data-provider");
        assertThat(keycloak.find(OrganizationAlias.of(alias))).isPresent();
        assertThat(keycloak.membersOf(OrganizationAlias.of(alias))).singleElement().satisfies(member -> {
            assertThat(member.username()).isEqualTo("dana-" + alias);
            assertThat(member.roles()).containsExactly(PlatformRole.DATA_PROVIDER);
        });
    }

    @Test
    void onboarding_twice_is_a_conflict_that_changes_nothing() throws IOException {
        assertThat(onboard(request(alias, "[\"data-user\"]", member("eli-" + alias, "[\"data-user\"]"))).statusCode())
                .isEqualTo(201);

        var again = onboard(request(alias, "[\"data-user\"]", member("fay-" + alias, "[\"data-user\"]")));

        assertProblem(again, 409, "organization-exists");
        assertThat(keycloak.membersOf(OrganizationAlias.of(alias))).extracting(m -> m.username())
                .containsExactly("eli-" + alias);
    }

    @Test
    void a_refusal_half_way_undoes_what_was_done_before_it() throws IOException {
        // alice exists already: Keycloak refuses the member after the organization was created.
        var response = onboard(request(alias, "[\"data-provider\"]", member("alice", "[\"data-provider\"]")));

        assertProblem(response, 409, "member-exists");
        assertThat(keycloak.find(OrganizationAlias.of(alias))).isEmpty();
        assertProblem(stack.get(ORGANIZATIONS + "/" + alias, admin), 404, "unknown-organization");
    }

    @Test
    void bad_requests_are_refused_with_a_reason_and_create_nothing() throws IOException {
        assertProblem(onboard(request(alias, "[\"data-user\"]", member("gil-" + alias, "[\"data-provider\"]"))), 400,
                "invalid-input");
        assertProblem(onboard(request(alias, "[\"superuser\"]", member("gil-" + alias, "[]"))), 400, "invalid-input");
        assertProblem(onboard(request(alias, "[\"admin\"]", member("gil-" + alias, "[]"))), 400, "invalid-input");
        assertProblem(onboard(request("Bank A", "[\"data-user\"]", member("gil-" + alias, "[]"))), 400, "invalid-input");
        assertProblem(onboard(request("a".repeat(33), "[\"data-user\"]", member("gil-" + alias, "[]"))), 400,
                "invalid-input");
        assertProblem(onboard("{\"alias\":\"" + alias + "\",\"name\":\"N\",\"domain\":\"d.example\",\"roles\":[\"data-user\"],"
                + "\"members\":[]}"), 400, "invalid-input");
        assertThat(keycloak.find(OrganizationAlias.of(alias))).isEmpty();
    }

    @Test
    void only_the_admin_onboards() throws IOException {
        var response = stack.post(ORGANIZATIONS, stack.tokenOf("alice"), "application/json",
                request(alias, "[\"data-user\"]", member("hal-" + alias, "[\"data-user\"]")).getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void an_organization_keycloak_has_already_is_registered_on_chain_once_and_a_repeat_changes_nothing() throws IOException {
        keycloak.createOrganization(OrganizationAlias.of(alias), "Org " + alias, alias + ".example");

        var registered = register(alias, "{\"roles\":[\"data-provider\"]}");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode onChain = Stack.JSON.readTree(stack.get(ORGANIZATIONS + "/" + alias, admin).body());
        assertThat(onChain.get("account").asText()).isEqualTo(Stack.JSON.readTree(registered.body()).get("account").asText());
        assertThat(onChain.get("roles")).extracting(JsonNode::asText).containsExactly("data-provider");
        var again = register(alias, "{\"roles\":[\"data-provider\"]}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(again.body()).get("account").asText()).isEqualTo(onChain.get("account").asText());
        assertProblem(register(alias, "{\"roles\":[\"compute-provider\"]}"), 409, "organization-exists");
    }

    @Test
    void registering_on_chain_needs_an_organization_keycloak_knows_and_valid_roles() {
        assertProblem(register(alias, "{\"roles\":[\"data-provider\"]}"), 404, "unknown-organization");
        keycloak.createOrganization(OrganizationAlias.of(alias), "Org " + alias, alias + ".example");
        assertProblem(register(alias, "{\"roles\":[\"admin\"]}"), 400, "invalid-input");
        assertProblem(register(alias, "{\"roles\":[]}"), 400, "invalid-input");
        assertProblem(stack.post(ORGANIZATIONS + "/" + alias + "/registration", stack.tokenOf("alice"), "application/json",
                "{\"roles\":[\"data-provider\"]}".getBytes(StandardCharsets.UTF_8)), 403, "forbidden");
        assertProblem(stack.get(ORGANIZATIONS + "/" + alias, admin), 404, "unknown-organization");
    }

    private HttpResponse<String> register(String alias, String json) {
        return stack.post(ORGANIZATIONS + "/" + alias + "/registration", admin, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> onboard(String json) {
        return stack.post(ORGANIZATIONS, admin, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String request(String alias, String roles, String member) {
        return "{\"alias\":\"" + alias + "\",\"name\":\"Org " + alias + "\",\"domain\":\"" + alias.toLowerCase()
                + ".example\",\"roles\":" + roles + ",\"members\":[" + member + "]}";
    }

    private static String member(String username, String roles) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@members.example\",\"firstName\":\"F\","
                + "\"lastName\":\"L\",\"roles\":" + roles + ",\"initialPassword\":\"first-" + username + "\"}";
    }

}
