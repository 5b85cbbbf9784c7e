package io.datatoken.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.organization.DirectoryMember;
import io.datatoken.domain.organization.DirectoryOrganization;
import io.datatoken.domain.organization.DirectoryRefusal;
import io.datatoken.domain.organization.NewMember;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.domain.organization.PlatformRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The organization directory on Keycloak's Admin REST API (organizations feature, Keycloak 26).
 * Authenticates as the client's service account ({@link ServiceAccountToken}).
 */
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSettings settings;
    private final HttpClient http;
    private final ServiceAccountToken token;

    public KeycloakOrganizationDirectory(KeycloakSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.token = new ServiceAccountToken(settings);
    }

    @Override
    public DirectoryOrganization createOrganization(OrganizationAlias alias, String name, String domain) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("alias", alias.value()).put("enabled", true);
        body.putArray("domains").addObject().put("name", domain).put("verified", false);
        var response = call("POST", "/organizations", body);
        if (response.statusCode() == 409) {
            throw new DirectoryRefusal("OrganizationExists",
                    "an organization named '" + name + "', aliased '" + alias + "' or with domain " + domain + " exists already");
        }
        expect(response, 201, "create organization " + alias);
        return find(alias).orElseThrow(() -> new IllegalStateException("organization " + alias + " vanished after creation"));
    }

    @Override
    public Optional<DirectoryOrganization> find(OrganizationAlias alias) {
        // Keycloak's search matches names and domains, not aliases: list and filter.
        var response = call("GET", "/organizations?briefRepresentation=false&first=0&max=10000", null);
        expect(response, 200, "list organizations");
        return StreamSupport.stream(read(response).spliterator(), false)
                .filter(org -> alias.value().equals(org.path("alias").asText()))
                .findFirst()
                .map(org -> new DirectoryOrganization(org.get("id").asText(), alias, org.path("name").asText(),
                        org.path("domains").path(0).path("name").asText(null)));
    }

    @Override
    public DirectoryMember addMember(OrganizationAlias alias, NewMember member) {
        DirectoryOrganization organization = find(alias).orElseThrow(() -> new DirectoryRefusal("UnknownOrganization",
                "no organization '" + alias + "' in the directory: onboard it first"));
        ObjectNode user = JSON.createObjectNode().put("username", member.username()).put("email", member.email())
                .put("firstName", member.firstName()).put("lastName", member.lastName())
                .put("enabled", true).put("emailVerified", true);
        if (member.initialPassword() != null) {
            user.putArray("credentials").addObject().put("type", "password")
                    .put("value", member.initialPassword()).put("temporary", true);
        }
        var created = call("POST", "/users", user);
        if (created.statusCode() == 409) {
            throw new DirectoryRefusal("MemberExists", "a user '" + member.username() + "' or with e-mail "
                    + member.email() + " exists already");
        }
        expect(created, 201, "create user " + member.username());
        String userId = lastSegment(created.headers().firstValue("Location").orElseThrow());
        ArrayNode roles = JSON.createArrayNode();
        for (PlatformRole role : member.roles()) {
            var representation = call("GET", "/roles/" + role.roleName(), null);
            expect(representation, 200, "read realm role " + role.roleName());
            roles.add(read(representation));
        }
        if (!roles.isEmpty()) {
            expect(call("POST", "/users/" + userId + "/role-mappings/realm", roles), 204, "grant roles");
        }
        expect(call("POST", "/organizations/" + organization.id() + "/members", JSON.getNodeFactory().textNode(userId)),
                201, "add member");
        return new DirectoryMember(userId, member.username(), member.email(), member.roles());
    }

    @Override
    public List<DirectoryMember> membersOf(OrganizationAlias alias) {
        DirectoryOrganization organization = find(alias).orElseThrow(() -> new DirectoryRefusal("UnknownOrganization",
                "no organization '" + alias + "' in the directory"));
        var response = call("GET", "/organizations/" + organization.id() + "/members?max=1000", null);
        expect(response, 200, "list members");
        List<DirectoryMember> members = new ArrayList<>();
        for (JsonNode user : read(response)) {
            String id = user.get("id").asText();
            var mapped = call("GET", "/users/" + id + "/role-mappings/realm", null);
            expect(mapped, 200, "read roles of " + id);
            Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
            read(mapped).forEach(role -> PlatformRole.fromRoleName(role.path("name").asText()).ifPresent(roles::add));
            members.add(new DirectoryMember(id, user.path("username").asText(), user.path("email").asText(), roles));
        }
        return members;
    }

    @Override
    public void deleteOrganization(OrganizationAlias alias) {
        Optional<DirectoryOrganization> organization = find(alias);
        if (organization.isEmpty()) {
            return;
        }
        for (DirectoryMember member : membersOf(alias)) {
            expect(call("DELETE", "/users/" + member.id(), null), 204, "delete member " + member.username());
        }
        expect(call("DELETE", "/organizations/" + organization.get().id(), null), 204, "delete organization " + alias);
    }

    private HttpResponse<String> call(String method, String path, JsonNode body) {
        var request = HttpRequest.newBuilder(URI.create(settings.serverUrl() + "/admin/realms/" + settings.realm() + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    private String token() {
        return token.value();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak at " + settings.serverUrl() + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted while calling Keycloak", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new DirectoryUnavailable("Keycloak refused to " + what + ": HTTP " + response.statusCode()
                    + " " + response.body(), null);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
