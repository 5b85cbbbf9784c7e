package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.security.AccessTokens;
import io.datatoken.portal.security.SignInExpiredException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicesClientTest {

    private static final String ASSET_JSON = """
            [{"children":[],"ddoCid":"bafkreiaj","description":"loan book of bank-b","dt":"0xab22",
              "kind":"DATA","owner":"bank-b","proof":"0x09f5","registeredAt":"2026-11-23T22:26:04.45673Z",
              "registrationTx":"0xd6fe","supportedOps":["0xfc1c"],"title":"Loans","unknownLater":1}]""";

    private final TestServer server = new TestServer();
    private final CountingTokens tokens = new CountingTokens();
    private final AssetClient assets = new AssetClient(new ServicesClient(server.url(), tokens));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callsWithTheUsersTokenAsksForJsonAndReadsTheAnswer() {
        server.reply(200, "application/json", ASSET_JSON);

        List<Asset> found = assets.catalog(new CatalogQuery("loan book 银行", AssetKind.DATA, "bank-b", 20, 40));

        assertThat(found).singleElement().satisfies(asset -> {
            assertThat(asset.title()).isEqualTo("Loans");
            assertThat(asset.assetKind()).contains(AssetKind.DATA);
            assertThat(asset.supportedOps()).containsExactly("0xfc1c");
            assertThat(asset.registeredAt()).isEqualTo(OffsetDateTime.of(2026, 11, 23, 22, 26, 4, 456730000, ZoneOffset.UTC));
        });
        TestServer.Asked asked = server.asked.getFirst();
        assertThat(asked.method()).isEqualTo("GET");
        assertThat(asked.uri()).isEqualTo("/asset/api/v1/assets/catalog?q=loan+book+%E9%93%B6%E8%A1%8C&kind=DATA"
                + "&owner=bank-b&limit=20&offset=40");
        assertThat(asked.authorization()).isEqualTo("Bearer token-1");
        assertThat(asked.accept()).contains("application/json");
    }

    @Test
    void aProblemReportBecomesABackendProblemWithItsDetail() {
        server.reply(400, "application/problem+json", """
                {"type":"https://datatoken.io/problems/malformed-kind","title":"Bad Request","status":400,
                 "detail":"unknown kind 'FOO'; one of [DATA, COMPUTE, ALGORITHM]","instance":"/asset/api/v1/assets/catalog"}""");

        BackendProblem problem = catchThrowableOfType(BackendProblem.class, () -> assets.catalog(CatalogQuery.everything()));

        assertThat(problem.reason()).isEqualTo(BackendProblem.Reason.REFUSED);
        assertThat(problem.service()).isEqualTo("asset");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).contains("malformed-kind");
        assertThat(problem.detail()).contains("unknown kind 'FOO'; one of [DATA, COMPUTE, ALGORITHM]");
        assertThat(problem.getMessage()).isEqualTo(problem.detail().orElseThrow());
        assertThat(problem.getStackTrace()).as("a refusal is an answer, not a failure to trace").isEmpty();
    }

    @Test
    void extensionMembersOfTheReportStayReadable() {
        server.reply(409, "application/problem+json", """
                {"type":"https://datatoken.io/problems/terms-not-met","status":409,"detail":"terms not met",
                 "verification":{"passed":false,"children":[{"child":"0x32","passed":false}]}}""");

        BackendProblem problem = catchThrowableOfType(BackendProblem.class, () -> assets.mine());

        assertThat(problem.report().path("verification").path("passed").asBoolean(true)).isFalse();
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        server.reply(401, "application/problem+json", "{\"status\":401,\"detail\":\"token expired\"}")
                .reply(200, "application/json", "[]");

        assertThat(assets.mine()).isEmpty();

        assertThat(server.asked).extracting(TestServer.Asked::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aSecondRefusalIsTheServicesAnswer() {
        server.reply(401, "application/problem+json", "{\"status\":401,\"detail\":\"no valid token\"}")
                .reply(401, "application/problem+json", "{\"status\":401,\"detail\":\"no valid token\"}");

        BackendProblem problem = catchThrowableOfType(BackendProblem.class, () -> assets.mine());

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.detail()).contains("no valid token");
        assertThat(server.asked).hasSize(2);
    }

    @Test
    void anAnswerThatIsNoProblemReportSaysWhichServiceAndStatus() {
        server.reply(502, "text/html", "<html><body>Proxy Error</body></html>");

        BackendProblem problem = catchThrowableOfType(BackendProblem.class,
                () -> new TracerClient(new ServicesClient(server.url(), tokens)).recentEvents(10));

        assertThat(problem.reason()).isEqualTo(BackendProblem.Reason.UNEXPECTED_ANSWER);
        assertThat(problem.service()).isEqualTo("tracer");
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.detail()).isEmpty();
    }

    @Test
    void unreadableJsonIsAnUnexpectedAnswer() {
        server.reply(200, "application/json", "{not json");

        BackendProblem problem = catchThrowableOfType(BackendProblem.class, () -> assets.mine());

        assertThat(problem.reason()).isEqualTo(BackendProblem.Reason.UNEXPECTED_ANSWER);
    }

    @Test
    void aServiceThatDoesNotAnswerIsUnreachable() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        BackendProblem problem = catchThrowableOfType(BackendProblem.class,
                () -> new JobClient(new ServicesClient(closed, tokens)).mine());

        assertThat(problem.reason()).isEqualTo(BackendProblem.Reason.UNREACHABLE);
        assertThat(problem.service()).isEqualTo("job");
    }

    @Test
    void anExpiredSignInIsAProblemToSignInAgain() {
        AccessTokens expired = new AccessTokens() {
            @Override
            public String current() {
                throw new SignInExpiredException("the sign-in has expired", null);
            }

            @Override
            public String renewed() {
                return current();
            }
        };

        BackendProblem problem = catchThrowableOfType(BackendProblem.class,
                () -> new AssetClient(new ServicesClient(server.url(), expired)).mine());

        assertThat(problem.reason()).isEqualTo(BackendProblem.Reason.SIGN_IN_EXPIRED);
        assertThat(server.asked).isEmpty();
    }

    @Test
    void readsTheAudit() {
        server.reply(200, "application/json", """
                {"entries":[{"at":"2026-11-23T23:02:25Z","block":161,"contract":"TaskMarket","event":"JobStateChanged",
                  "fields":{"to":"4","jobId":"0x69f4"},"logIndex":0,"sender":"0xe54f","senderOrganization":"fintech-c",
                  "subjects":[{"organization":"fintech-c","relation":"ACTOR"}],"txHash":"0x2208"}],"next":"160-0"}""");

        AuditPage page = new TracerClient(new ServicesClient(server.url(), tokens)).recentEvents(10);

        assertThat(page.next()).isEqualTo("160-0");
        assertThat(page.entries()).singleElement().satisfies(e -> {
            assertThat(e.block()).isEqualTo(161);
            assertThat(e.event()).isEqualTo("JobStateChanged");
            assertThat(e.fields()).containsEntry("jobId", "0x69f4");
            assertThat(e.subjects()).containsExactly(new AuditEntry.Subject("fintech-c", "ACTOR"));
        });
        assertThat(server.asked.getFirst().uri()).isEqualTo("/tracer/api/v1/audit?limit=10");
    }

    @Test
    void readsTheVerifiedDdoWithTheCidAndProofTheChainRecords() {
        server.reply(200, "application/json", "{\"dt\":\"0xab22\",\"services\":[{\"type\":\"compute-to-data\","
                + "\"terms\":{\"purpose\":\"joint risk features\"}}],\"title\":\"Loans\"}",
                Map.of("X-DataToken-CID", "bafkreiaj", "X-DataToken-Proof", "0x09f5"));

        VerifiedDdo ddo = assets.ddo("0xab22");

        assertThat(ddo.cid()).isEqualTo("bafkreiaj");
        assertThat(ddo.proof()).isEqualTo("0x09f5");
        assertThat(ddo.services()).singleElement()
                .satisfies(service -> assertThat(service.path("terms").path("purpose").asText()).isEqualTo("joint risk features"));
        assertThat(ddo.pretty()).contains("\n").contains("\"title\" : \"Loans\"");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/assets/0xab22/ddo");
    }

    @Test
    void pathsNameTheirService() {
        assertThat(ServicesClient.serviceOf("/verifier/api/v1/verifications")).isEqualTo("verifier");
        assertThat(ServicesClient.serviceOf("/asset")).isEqualTo("asset");
    }

    /** Hands out token-1, then token-2, … on each renewal. */
    private static final class CountingTokens implements AccessTokens {
        private int issued = 1;

        @Override
        public String current() {
            return "token-" + issued;
        }

        @Override
        public String renewed() {
            issued++;
            return current();
        }
    }
}
