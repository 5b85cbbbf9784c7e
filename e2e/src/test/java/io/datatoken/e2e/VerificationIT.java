package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.ASSETS;
import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.algorithmDdo;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.chain;
import static io.datatoken.e2e.AssetWorld.created;
import static io.datatoken.e2e.AssetWorld.dataDdo;
import static io.datatoken.e2e.AssetWorld.newDt;
import static io.datatoken.e2e.AssetWorld.opShare;
import static io.datatoken.e2e.AssetWorld.register;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier checks a composition against every child's terms, read from the chain and the
 * content store, and reports why it is denied; an owner's authorization goes on chain only when
 * its child's verdict passes.
 */
class VerificationIT {

    private static final String VERIFICATIONS = "/verifier/api/v1/verifications";
    private static final String AUTHORIZATIONS = "/verifier/api/v1/authorizations";

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
    void a_composition_within_its_childrens_terms_passes_and_each_owner_authorizes_it() throws IOException {
        JsonNode report = verify(carol, algorithm);

        assertThat(report.get("passed").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("composer").asText()).isEqualTo("fintech-c");
        assertThat(report.get("children")).extracting(c -> c.get("child").asText()).containsExactlyInAnyOrder(aData, bData);
        assertThat(report.get("children")).allSatisfy(c -> assertThat(c.get("op").asText()).isEqualTo(opShare));

        var byAlice = authorize(alice, aData, algorithm);
        assertThat(byAlice.statusCode()).as(byAlice.body()).isEqualTo(201);
        assertThat(Stack.JSON.readTree(byAlice.body()).at("/grant/grantTx").asText()).matches("0x[0-9a-f]{64}");
        assertThat(authorize(bob, bData, algorithm).statusCode()).isEqualTo(201);
        assertThat(chain.isActive(DataTokenId.of(algorithm))).isTrue();
        assertThat(authorize(bob, bData, algorithm).statusCode()).isEqualTo(200);
    }

    @Test
    void terms_changed_after_composing_deny_it_with_the_child_rule_and_value_and_nothing_is_granted() throws IOException {
        // bank-a now offers its data to bank-b only, for another purpose.
        String narrowed = dataDdo(aData, "bank-a", "bank-b").replace("joint risk features", "fraud detection");
        assertThat(stack.put(ASSETS + "/" + aData + "/ddo", alice, JSON_TYPE, bytes(narrowed)).statusCode()).isEqualTo(200);

        JsonNode report = verify(bob, algorithm);

        assertThat(report.get("passed").asBoolean()).isFalse();
        JsonNode verdict = verdictOn(report, aData);
        assertThat(verdict.get("passed").asBoolean()).isFalse();
        assertThat(verdict.get("denials")).extracting(d -> d.get("rule").asText())
                .containsExactly("consumer-organization", "purpose");
        assertThat(verdict.get("denials").get(0).get("offending").asText()).isEqualTo("fintech-c");
        assertThat(verdict.get("denials").get(0).get("allowed").asText()).isEqualTo("bank-b");
        assertThat(verdict.get("denials").get(1).get("allowed").asText()).isEqualTo("fraud detection");
        assertThat(verdictOn(report, bData).get("passed").asBoolean()).isTrue();

        JsonNode refused = assertProblem(authorize(alice, aData, algorithm), 409, "terms-not-met");
        assertThat(verdictOn(refused.get("verification"), aData).get("denials")).hasSize(2);
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm))).isEmpty();
    }

    @Test
    void a_workflow_parameter_beyond_a_childs_limit_is_denied() throws IOException {
        String greedy = newDt();
        created(register(carol, algorithmDdo(greedy, "fintech-c", Map.of(aData, opShare, bData, opShare))
                .replace("\"configs\":{\"rounds\":\"1\"}", "\"configs\":{\"rounds\":\"1\",\"rows\":\"5000000\"}")));

        JsonNode report = verify(carol, greedy);

        assertThat(verdictOn(report, aData).get("denials")).singleElement().satisfies(d -> {
            assertThat(d.get("rule").asText()).isEqualTo("op-parameter");
            assertThat(d.get("offending").asText()).isEqualTo("rows=5000000");
            assertThat(d.get("allowed").asText()).isEqualTo("rows <= 100000");
        });
    }

    @Test
    void only_the_childs_owner_authorizes_and_bad_requests_are_refused() {
        assertProblem(authorize(carol, aData, algorithm), 403, "not-owner");
        assertProblem(authorize(alice, aData, bData), 400, "not-a-composition");
        assertProblem(stack.post(VERIFICATIONS, carol, JSON_TYPE, bytes("{\"parent\":\"" + newDt() + "\"}")), 404,
                "unknown-asset");
        assertProblem(stack.post(VERIFICATIONS, carol, JSON_TYPE, bytes("{\"parent\":\"nope\"}")), 400, "malformed-parent");
        assertProblem(stack.post(AUTHORIZATIONS, stack.tokenOf("rita"), JSON_TYPE,
                bytes("{\"child\":\"" + aData + "\",\"parent\":\"" + algorithm + "\"}")), 403, "forbidden");
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm))).isEmpty();
    }

    @Test
    void owners_who_opted_in_authorize_compositions_within_their_terms_without_acting() throws IOException {
        autoAuthorize(bob, bData, true);

        JsonNode first = requestAuthorization(carol, algorithm);

        assertThat(outcomeOf(first, aData).get("status").asText()).isEqualTo("awaiting-owner");
        assertThat(outcomeOf(first, bData).get("status").asText()).isEqualTo("granted");
        assertThat(outcomeOf(first, bData).at("/grant/grantedBy").asText()).isEqualTo("bank-b");
        assertThat(chain.grantOf(DataTokenId.of(bData), DataTokenId.of(algorithm))).isPresent();
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm))).isEmpty();
        assertThat(chain.isActive(DataTokenId.of(algorithm))).isFalse();

        autoAuthorize(alice, aData, true);
        JsonNode second = requestAuthorization(carol, algorithm);

        assertThat(outcomeOf(second, aData).get("status").asText()).isEqualTo("granted");
        assertThat(outcomeOf(second, bData).get("status").asText()).isEqualTo("already-granted");
        assertThat(chain.isActive(DataTokenId.of(algorithm))).isTrue();
    }

    @Test
    void an_opted_in_child_whose_terms_are_not_met_is_denied_with_the_rules_broken() throws IOException {
        String narrowed = dataDdo(aData, "bank-a", "bank-b");
        assertThat(stack.put(ASSETS + "/" + aData + "/ddo", alice, JSON_TYPE, bytes(narrowed)).statusCode()).isEqualTo(200);
        autoAuthorize(alice, aData, true);

        JsonNode outcomes = requestAuthorization(carol, algorithm);

        assertThat(outcomeOf(outcomes, aData).get("status").asText()).isEqualTo("denied");
        assertThat(outcomeOf(outcomes, aData).get("brokenRules")).extracting(JsonNode::asText)
                .containsExactly("consumer-organization");
        assertThat(chain.grantOf(DataTokenId.of(aData), DataTokenId.of(algorithm))).isEmpty();
    }

    @Test
    void only_owners_opt_in_and_only_the_composer_requests() throws IOException {
        assertProblem(stack.put(ASSETS + "/" + aData + "/auto-authorization", bob, JSON_TYPE, bytes("{\"enabled\":true}")),
                403, "not-owner");
        assertThat(Stack.JSON.readTree(stack.get(ASSETS + "/" + aData + "/auto-authorization", carol).body())
                .get("enabled").asBoolean()).isFalse();
        assertProblem(stack.post(ASSETS + "/" + algorithm + "/authorization-requests", alice, JSON_TYPE, new byte[0]),
                403, "not-owner");
    }

    private static void autoAuthorize(String token, String dt, boolean enabled) throws IOException {
        var response = stack.put(ASSETS + "/" + dt + "/auto-authorization", token, JSON_TYPE,
                bytes("{\"enabled\":" + enabled + "}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(response.body()).get("enabled").asBoolean()).isEqualTo(enabled);
    }

    private static JsonNode requestAuthorization(String token, String parent) throws IOException {
        var response = stack.post(ASSETS + "/" + parent + "/authorization-requests", token, JSON_TYPE, new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    private static JsonNode outcomeOf(JsonNode outcomes, String child) {
        for (JsonNode outcome : outcomes) {
            if (outcome.get("child").asText().equals(child)) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + child + " in " + outcomes);
    }

    private static JsonNode verify(String token, String parent) throws IOException {
        var response = stack.post(VERIFICATIONS, token, JSON_TYPE, bytes("{\"parent\":\"" + parent + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    private static HttpResponse<String> authorize(String token, String child, String parent) {
        return stack.post(AUTHORIZATIONS, token, JSON_TYPE,
                bytes("{\"child\":\"" + child + "\",\"parent\":\"" + parent + "\"}"));
    }

    private static JsonNode verdictOn(JsonNode report, String child) {
        for (JsonNode verdict : report.get("children")) {
            if (verdict.get("child").asText().equals(child)) {
                return verdict;
            }
        }
        throw new AssertionError("no verdict on " + child + " in " + report);
    }
}
