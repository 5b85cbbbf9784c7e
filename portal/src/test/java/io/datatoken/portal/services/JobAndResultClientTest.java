package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobAndResultClientTest {

    private static final String JOB = "0xfc20358d45359603dd28ba940cb28612dd2408ab5ecd6bf12cc07941108822a6";
    private static final String JOB_JSON = """
            {"algorithm":"0x7768","detail":"ended as SUCCEEDED: every party's receipt is on chain","jobId":"%s",
             "owner":"fintech-c","state":"SUCCEEDED","submittedAt":"2026-11-23T23:58:25Z","taskId":"0x20db",
             "updatedAt":"2026-11-23T23:58:28Z","parties":[
              {"attempts":1,"detail":"accepted by the node","dt":"0x327e","node":"http://localhost:9181/compute/api",
               "op":"0xc6e4","owner":"bank-a","reasons":[],"state":"DONE","receipt":{"recordedAt":"2026-11-23T23:58:27Z",
               "recordedBy":"0xd183","resultHash":"0xcfcc"}},
              {"attempts":2,"detail":"asking","dt":"0x8cf9","node":null,"op":"0xcab0","owner":"bank-b","reasons":null,
               "state":"DISPATCHING","receipt":null}]}""".formatted(JOB);

    private final TestServer server = new TestServer();
    private final ServicesClient services = server.client("carol-token");
    private final JobClient jobs = new JobClient(services);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aJobIsReadWithEachPartysExecution() {
        server.reply(200, "application/json", JOB_JSON);

        JobDetails job = jobs.job(JOB);

        assertThat(server.asked.getFirst().uri()).isEqualTo("/job/api/v1/jobs/" + JOB);
        assertThat(job.state()).isEqualTo("SUCCEEDED");
        assertThat(job.summary().running()).isFalse();
        assertThat(job.parties()).extracting(JobDetails.Party::owner).containsExactly("bank-a", "bank-b");
        assertThat(job.parties().getFirst().receipt().resultHash()).isEqualTo("0xcfcc");
        assertThat(job.parties().get(1).reasons()).isEmpty();
        assertThat(job.parties().get(1).done()).isFalse();
    }

    @Test
    void tasksAreCreatedAndJobsSubmittedAuthorizedAndStartedAtTheJobServicesPaths() {
        server.reply(201, "application/json", """
                {"id":"b64d00d8-bae2-48a0-873f-ca67bef75850","taskId":"0x20db","initiator":"fintech-c",
                 "title":"risk","state":"OPEN","createdAt":"2026-11-23T23:58:25.98092Z"}""");
        String job = "{\"jobId\":\"0x01\",\"state\":\"%s\"}";
        server.reply(201, "application/json", job.formatted("SUBMITTED"))
                .reply(200, "application/json", job.formatted("AUTHORIZED"))
                .reply(200, "application/json", job.formatted("RUNNING"));

        assertThat(jobs.createTask(new NewTask("  risk ")).taskId()).isEqualTo("0x20db");
        assertThat(jobs.submit("0x20db", "0x7768").state()).isEqualTo("SUBMITTED");
        assertThat(jobs.authorize("0x01").state()).isEqualTo("AUTHORIZED");
        assertThat(jobs.start("0x01").state()).isEqualTo("RUNNING");

        assertThat(server.asked).extracting(TestServer.Asked::method, TestServer.Asked::uri, TestServer.Asked::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/job/api/v1/tasks", "{\"description\":\"risk\"}"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/job/api/v1/tasks/0x20db/jobs", "{\"algorithm\":\"0x7768\"}"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/job/api/v1/jobs/0x01/authorization", ""),
                        org.assertj.core.groups.Tuple.tuple("POST", "/job/api/v1/jobs/0x01/start", ""));
    }

    @Test
    void aRefusedStartCarriesTheJobServicesProblem() {
        server.reply(409, "application/problem+json", """
                {"type":"https://datatoken.io/problems/not-all-authorized","status":409,
                 "detail":"job 0x01: not every party below algorithm 0x7768 has authorized it"}""");

        assertThatThrownBy(() -> jobs.start("0x01")).isInstanceOfSatisfying(BackendProblem.class, problem -> {
            assertThat(problem.type()).contains("not-all-authorized");
            assertThat(problem.detail()).hasValueSatisfying(d -> assertThat(d).contains("not every party"));
        });
    }

    @Test
    void theResultIsFetchedFromTheAlgorithmsNodeWithTheUsersToken() {
        server.reply(200, "application/json", "{\"job\":\"" + JOB + "\",\"parts\":2,\"z\":[[1.5]]}");
        URI node = URI.create(server.url() + "/compute/api/");

        String result = new ResultClient(services, new AssetClient(services)).result(node, JOB);

        assertThat(result).contains("\"parts\":2");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/compute/api/v1/results/" + JOB);
        assertThat(server.asked.getFirst().authorization()).isEqualTo("Bearer carol-token");
    }

    @Test
    void aResultNotThereYetIsTheNodesProblem() {
        server.reply(404, "application/problem+json", "{\"type\":\"x/no-result-yet\",\"detail\":\"no result here yet\"}");

        assertThatThrownBy(() -> new ResultClient(services, new AssetClient(services)).result(server.url(), JOB))
                .isInstanceOfSatisfying(BackendProblem.class, problem -> assertThat(problem.service()).isEqualTo("compute"));
    }

    @Test
    void noTokenGoesToTheNodeOfAJobOfAnotherOrganization() {
        // no signed-in user here, so no job is "mine": the DDO is not even read
        Job job = new Job(JOB, "0x02", "0x" + "77".repeat(32), "fintech-c", "SUCCEEDED", null, null, "");

        assertThat(new ResultClient(services, new AssetClient(services)).nodeOf(job)).isEmpty();
        assertThat(server.asked).isEmpty();
    }

    @Test
    void theNodeIsTheFirstHttpEndpointOfTheAlgorithmsDdo() throws Exception {
        assertThat(ResultClient.nodeOf(ServicesClient.JSON.readTree("""
                {"services":[{"type":"compute"},{"endpoint":"http://localhost:9183/compute/api"},
                 {"endpoint":"http://elsewhere"}]}"""))).contains(URI.create("http://localhost:9183/compute/api"));
        assertThat(ResultClient.nodeOf(ServicesClient.JSON.readTree("{\"services\":[{\"endpoint\":\"file:/etc\"}]}")))
                .isEqualTo(Optional.empty());
        assertThat(ResultClient.nodeOf(ServicesClient.JSON.readTree("{\"services\":[]}"))).isEmpty();
    }

    @Test
    void aTaskDescriptionFollowsTheJobServicesRule() {
        assertThat(NewTask.isValidDescription("joint risk features")).isTrue();
        assertThat(NewTask.isValidDescription("x".repeat(NewTask.MAX_DESCRIPTION))).isTrue();
        assertThat(NewTask.isValidDescription("x".repeat(NewTask.MAX_DESCRIPTION + 1))).isFalse();
        assertThat(NewTask.isValidDescription("   ")).isFalse();
        assertThat(NewTask.isValidDescription(null)).isFalse();
        assertThatThrownBy(() -> new NewTask("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVerifierSaysWhatStillBlocksAComposition() {
        server.reply(200, "application/json", """
                {"active":false,"owner":"fintech-c","ownerActive":true,"dt":"0x54cd","blocking":[
                 {"blocking":true,"child":"0x37e0","childOwner":"bank-a","grant":"missing","ownerActive":true,"parent":"0x54cd"}],
                 "edges":[]}""");

        CompositionAuthorizations tree = new AuthorizationStatusClient(services).of("0x54cd");

        assertThat(server.asked.getFirst().uri()).isEqualTo("/verifier/api/v1/compositions/0x54cd/authorizations");
        assertThat(tree.active()).isFalse();
        assertThat(tree.blocking()).singleElement().satisfies(edge -> {
            assertThat(edge.childOwner()).isEqualTo("bank-a");
            assertThat(edge.grant()).isEqualTo("missing");
        });
    }
}
