package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracerClientTest {

    private static final String DT = "0x" + "ab".repeat(32);
    private static final String PARENT = "0x" + "cd".repeat(32);

    private final TestServer server = new TestServer();
    private final TracerClient tracer = new TracerClient(server.client("token"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsALineageWithItsEdgesOps() {
        server.reply(200, "application/json", """
                {"dt":"%s","direction":"up","depth":6,"truncated":false,
                 "token":{"dt":"%s","level":0,"owner":"bank-a","kind":"DATA"},
                 "tokens":[{"dt":"%s","level":0,"owner":"bank-a","kind":"DATA"},
                           {"dt":"%s","level":1,"owner":"fintech-c","kind":"ALGORITHM"}],
                 "edges":[{"parent":"%s","child":"%s","level":1,"grant":{"change":"GRANTED"},
                           "op":{"status":"KNOWN","opHash":"0x01","opName":"ss-share","opVersion":"1.0.0","params":{}}}],
                 "jobs":[]}""".formatted(DT, DT, DT, PARENT, PARENT, DT));

        Lineage lineage = tracer.lineage(DT, true, 6);

        assertThat(server.asked.getFirst().uri()).isEqualTo("/tracer/api/v1/lineage/" + DT + "?direction=up&depth=6");
        assertThat(lineage.isUp()).isTrue();
        assertThat(lineage.tokens()).extracting(LineageToken::owner).containsExactly("bank-a", "fintech-c");
        assertThat(lineage.edges().getFirst().op().isKnown()).isTrue();
        assertThat(lineage.edges().getFirst().op().opName()).isEqualTo("ss-share");
        assertThat(lineage.edges().getFirst().grant().change()).isEqualTo("GRANTED");
    }

    @Test
    void readsTheSignedInEndUsersOwnTokensWithTheirUses() {
        server.reply(200, "application/json", """
                {"organization":"vendor-a","endUser":"u1","tokens":[
                  {"dt":"%s","kind":"DATA","registeredBlock":42,"txHash":"0x%s","registeredAt":"2026-11-24T08:00:00Z",
                   "jobs":0},
                  {"dt":"%s","kind":"DATA","registeredBlock":7,"txHash":"0x%s","registeredAt":"2026-11-20T08:00:00Z",
                   "jobs":3,"lastUsedAt":"2026-11-23T09:30:00Z"}]}"""
                .formatted(PARENT, "01".repeat(32), DT, "02".repeat(32)));

        EndUserTokens mine = tracer.myTokens();

        assertThat(server.asked.getFirst().uri()).isEqualTo("/tracer/api/v1/end-users/me/tokens");
        assertThat(server.asked.getFirst().authorization()).isEqualTo("Bearer token");
        assertThat(mine.organization()).isEqualTo("vendor-a");
        assertThat(mine.endUser()).isEqualTo("u1");
        assertThat(mine.tokens())
                .extracting(OwnToken::dt, OwnToken::registeredBlock, OwnToken::jobs, OwnToken::lastUsedAt)
                .containsExactly(tuple(PARENT, 42L, 0, null), tuple(DT, 7L, 3, Instant.parse("2026-11-23T09:30:00Z")));
        assertThat(mine.tokens().getFirst().registeredAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void anEndUsersListWithoutTokensIsEmpty() {
        server.reply(200, "application/json", "{\"organization\":\"vendor-a\",\"endUser\":\"u2\"}");

        assertThat(tracer.myTokens().tokens()).isEmpty();
    }

    @Test
    void theTracersRefusalOfAnotherThanAnEndUserIsABackendProblem() {
        server.reply(403, "application/problem+json", """
                {"type":"https://datatoken.io/problems/end-user-required","title":"Forbidden","status":403,
                 "detail":"'victor' is no end user"}""");

        assertThatThrownBy(tracer::myTokens).isInstanceOfSatisfying(BackendProblem.class, problem ->
                assertThat(problem.detail()).hasValueSatisfying(d -> assertThat(d).contains("'victor' is no end user")));
    }

    @Test
    void theAuditFilterBecomesTheTracersParametersAndTheExportAsksForCsv() {
        server.reply(200, "application/json", "{\"entries\":[],\"next\":\"12-3\"}")
                .reply(200, "text/csv", "block,time\n1,2026-11-23T00:00:00Z\n");
        AuditQuery query = new AuditQuery("bank-a", "ReceiptRecorded", null, null,
                Instant.parse("2026-11-01T00:00:00Z"), null, 50);

        assertThat(tracer.audit(query, "20-1").next()).isEqualTo("12-3");
        assertThat(tracer.auditCsv(query)).startsWith("block,time");

        assertThat(server.asked.get(0).uri()).isEqualTo("/tracer/api/v1/audit?org=bank-a&event=ReceiptRecorded"
                + "&since=2026-11-01T00%3A00%3A00Z&limit=50&before=20-1");
        assertThat(server.asked.get(0).accept()).startsWith("application/json");
        // The export takes the whole filter at once: no JSON page size, no cursor.
        assertThat(server.asked.get(1).uri()).isEqualTo("/tracer/api/v1/audit?org=bank-a&event=ReceiptRecorded"
                + "&since=2026-11-01T00%3A00%3A00Z");
        assertThat(server.asked.get(1).accept()).startsWith("text/csv");
    }
}
