package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.ASSETS;
import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.chain;
import static io.datatoken.e2e.AssetWorld.newDt;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Owners authorize, by hand, the compositions that use their assets: a grant on chain signed by
 * the owner's account. A composition is active only once every child has granted it, and stops
 * being active when any grant is revoked.
 */
class AuthorizationIT {

    private static String alice;
    private static String bob;
    private static String carol;

    private String aData;
    private String bData;
    private String algorithm;

    @BeforeAll
    static void organizations_on_chain_and_ops() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
        bob = stack.tokenOf("bob");
        carol = stack.tokenOf("carol");
    }

    @BeforeEach
    void two_banks_data_and_the_fintechs_algorithm_over_both() throws IOException {
        var composition = AssetWorld.twoBanksAndAnAlgorithm(alice, bob, carol);
        aData = composition.aData();
        bData = composition.bData();
        algorithm = composition.algorithm();
    }

    @Test
    void a_composition_is_active_once_every_child_granted_it_and_not_after_one_revokes() throws IOException {
        JsonNode granted = Stack.JSON.readTree(grantOk(alice, aData, algorithm, 201).body());
        assertThat(granted.get("grantTx").asText()).matches("0x[0-9a-f]{64}");
        assertThat(granted.get("grantedBy").asText()).isEqualTo("bank-a");
        assertThat(active(algorithm)).isFalse();

        grantOk(bob, bData, algorithm, 201);
        assertThat(active(algorithm)).isTrue();
        assertThat(chain.isActive(DataTokenId.of(algorithm))).isTrue();

        var revoked = stack.delete(ASSETS + "/" + bData + "/grants/" + algorithm, bob);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        JsonNode record = Stack.JSON.readTree(revoked.body());
        assertThat(record.get("live").asBoolean()).isFalse();
        assertThat(record.get("revokeTx").asText()).matches("0x[0-9a-f]{64}");
        assertThat(active(algorithm)).isFalse();
        assertThat(chain.isActive(DataTokenId.of(algorithm))).isFalse();
        JsonNode list = Stack.JSON.readTree(stack.get(ASSETS + "/" + bData + "/grants", carol).body());
        assertThat(list).singleElement().satisfies(g -> assertThat(g.get("revokedAt").isNull()).isFalse());
    }

    @Test
    void the_tree_says_which_grant_a_composition_waits_for() throws IOException {
        grantOk(alice, aData, algorithm, 201);

        JsonNode waiting = tree(algorithm);
        assertThat(waiting.get("active").asBoolean()).isFalse();
        assertThat(waiting.get("edges")).extracting(e -> e.get("child").asText() + ":" + e.get("grant").asText())
                .containsExactlyInAnyOrder(aData + ":live", bData + ":missing");
        assertThat(waiting.get("blocking")).singleElement().satisfies(e -> {
            assertThat(e.get("child").asText()).isEqualTo(bData);
            assertThat(e.get("childOwner").asText()).isEqualTo("bank-b");
            assertThat(e.get("ownerActive").asBoolean()).isTrue();
        });

        grantOk(bob, bData, algorithm, 201);
        assertThat(tree(algorithm).get("active").asBoolean()).isTrue();
        assertThat(tree(algorithm).get("blocking")).isEmpty();

        assertThat(stack.delete(ASSETS + "/" + aData + "/grants/" + algorithm, alice).statusCode()).isEqualTo(200);
        JsonNode revoked = tree(algorithm);
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("blocking")).singleElement()
                .satisfies(e -> assertThat(e.get("grant").asText()).isEqualTo("revoked"));
        assertProblem(stack.get("/verifier/api/v1/compositions/" + AssetWorld.newDt() + "/authorizations", carol), 404,
                "unknown-asset");
    }

    @Test
    void granting_again_what_is_granted_changes_nothing() throws IOException {
        JsonNode first = Stack.JSON.readTree(grantOk(alice, aData, algorithm, 201).body());

        JsonNode again = Stack.JSON.readTree(grantOk(alice, aData, algorithm, 200).body());

        assertThat(again.get("grantTx").asText()).isEqualTo(first.get("grantTx").asText());
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm)).orElseThrow().revoked()).isFalse();
    }

    @Test
    void an_expiring_grant_carries_its_expiry_on_chain() throws IOException {
        Instant until = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);

        var response = grant(alice, aData, algorithm, "{\"parent\":\"" + algorithm + "\",\"expiresAt\":\"" + until + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm)).orElseThrow().expiresAt()).isEqualTo(until);
    }

    @Test
    void only_the_childs_owner_grants_and_only_to_a_parent_that_composes_the_child() {
        assertProblem(grant(carol, aData, algorithm, body(algorithm)), 403, "not-owner");
        assertProblem(grant(alice, aData, bData, body(bData)), 400, "not-a-child");
        assertProblem(grant(alice, aData, algorithm, "{\"parent\":\"" + algorithm + "\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"),
                400, "expiry-in-past");
        assertProblem(grant(alice, aData, algorithm, "{\"parent\":\"0x12\"}"), 400, "malformed-parent");
        assertProblem(grant(alice, newDt(), algorithm, body(algorithm)), 404, "unknown-asset");
        assertProblem(grant(alice, aData, newDt(), "{\"parent\":\"" + newDt() + "\"}"), 404, "unknown-asset");
        assertProblem(grant(stack.tokenOf("rita"), aData, algorithm, body(algorithm)), 403, "forbidden");
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm))).isEmpty();
    }

    @Test
    void only_a_live_grant_can_be_revoked_and_only_by_the_owner() {
        assertProblem(stack.delete(ASSETS + "/" + aData + "/grants/" + algorithm, alice), 409, "no-live-grant");
        grantOk(alice, aData, algorithm, 201);
        assertProblem(stack.delete(ASSETS + "/" + aData + "/grants/" + algorithm, bob), 403, "not-owner");
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm)).orElseThrow().revoked()).isFalse();
    }

    private static JsonNode tree(String dt) throws IOException {
        var response = stack.get("/verifier/api/v1/compositions/" + dt + "/authorizations", carol);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    private static boolean active(String dt) throws IOException {
        return Stack.JSON.readTree(stack.get(ASSETS + "/" + dt, carol).body()).get("active").asBoolean();
    }

    private static HttpResponse<String> grantOk(String token, String child, String parent, int status) {
        var response = grant(token, child, parent, body(parent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> grant(String token, String child, String parent, String json) {
        return stack.post(ASSETS + "/" + child + "/grants", token, JSON_TYPE, bytes(json));
    }

    private static String body(String parent) {
        return "{\"parent\":\"" + parent + "\"}";
    }
}
