package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.ASSETS;
import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.algorithmDdo;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.contract;
import static io.datatoken.e2e.AssetWorld.created;
import static io.datatoken.e2e.AssetWorld.dataDdo;
import static io.datatoken.e2e.AssetWorld.newDt;
import static io.datatoken.e2e.AssetWorld.opShare;
import static io.datatoken.e2e.AssetWorld.register;
import static io.datatoken.e2e.AssetWorld.operator;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.Eip712ExecutionRequests;
import io.datatoken.chain.Web3jOpLedger;
import io.datatoken.chain.Web3jOrganizationLedger;
import io.datatoken.domain.market.ExecutionRequest;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A party's compute node (each organization's is a server of its own) trusts nobody: it accepts a
 * signed execution request once, for a running job owned by the signer's organization, for its own
 * asset and the op the workflow sets; a replayed, expired, foreign or mismatched request is refused
 * with every reason and stays in the node's audit trail (scenario S4).
 */
class ExecutionRequestIT {

    private static final byte[] MANUAL = bytes("{\"dispatch\":\"manual\"}");

    private static String alice;
    private static String bob;
    private static String carol;

    private AssetWorld.Composition composition;
    private String job;

    @BeforeAll
    static void organizations_on_chain_and_ops() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
        bob = stack.tokenOf("bob");
        carol = stack.tokenOf("carol");
    }

    @BeforeEach
    void a_running_job() throws IOException {
        composition = AssetWorld.twoBanksAndAnAlgorithm(alice, bob, carol);
        grant(alice, composition.aData());
        grant(bob, composition.bData());
        job = submittedJob();
        assertThat(stack.post("/job/api/v1/jobs/" + job + "/authorization", carol, JSON_TYPE, new byte[0]).statusCode())
                .isEqualTo(200);
        // manual dispatch: these tests take the job's requests to the nodes themselves
        assertThat(stack.post("/job/api/v1/jobs/" + job + "/start", carol, JSON_TYPE, MANUAL).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_request_is_accepted_once_and_its_replay_refused_both_in_the_trail() throws IOException {
        JsonNode request = requestFor(job, composition.aData(), opShare);

        var accepted = execute(request);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Stack.JSON.readTree(accepted.body()).get("outcome").asText()).isEqualTo("ACCEPTED");

        JsonNode replay = assertProblem(execute(request), 409, "execution-refused");
        assertThat(replay.get("reasons")).extracting(JsonNode::asText).containsExactly("replayed");

        assertThat(trailOf("bank-a", request)).extracting(r -> r.get("outcome").asText())
                .containsExactlyInAnyOrder("ACCEPTED", "REFUSED");
    }

    @Test
    void a_grant_revoked_while_the_job_runs_stops_every_request_for_it_and_the_refusal_is_in_the_trail()
            throws IOException {
        JsonNode request = requestFor(job, composition.aData(), opShare);
        var revoked = stack.delete(ASSETS + "/" + composition.bData() + "/grants/" + composition.algorithm(), bob);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        assertThat(reasons(execute(request))).containsExactly("not-authorized");
        assertThat(trailOf("bank-a", request)).singleElement().satisfies(r -> {
            assertThat(r.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(r.get("reasons")).extracting(JsonNode::asText).containsExactly("not-authorized");
        });
    }

    @Test
    void another_partys_asset_an_unknown_op_or_a_job_not_running_is_refused() throws IOException {
        assertThat(reasons(execute(requestFor(job, composition.bData(), opShare)))).containsExactly("not-this-nodes-asset");
        assertThat(reasons(execute(requestFor(job, composition.aData(), newDt()))))
                .containsExactly("op-not-usable", "op-not-in-workflow");
        String waiting = submittedJob();
        assertThat(reasons(execute(requestFor(waiting, composition.aData(), opShare)))).containsExactly("job-not-running");
    }

    @Test
    void the_other_partys_own_node_accepts_the_request_for_its_asset_that_bank_as_refuses() throws IOException {
        JsonNode forBankB = requestFor(job, composition.bData(), opShare);

        assertThat(reasons(execute(forBankB))).containsExactly("not-this-nodes-asset");
        var accepted = execute("bank-b", forBankB);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Stack.JSON.readTree(accepted.body()).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(trailOf("bank-a", forBankB)).extracting(r -> r.get("outcome").asText()).containsExactly("REFUSED");
    }

    @Test
    void a_request_signed_by_another_organization_or_nobody_or_expired_is_refused() throws IOException {
        var stranger = ChainAccounts.generate();
        var account = ChainAccounts.generate();
        new Web3jOrganizationLedger(operator, contract("OrganizationRegistry")).register(
                OrganizationAlias.of("x-" + UUID.randomUUID().toString().substring(0, 8)), account.address(),
                Set.of(PlatformRole.DATA_USER));
        Instant soon = Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.SECONDS);

        assertThat(reasons(execute(signed(account.privateKey(), soon)))).containsExactly("wrong-organization");
        assertThat(reasons(execute(signed(stranger.privateKey(), soon)))).containsExactly("unknown-signer");
        assertThat(reasons(execute(signed(stranger.privateKey(), Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS)))))
                .containsExactly("expired", "unknown-signer");
        assertThat(reasons(execute(signed(account.privateKey(), soon.plusSeconds(3600))))).containsExactly("lives-too-long",
                "wrong-organization");
        assertProblem(stack.post(executions("bank-a"), carol, JSON_TYPE, bytes("{\"job\":\"" + job + "\"}")), 400,
                "malformed-request");
    }

    @Test
    void an_op_whose_stored_code_is_not_the_registered_code_is_refused() throws IOException {
        // Registered straight on chain: the hash of one package, the CID of another.
        // a fresh package each run, so the test also runs again on a stack that ran it before
        byte[] registered = bytes("print('the code the registry vouches for, " + UUID.randomUUID() + "')");
        OpHash forged = OpHash.sha256Of(registered);
        new Web3jOpLedger(operator, contract("OpRegistry")).publish(forged, "forged-" + UUID.randomUUID().toString()
                .substring(0, 8), "1.0.0", AssetWorld.ipfs.put(bytes("print('other code')")));
        String data = newDt();
        created(register(alice, dataDdo(data, "bank-a", "fintech-c").replace(opShare, forged.value())));
        String algorithm = newDt();
        created(register(carol, algorithmDdo(algorithm, "fintech-c", Map.of(data, forged.value(),
                composition.bData(), opShare))));
        grantTo(alice, data, algorithm);
        grantTo(bob, composition.bData(), algorithm);
        String forgedJob = submittedJob(algorithm);
        assertThat(stack.post("/job/api/v1/jobs/" + forgedJob + "/authorization", carol, JSON_TYPE, new byte[0])
                .statusCode()).isEqualTo(200);
        assertThat(stack.post("/job/api/v1/jobs/" + forgedJob + "/start", carol, JSON_TYPE, MANUAL).statusCode())
                .isEqualTo(200);

        assertThat(reasons(execute(requestFor(forgedJob, data, forged.value())))).containsExactly("op-code-mismatch");
    }

    private JsonNode signed(String privateKey, Instant expiresAt) {
        var request = new ExecutionRequest(JobId.of(job), DataTokenId.of(composition.aData()), OpHash.of(opShare), newDt(),
                expiresAt);
        var signed = new Eip712ExecutionRequests(31337, contract("TaskMarket")).sign(request, privateKey);
        ObjectNode body = Stack.JSON.createObjectNode();
        body.put("job", job).put("dt", composition.aData()).put("op", opShare).put("nonce", request.nonce())
                .put("expiresAt", expiresAt.toString()).put("signature", signed.signature());
        return body;
    }

    private static JsonNode requestFor(String job, String dt, String op) throws IOException {
        var response = stack.post("/job/api/v1/jobs/" + job + "/execution-requests", carol, JSON_TYPE,
                bytes("{\"dt\":\"" + dt + "\",\"op\":\"" + op + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    /** Sent to bank-a's node, which holds the composition's aData. */
    private static HttpResponse<String> execute(JsonNode request) {
        return execute("bank-a", request);
    }

    private static HttpResponse<String> execute(String node, JsonNode request) {
        return stack.post(executions(node), carol, JSON_TYPE, bytes(request.toString()));
    }

    /**
     * The node's audit trail of the job, for this request's nonce only: the job service's own
     * requests for the job (it dispatches it when it starts) are in the trail too.
     */
    private List<JsonNode> trailOf(String organization, JsonNode request) throws IOException {
        JsonNode trail = Stack.JSON.readTree(stack.get(URI.create(executions(organization) + "?job=" + job),
                stack.tokenOf("rita")).body());
        return StreamSupport.stream(trail.spliterator(), false)
                .filter(r -> r.get("nonce").asText().equals(request.get("nonce").asText())).toList();
    }

    private static URI executions(String organization) {
        return URI.create(stack.computeNode(organization) + "/v1/executions");
    }

    private static List<String> reasons(HttpResponse<String> response) throws IOException {
        JsonNode problem = assertProblem(response, 409, "execution-refused");
        return StreamSupport.stream(problem.get("reasons").spliterator(), false).map(JsonNode::asText)
                .toList();
    }

    private String submittedJob() throws IOException {
        return submittedJob(composition.algorithm());
    }

    private String submittedJob(String algorithm) throws IOException {
        var task = stack.post("/job/api/v1/tasks", carol, JSON_TYPE, bytes("{\"description\":\"risk\"}"));
        String taskId = Stack.JSON.readTree(task.body()).get("taskId").asText();
        var submitted = stack.post("/job/api/v1/tasks/" + taskId + "/jobs", carol, JSON_TYPE,
                bytes("{\"algorithm\":\"" + algorithm + "\"}"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return Stack.JSON.readTree(submitted.body()).get("jobId").asText();
    }

    private void grant(String token, String child) {
        grantTo(token, child, composition.algorithm());
    }

    private static void grantTo(String token, String child, String parent) {
        var response = stack.post(ASSETS + "/" + child + "/grants", token, JSON_TYPE,
                bytes("{\"parent\":\"" + parent + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
