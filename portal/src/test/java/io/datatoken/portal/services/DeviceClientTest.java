package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceClientTest {

    private static final String DT = "0x" + "ab".repeat(32);
    private static final String PARENT = "0x" + "cd".repeat(32);
    private static final String TX = "0x" + "ef".repeat(32);

    private final TestServer server = new TestServer();
    private final ServicesClient services = server.client("token");
    private final DeviceClient devices = new DeviceClient(services, new AssetClient(services));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDeviceIsTheFirstEndpointOfTheTokensDdo() {
        server.reply(200, "application/json", """
                {"dt":"%s","kind":"DATA","owner":"vendor-a","services":[
                  {"type":"compute-to-data","endpoint":"http://127.0.0.1:9191/compute/api"},
                  {"type":"other","endpoint":"http://elsewhere"}]}""".formatted(DT));

        assertThat(devices.deviceOf(DT)).contains(URI.create("http://127.0.0.1:9191/compute/api"));
        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/assets/" + DT + "/ddo");
        assertThat(server.asked.getFirst().authorization()).isEqualTo("Bearer token");
    }

    @Test
    void aDdoWithoutAnHttpEndpointNamesNoDevice() {
        server.reply(200, "application/json", """
                {"dt":"%s","kind":"DATA","owner":"vendor-a","services":[{"type":"compute-to-data",
                 "endpoint":"file:///etc"}]}""".formatted(DT));

        assertThat(devices.deviceOf(DT)).isEmpty();
    }

    @Test
    void aConsentIsPostedToTheDevicesConsentsWithTheUsersToken() {
        server.reply(201, "application/json", """
                {"child":"%s","parent":"%s","tx":"%s","verdict":{"child":"%s","op":"0x01","passed":true,"denials":[]}}"""
                .formatted(DT, PARENT, TX, DT));

        DeviceClient.Consent consent = devices.consent(URI.create(server.url() + "/compute/api/"), DT, PARENT,
                Optional.empty());

        TestServer.Asked asked = server.asked.getFirst();
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.uri()).isEqualTo("/compute/api/v1/device/consents");
        assertThat(asked.authorization()).isEqualTo("Bearer token");
        assertThat(asked.body()).contains("\"child\":\"" + DT + "\"", "\"parent\":\"" + PARENT + "\"")
                .doesNotContain("expiresAt");
        assertThat(consent.tx()).isEqualTo(TX);
        assertThat(consent.expiresAt()).isNull();
        assertThat(consent.verdict().passed()).isTrue();
    }

    @Test
    void aConsentUntilADateSendsItsExpiry() {
        server.reply(201, "application/json", """
                {"child":"%s","parent":"%s","expiresAt":"2027-01-01T00:00:00Z","tx":"%s",
                 "verdict":{"child":"%s","op":"0x01","passed":true,"denials":[]}}""".formatted(DT, PARENT, TX, DT));

        DeviceClient.Consent consent = devices.consent(server.url(), DT, PARENT,
                Optional.of(java.time.Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(server.asked.getFirst().body()).contains("\"expiresAt\":\"2027-01-01T00:00:00Z\"");
        assertThat(consent.expiresAt()).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void aWithdrawalDeletesTheConsentOfTheTokenToTheComposition() {
        server.reply(200, "application/json", "{\"child\":\"%s\",\"parent\":\"%s\",\"tx\":\"%s\"}"
                .formatted(DT, PARENT, TX));

        DeviceClient.Withdrawal withdrawal = devices.withdraw(URI.create(server.url() + "/compute/api"), DT, PARENT);

        assertThat(server.asked.getFirst().method()).isEqualTo("DELETE");
        assertThat(server.asked.getFirst().uri())
                .isEqualTo("/compute/api/v1/device/consents?child=" + DT + "&parent=" + PARENT);
        assertThat(withdrawal.tx()).isEqualTo(TX);
    }

    @Test
    void theDevicesRefusalByTheTermsCarriesItsVerdict() {
        server.reply(409, "application/problem+json", """
                {"type":"https://datatoken.io/problems/terms-not-met","status":409,
                 "detail":"the composition breaks your terms",
                 "verdict":{"child":"%s","op":"0x01","passed":false,"denials":[
                   {"rule":"purpose","offending":"advertising","allowed":"heart health research",
                    "reason":"state the purpose the child's terms agree to in the composition's terms"}]}}"""
                .formatted(DT));

        assertThatThrownBy(() -> devices.consent(server.url(), DT, PARENT, Optional.empty())).isInstanceOfSatisfying(BackendProblem.class,
                problem -> {
                    assertThat(problem.service()).isEqualTo("compute");
                    assertThat(problem.type()).contains("terms-not-met");
                    assertThat(DeviceClient.verdictOf(problem)).hasValueSatisfying(verdict -> {
                        assertThat(verdict.passed()).isFalse();
                        assertThat(verdict.denials()).extracting(VerificationReport.Denial::rule,
                                VerificationReport.Denial::offending, VerificationReport.Denial::allowed)
                                .containsExactly(tuple("purpose", "advertising", "heart health research"));
                    });
                });
    }

    @Test
    void aRefusalWithoutAVerdictHasNone() {
        server.reply(404, "application/problem+json", """
                {"type":"https://datatoken.io/problems/no-consent","status":404,"detail":"no live consent"}""");

        assertThatThrownBy(() -> devices.withdraw(server.url(), DT, PARENT)).isInstanceOfSatisfying(BackendProblem.class,
                problem -> assertThat(DeviceClient.verdictOf(problem)).isEmpty());
    }
}
