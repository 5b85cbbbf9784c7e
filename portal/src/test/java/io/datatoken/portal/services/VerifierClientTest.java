package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerifierClientTest {

    private static final String CHILD = "0x" + "ab".repeat(32);
    private static final String PARENT = "0x" + "cd".repeat(32);
    private static final String REPORT = """
            {"parent":"%s","composer":"fintech-c","verifiedAt":"2026-11-24T00:00:00Z","passed":%s,
             "children":[{"child":"%s","owner":"bank-a","op":"0x02","passed":%s,
                          "denials":[%s]}]}""";
    private static final String DENIAL = "{\"rule\":\"op-not-allowed\",\"offending\":\"0x02\",\"allowed\":\"0x03\","
            + "\"reason\":\"offer the op\"}";

    private final TestServer server = new TestServer();
    private final ServicesClient services = server.client("token");
    private final VerifierClient verifier = new VerifierClient(services);
    private final AssetClient assets = new AssetClient(services);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void verifiesACompositionAndReadsTheReport() {
        server.reply(200, "application/json", REPORT.formatted(PARENT, false, CHILD, false, DENIAL));

        VerificationReport report = verifier.verify(PARENT);

        assertThat(server.asked.getFirst().method()).isEqualTo("POST");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/verifier/api/v1/verifications");
        assertThat(server.asked.getFirst().body()).isEqualTo("{\"parent\":\"" + PARENT + "\"}");
        assertThat(report.passed()).isFalse();
        assertThat(report.children()).singleElement().satisfies(child -> {
            assertThat(child.owner()).isEqualTo("bank-a");
            assertThat(child.denials()).extracting(VerificationReport.Denial::allowed).containsExactly("0x03");
        });
    }

    @Test
    void verifiesADraftBySendingItsDdo() {
        server.reply(200, "application/json", REPORT.formatted(PARENT, true, CHILD, true, ""));
        var draft = ServicesClient.JSON.createObjectNode().put("dt", PARENT).put("kind", "ALGORITHM");

        VerificationReport report = verifier.verifyDraft(draft);

        assertThat(server.asked.getFirst().method()).isEqualTo("POST");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/verifier/api/v1/verifications/drafts");
        assertThat(server.asked.getFirst().body()).isEqualTo("{\"dt\":\"" + PARENT + "\",\"kind\":\"ALGORITHM\"}");
        assertThat(report.passed()).isTrue();
        assertThat(report.children()).extracting(VerificationReport.Child::child).containsExactly(CHILD);
    }

    @Test
    void aCompositionUsedAsIsComesWithoutAnOp() {
        server.reply(200, "application/json", """
                {"parent":"%s","composer":"medical-b","verifiedAt":"2026-11-24T00:00:00Z","passed":true,
                 "children":[{"child":"%s","owner":"vendor-a","asIs":true,"passed":true,"denials":[]}]}"""
                .formatted(PARENT, CHILD));

        VerificationReport report = verifier.verify(PARENT);

        assertThat(report.children()).singleElement().satisfies(child -> {
            assertThat(child.asIs()).isTrue();
            assertThat(child.op()).isNull();
        });
    }

    @Test
    void anAuthorizationAnswersItsVerificationAndARefusalCarriesTheWhyDeniedReport() {
        server.reply(201, "application/json", "{\"verification\":" + REPORT.formatted(PARENT, true, CHILD, true, "")
                        + ",\"grant\":{\"change\":\"GRANTED\"}}")
                .reply(409, "application/problem+json", "{\"type\":\"urn:x/terms-not-met\",\"status\":409,"
                        + "\"detail\":\"the terms are not met\",\"verification\":"
                        + REPORT.formatted(PARENT, false, CHILD, false, DENIAL) + "}");

        assertThat(verifier.authorize(CHILD, PARENT, null).passed()).isTrue();
        assertThat(server.asked.getFirst().uri()).isEqualTo("/verifier/api/v1/authorizations");
        assertThat(server.asked.getFirst().body()).contains("\"child\":\"" + CHILD + "\"", "\"parent\":\"" + PARENT + "\"")
                .doesNotContain("expiresAt");
        BackendProblem refused = catchThrowableOfType(BackendProblem.class, () -> verifier.authorize(CHILD, PARENT, null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(VerifierClient.whyDenied(refused)).hasValueSatisfying(report -> assertThat(report.children())
                .singleElement().satisfies(child -> assertThat(child.passed()).isFalse()));
    }

    @Test
    void aRevocationDeletesTheGrantOfTheAssetToTheComposition() {
        server.reply(200, "application/json", "{\"change\":\"REVOKED\"}");

        assertThat(assets.revokeGrant(CHILD, PARENT).path("change").asText()).isEqualTo("REVOKED");
        assertThat(server.asked.getFirst().method()).isEqualTo("DELETE");
        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/assets/" + CHILD + "/grants/" + PARENT);
    }
}
