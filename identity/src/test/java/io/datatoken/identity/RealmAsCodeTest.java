package io.datatoken.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RealmAsCodeTest {

    private static final Set<String> PLATFORM_ROLES = Set.of(
            "admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator", "end-user");
    /** An organization's end user (scenario S2): acts for no organization, so holds no other role. */
    private static final String END_USER_ROLE = "end-user";
    /** The services take an end user's username for their id in the organization's registry (EndUserId). */
    private static final Pattern END_USER_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    /** Given to the services' service account only: never a person's role. */
    private static final String SERVICE_ROLE = "platform-service";
    private static final Set<String> DEMO_ORGANIZATIONS = Set.of(
            "bank-a", "bank-b", "fintech-c", "vendor-a", "medco-b", "regulator");
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REALM = MODULE.resolve("src/main/keycloak/datatoken-realm.json");
    private static final Path DEV = MODULE.resolve("dev/datatoken-dev.json");
    private static final Path MERGE_SCRIPT = MODULE.resolve("scripts/merge-realm.mjs");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void productionRealmDefinesThePlatformRolesAndTheServiceRoleWithDescriptions() throws IOException {
        JsonNode roles = realm().path("roles").path("realm");

        assertThat(names(roles, "name")).containsExactlyInAnyOrderElementsOf(
                Stream.concat(PLATFORM_ROLES.stream(), Stream.of(SERVICE_ROLE)).toList());
        roles.forEach(role -> assertThat(role.path("description").asText()).as(role.toString()).isNotBlank());
    }

    @Test
    void productionRealmHoldsNoUsersOrganizationsOrSecrets() throws IOException {
        JsonNode realm = realm();

        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.has("organizations")).isFalse();
        assertThat(realm.findValues("secret")).isEmpty();
        assertThat(realm.toString()).doesNotContain("localhost", "127.0.0.1", "dev-services-secret");
    }

    @Test
    void portalClientIsPublicWithPkceS256AndTheAgreedScopes() throws IOException {
        JsonNode portal = client(realm(), "datatoken-portal");

        assertThat(portal.path("publicClient").asBoolean()).isTrue();
        assertThat(portal.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(portal.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(names(portal.path("defaultClientScopes"), null)).contains("organization", "microprofile-jwt");
        assertThat(hasServicesAudienceMapper(portal)).isTrue();
    }

    @Test
    void servicesClientIsConfidentialWithServiceAccount() throws IOException {
        JsonNode services = client(realm(), "datatoken-services");

        assertThat(services.path("publicClient").asBoolean()).isFalse();
        assertThat(services.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(services.has("secret")).isFalse();
    }

    @Test
    void everyDevUserHasKnownRolesAndAllButAdminBelongToAnOrganization() throws IOException {
        JsonNode dev = dev();
        List<String> members = new ArrayList<>();
        dev.path("organizations").forEach(org -> members.addAll(names(org.path("members"), "username")));

        assertThat(names(dev.path("organizations"), "alias")).containsExactlyInAnyOrderElementsOf(DEMO_ORGANIZATIONS);
        for (JsonNode user : personUsers(dev)) {
            String username = user.path("username").asText();
            assertThat(names(user.path("realmRoles"), null)).as(username).isNotEmpty().isSubsetOf(PLATFORM_ROLES);
            assertThat(user.path("emailVerified").asBoolean()).as(username).isTrue();
            assertThat(user.path("credentials").get(0).path("temporary").asBoolean()).as(username).isFalse();
            if (username.equals("admin")) {
                assertThat(members).as(username).doesNotContain(username);
            } else {
                assertThat(members).as(username).containsOnlyOnce(username);
            }
        }
        assertThat(names(dev.path("users"), "username")).contains("admin", "alice", "bob", "carol", "victor", "mia", "rita");
    }

    @Test
    void devEndUsersAreVendorAsMembersWithTheEndUserRoleAloneAndAnEndUserIdAsUsername() throws IOException {
        JsonNode dev = dev();
        List<String> endUsers = new ArrayList<>();
        for (JsonNode user : personUsers(dev)) {
            List<String> roles = names(user.path("realmRoles"), null);
            if (roles.contains(END_USER_ROLE)) {
                String username = user.path("username").asText();
                assertThat(roles).as(username).containsExactly(END_USER_ROLE);
                assertThat(username).as("a username the services take for an end user id").matches(END_USER_ID);
                endUsers.add(username);
            }
        }

        assertThat(endUsers).containsExactlyInAnyOrder("u1", "u2", "u3");
        assertThat(names(organization(dev, "vendor-a").path("members"), "username")).containsAll(endUsers);
    }

    @Test
    void mergedRealmCarriesProductionDefinitionsAndDevData() throws Exception {
        JsonNode merged = merged();

        assertThat(merged.has("_comment")).isFalse();
        assertThat(names(merged.path("roles").path("realm"), "name")).containsAll(PLATFORM_ROLES).contains(SERVICE_ROLE);
        assertThat(names(merged.path("organizations"), "alias")).containsExactlyInAnyOrderElementsOf(DEMO_ORGANIZATIONS);
        assertThat(names(merged.path("users"), "username")).contains("admin", "alice", "rita", "u1");
        assertThat(names(organization(merged, "vendor-a").path("members"), "username")).contains("victor", "u1", "u2", "u3");
        assertThat(names(merged.path("clients"), "clientId")).containsExactlyInAnyOrder(
                "datatoken-services", "datatoken-portal", "datatoken-dev-cli", "datatoken-dev-expiring");

        JsonNode services = client(merged, "datatoken-services");
        assertThat(services.path("secret").asText()).isEqualTo("dev-services-secret");
        assertThat(services.path("serviceAccountsEnabled").asBoolean()).as("production fields kept").isTrue();

        JsonNode portal = client(merged, "datatoken-portal");
        assertThat(names(portal.path("redirectUris"), null)).containsExactlyInAnyOrder(
                "http://localhost:9080/portal/*", "http://127.0.0.1:9080/portal/*", "http://localhost:9180/portal/*",
                "http://localhost:9280/portal/*", "http://127.0.0.1/portal/*");
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(portal.path("publicClient").asBoolean()).isTrue();

        JsonNode expiring = client(merged, "datatoken-dev-expiring");
        assertThat(expiring.path("attributes").path("access.token.lifespan").asText()).isEqualTo("3");
        for (String cli : List.of("datatoken-dev-cli", "datatoken-dev-expiring")) {
            JsonNode client = client(merged, cli);
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(cli).isTrue();
            assertThat(hasServicesAudienceMapper(client)).as(cli).isTrue();
            assertThat(names(client.path("defaultClientScopes"), null)).as(cli)
                    .contains("organization", "microprofile-jwt");
        }
    }

    private JsonNode realm() throws IOException {
        return json.readTree(REALM.toFile());
    }

    private JsonNode dev() throws IOException {
        return json.readTree(DEV.toFile());
    }

    private JsonNode merged() throws IOException, InterruptedException {
        String node = System.getProperty("datatoken.node", "node");
        Process process = new ProcessBuilder(node, MERGE_SCRIPT.toString(), REALM.toString(), DEV.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("merge script finished").isTrue();
        assertThat(process.exitValue()).as("merge script exit code").isZero();
        return json.readTree(new String(output, StandardCharsets.UTF_8));
    }

    private static List<JsonNode> personUsers(JsonNode document) {
        return StreamSupport.stream(document.path("users").spliterator(), false)
                .filter(user -> !user.path("username").asText().startsWith(SERVICE_ACCOUNT_PREFIX))
                .toList();
    }

    private static JsonNode organization(JsonNode document, String alias) {
        return StreamSupport.stream(document.path("organizations").spliterator(), false)
                .filter(organization -> organization.path("alias").asText().equals(alias))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no organization " + alias));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static boolean hasServicesAudienceMapper(JsonNode client) {
        return StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .anyMatch(mapper -> mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                        && mapper.path("config").path("included.client.audience").asText().equals("datatoken-services")
                        && mapper.path("config").path("access.token.claim").asText().equals("true"));
    }

    /** Values of {@code field} of each element, or the elements themselves when {@code field} is null. */
    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(element -> field == null ? element.asText() : element.path(field).asText())
                .toList();
    }
}
