package io.datatoken.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.services.NewDatasetBinding.Kind;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatasetClientTest {

    private static final String DT = "0x" + "ab".repeat(32);

    private final TestServer server = new TestServer();
    private final ServicesClient services = server.client("alice-token");
    private final DatasetClient datasets = new DatasetClient(services, new AssetClient(services));
    private final Asset loans = new Asset(DT, "bank-a", "DATA", "Loans", null, null, null, null, null, null, null, null);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDatasetIsBoundAtTheNodeWithTheUsersTokenAndOnlyTheFieldsGiven() {
        server.reply(201, "application/json", """
                {"dt":"%s","owner":"bank-a","sourceKind":"CSV","boundAt":"2026-11-24T01:02:03.123456Z"}""".formatted(DT));
        OwnNode node = new OwnNode(URI.create(server.url() + "/compute/api/"));

        BoundDataset bound = datasets.bind(node, new NewDatasetBinding(DT, Kind.CSV, " loans.csv ", " "));

        assertThat(bound.sourceKind()).isEqualTo("CSV");
        assertThat(bound.boundAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T01:02:03.123456Z"));
        TestServer.Asked asked = server.asked.getFirst();
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.uri()).isEqualTo("/compute/api/v1/datasets");
        assertThat(asked.authorization()).isEqualTo("Bearer alice-token");
        assertThat(asked.body()).isEqualTo("{\"dt\":\"" + DT + "\",\"kind\":\"CSV\",\"location\":\"loans.csv\"}");
    }

    @Test
    void weightsGoAlongWhenGiven() {
        server.reply(201, "application/json", "{\"dt\":\"" + DT + "\",\"sourceKind\":\"JDBC\"}");

        datasets.bind(new OwnNode(server.url()), new NewDatasetBinding(DT, Kind.JDBC, "risk.loans", "risk.w_a"));

        assertThat(server.asked.getFirst().body())
                .isEqualTo("{\"dt\":\"" + DT + "\",\"kind\":\"JDBC\",\"location\":\"risk.loans\",\"weights\":\"risk.w_a\"}");
    }

    @Test
    void theNodesRefusalCarriesItsProblem() {
        server.reply(400, "application/problem+json", """
                {"type":"https://datatoken.io/problems/invalid-input","status":400,
                 "detail":"no readable file 'gone.csv' in the node's datasets directory"}""");

        assertThatThrownBy(() -> datasets.bind(new OwnNode(server.url()), new NewDatasetBinding(DT, Kind.CSV, "gone.csv", null)))
                .isInstanceOfSatisfying(BackendProblem.class, problem -> {
                    assertThat(problem.service()).isEqualTo("compute");
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).hasValueSatisfying(d -> assertThat(d).contains("gone.csv"));
                });
    }

    @Test
    void theNodeListsWhatItBoundForTheOrganization() {
        server.reply(200, "application/json", """
                [{"dt":"%s","owner":"bank-a","sourceKind":"CSV","boundAt":"2026-11-24T01:02:03Z"},
                 {"dt":"0x01","owner":"bank-a","sourceKind":"JDBC","boundAt":"2026-11-23T01:02:03Z"}]""".formatted(DT));

        assertThat(datasets.bound(new OwnNode(URI.create(server.url() + "/compute/api"))))
                .extracting(BoundDataset::dt, BoundDataset::sourceKind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DT, "CSV"), org.assertj.core.groups.Tuple.tuple("0x01", "JDBC"));
        assertThat(server.asked.getFirst().uri()).isEqualTo("/compute/api/v1/datasets");
        assertThat(server.asked.getFirst().authorization()).isEqualTo("Bearer alice-token");
    }

    @Test
    void theNodeIsTheFirstHttpEndpointOfTheDdoOfAnAssetOfMyOrganization() {
        server.reply(200, "application/json", """
                {"dt":"%s","owner":"bank-a","services":[{"type":"compute-to-data","endpoint":"http://localhost:9181/compute/api"}]}"""
                .formatted(DT));

        assertThat(datasets.nodeOf(loans, Optional.of("bank-a"))).map(OwnNode::url)
                .contains(URI.create("http://localhost:9181/compute/api"));
        assertThat(server.asked.getFirst().uri()).isEqualTo("/asset/api/v1/assets/" + DT + "/ddo");
    }

    @Test
    void noTokenGoesToTheNodeOfAnotherOrganizationsAsset() {
        // not even the DDO is read for an asset another organization owns, or without a signed-in organization
        assertThat(datasets.nodeOf(loans, Optional.of("bank-b"))).isEmpty();
        assertThat(datasets.nodeOf(loans, Optional.empty())).isEmpty();
        assertThat(server.asked).isEmpty();
        assertThat(datasets.nodeOf(loans)).as("no signed-in user here").isEmpty();

        // an asset record that claims to be mine while its proven DDO names another owner
        server.reply(200, "application/json", """
                {"dt":"%s","owner":"bank-b","services":[{"endpoint":"http://localhost:9182/compute/api"}]}""".formatted(DT));
        assertThat(datasets.nodeOf(loans, Optional.of("bank-a"))).isEmpty();

        server.reply(200, "application/json", """
                {"dt":"%s","owner":"bank-a","services":[{"endpoint":"file:/etc/passwd"}]}""".formatted(DT));
        assertThat(datasets.nodeOf(loans, Optional.of("bank-a"))).isEmpty();
    }

    @Test
    void aLocationFollowsTheNodesRulesForItsKind() {
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "loans.csv")).isTrue();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "2026/q3/贷款.csv")).isTrue();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "  ")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, null)).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "/etc/passwd")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "../secrets/db-password")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "a\\..\\..\\b.csv")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "C:\\data.csv")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.CSV, "x".repeat(NewDatasetBinding.MAX_LOCATION + 1))).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.JDBC, "loans")).isTrue();
        assertThat(NewDatasetBinding.isValidLocation(Kind.JDBC, "risk.loans_2026")).isTrue();
        assertThat(NewDatasetBinding.isValidLocation(Kind.JDBC, "Risk.Loans")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.JDBC, "loans; drop table x")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(Kind.JDBC, "loans.csv.x")).isFalse();
        assertThat(NewDatasetBinding.isValidLocation(null, "loans.csv")).isFalse();
    }

    @Test
    void weightsAreOptionalAndOnlyForDataAssets() {
        assertThat(NewDatasetBinding.isValidWeights(Kind.CSV, "")).isTrue();
        assertThat(NewDatasetBinding.isValidWeights(Kind.CSV, null)).isTrue();
        assertThat(NewDatasetBinding.isValidWeights(Kind.CSV, "w-a.csv")).isTrue();
        assertThat(NewDatasetBinding.isValidWeights(Kind.JDBC, "w-a.csv")).isFalse();
        assertThat(NewDatasetBinding.takesWeights(AssetKind.DATA)).isTrue();
        assertThat(NewDatasetBinding.takesWeights(AssetKind.ALGORITHM)).isFalse();
        assertThat(NewDatasetBinding.isBindable(AssetKind.ALGORITHM)).isTrue();
        assertThat(NewDatasetBinding.isBindable(AssetKind.COMPUTE)).isFalse();
        assertThatThrownBy(() -> new NewDatasetBinding(DT, Kind.CSV, "../x.csv", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewDatasetBinding(DT, Kind.JDBC, "loans", "W.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
