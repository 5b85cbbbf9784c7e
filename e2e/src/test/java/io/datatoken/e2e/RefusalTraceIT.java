package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.contract;
import static io.datatoken.e2e.AssetWorld.opShare;
import static io.datatoken.e2e.AssetWorld.operator;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.NodeMessages;
import io.datatoken.chain.Web3jOrganizationLedger;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compute node reports every refusal it records to the tracer, signed by its own chain account, and
 * the tracer keeps it for the refused DT's owner: bank A's data shows the request bank A's node refused
 * (issue 5). The tracer takes a report from no one else.
 */
class RefusalTraceIT {

    private static final String REFUSALS = "/tracer/api/v1/refusals";

    private static String alice;
    private static String bob;
    private static String carol;
    private static String rita;

    @BeforeAll
    static void organizations_on_chain_and_ops() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
        bob = stack.tokenOf("bob");
        carol = stack.tokenOf("carol");
        rita = stack.tokenOf("rita");
    }

    @Test
    void a_request_bank_as_node_refused_shows_at_the_tracer_for_bank_as_data_under_the_nodes_id() throws IOException {
        AssetWorld.Composition composition = AssetWorld.twoBanksAndAnAlgorithm(alice, bob, carol);
        String job = submittedJob(composition.algorithm());
        JsonNode request = requestFor(job, composition.aData());

        JsonNode refused = assertProblem(stack.post(URI.create(stack.computeNode("bank-a") + "/v1/executions"), carol,
                JSON_TYPE, bytes(request.toString())), 409, "execution-refused");
        assertThat(refused.get("reasons")).extracting(JsonNode::asText).containsExactly("job-not-running");
        String id = trailId(job, request);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(refusalsOf(composition.aData(), alice))
                .anySatisfy(r -> {
                    assertThat(r.get("id").asText()).isEqualTo(id);
                    assertThat(r.get("organization").asText()).isEqualTo("bank-a");
                    assertThat(r.get("job").asText()).isEqualTo(job);
                    assertThat(r.get("dt").asText()).isEqualTo(composition.aData());
                    assertThat(r.get("op").asText()).isEqualTo(opShare);
                    assertThat(r.get("code").asText()).isEqualTo("job-not-running");
                    assertThat(r.get("detail").asText()).contains("job-not-running");
                }));
        JsonNode kept = refusalsOf(composition.aData(), rita).stream().filter(r -> r.get("id").asText().equals(id))
                .findFirst().orElseThrow();
        assertThat(new Web3jOrganizationLedger(operator, contract("OrganizationRegistry"))
                .organizationOf(ChainAddress.of(kept.get("signer").asText())))
                .as("signed by an account of bank-a: its node's").contains(OrganizationAlias.of("bank-a"));
        assertThat(refusalsOf(composition.aData(), bob)).as("another organization reads none of bank-a's").isEmpty();
    }

    @Test
    void the_tracer_takes_no_report_signed_by_anyone_but_the_owners_accounts_and_none_malformed() throws IOException {
        AssetWorld.Composition composition = AssetWorld.twoBanksAndAnAlgorithm(alice, bob, carol);
        String id = UUID.randomUUID().toString();
        String refusedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String text = String.join("\n", "datatoken-refusal/1", id, "", composition.aData(), "", "replayed",
                "0x" + AssetWorld.sha256(bytes("forged")), refusedAt);
        ObjectNode body = Stack.JSON.createObjectNode().put("id", id).put("dt", composition.aData())
                .put("code", "replayed").put("detail", "forged").put("refusedAt", refusedAt)
                .put("signature", NodeMessages.sign(text.getBytes(StandardCharsets.UTF_8),
                        ChainAccounts.generate().privateKey()));

        assertProblem(stack.post(REFUSALS, null, JSON_TYPE, bytes(body.toString())), 403, "not-an-account");
        assertProblem(stack.post(REFUSALS, null, JSON_TYPE, bytes(body.put("dt", "0x12").toString())), 400,
                "malformed-refusal");
        assertThat(refusalsOf(composition.aData(), rita)).isEmpty();
    }

    private static List<JsonNode> refusalsOf(String dt, String token) throws IOException {
        var answer = stack.get(REFUSALS + "?dt=" + dt, token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(Stack.JSON.readTree(answer.body()).spliterator(), false).toList();
    }

    /** The id bank-a's node gave the request in its audit trail: the refusal's id at the tracer. */
    private static String trailId(String job, JsonNode request) throws IOException {
        JsonNode trail = Stack.JSON.readTree(stack.get(URI.create(stack.computeNode("bank-a") + "/v1/executions?job="
                + job), rita).body());
        return StreamSupport.stream(trail.spliterator(), false)
                .filter(r -> r.get("nonce").asText().equals(request.get("nonce").asText()))
                .map(r -> r.get("id").asText()).findFirst().orElseThrow();
    }

    private static JsonNode requestFor(String job, String dt) throws IOException {
        var response = stack.post("/job/api/v1/jobs/" + job + "/execution-requests", carol, JSON_TYPE,
                bytes("{\"dt\":\"" + dt + "\",\"op\":\"" + opShare + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    /** A job submitted and never started: a node refuses its requests as job-not-running. */
    private static String submittedJob(String algorithm) throws IOException {
        var task = stack.post("/job/api/v1/tasks", carol, JSON_TYPE, bytes("{\"description\":\"refusals\"}"));
        String taskId = Stack.JSON.readTree(task.body()).get("taskId").asText();
        var submitted = stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, JSON_TYPE,
                bytes("{\"algorithm\":\"" + algorithm + "\"}"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return Stack.JSON.readTree(submitted.body()).get("jobId").asText();
    }
}
