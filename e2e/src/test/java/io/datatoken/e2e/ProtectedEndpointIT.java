package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * A protected endpoint against real Keycloak tokens: the right role gets in, a wrong role is
 * forbidden, and no token, an expired one, a foreign issuer's or a forged one are unauthenticated.
 */
class ProtectedEndpointIT {

    private static final String MY_ASSETS = "/asset/api/v1/assets";
    private final Stack stack = Stack.current();

    @Test
    void a_provider_lists_the_assets_of_its_own_organization() throws IOException {
        var response = stack.get(MY_ASSETS, stack.tokenOf("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(response.body()).isArray()).isTrue();
    }

    @Test
    void a_wrong_role_is_forbidden_with_a_problem_report() throws IOException {
        var response = stack.get(MY_ASSETS, stack.tokenOf("rita"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Stack.JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void the_regulator_role_reads_the_audit_across_organizations() {
        assertThat(stack.get("/tracer/api/v1/audit", stack.tokenOf("rita")).statusCode()).isEqualTo(200);
    }

    @Test
    void each_service_admits_its_own_roles_only() {
        assertThat(stack.get("/job/api/v1/tasks", stack.tokenOf("carol")).statusCode()).isEqualTo(200);
        assertThat(stack.get("/job/api/v1/tasks", stack.tokenOf("alice")).statusCode()).isEqualTo(403);
        URI bankBsDatasets = URI.create(stack.computeNode("bank-b") + "/v1/datasets");
        assertThat(stack.get(bankBsDatasets, stack.tokenOf("bob")).statusCode()).isEqualTo(200);
        assertThat(stack.get(bankBsDatasets, stack.tokenOf("admin")).statusCode()).isEqualTo(403);
        assertThat(stack.get(bankBsDatasets, null).statusCode()).isEqualTo(401);
    }

    @Test
    void no_token_is_unauthenticated() {
        assertThat(stack.get(MY_ASSETS, null).statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_unauthenticated() {
        // datatoken-dev-expiring issues tokens that live 3 s; the test instance allows 1 s of skew.
        String shortLived = stack.tokenOf("alice", "datatoken-dev-expiring");
        assertThat(stack.get(MY_ASSETS, shortLived).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get(MY_ASSETS, shortLived).statusCode() == 401);
    }

    @Test
    void a_token_from_a_foreign_issuer_is_unauthenticated() throws Exception {
        String token = resigned(stack.tokenOf("alice"), "http://localhost:1/realms/datatoken");

        assertThat(stack.get(MY_ASSETS, token).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_forged_with_another_key_is_unauthenticated() throws Exception {
        String token = resigned(stack.tokenOf("alice"), stack.issuer());

        assertThat(stack.get(MY_ASSETS, token).statusCode()).isEqualTo(401);
    }

    @Test
    void a_compute_node_checks_tokens_like_the_services() throws Exception {
        URI bankAsDatasets = URI.create(stack.computeNode("bank-a") + "/v1/datasets");

        assertThat(stack.get(bankAsDatasets, stack.tokenOf("alice")).statusCode()).isEqualTo(200);
        assertThat(stack.get(bankAsDatasets, resigned(stack.tokenOf("alice"), stack.issuer())).statusCode()).isEqualTo(401);
    }

    /** The claims of a genuine token, with the given issuer, signed with a key Keycloak never had. */
    private static String resigned(String genuine, String issuer) throws ParseException, JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet())
                .issuer(issuer)
                .expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .build();
        var key = new RSAKeyGenerator(2048).keyID("foreign").generate();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
