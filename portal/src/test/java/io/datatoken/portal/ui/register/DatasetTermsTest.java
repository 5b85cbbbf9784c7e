package io.datatoken.portal.ui.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.NewDatasetBinding.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTermsTest {

    private final Asset data = asset("0x01", "DATA");
    private final Asset algorithm = asset("0x02", "ALGORITHM");
    private final Asset compute = asset("0x03", "COMPUTE");

    @Test
    void dataAndAlgorithmAssetsTakeLocalDataAComputeAssetDoesNot() {
        assertThat(DatasetTerms.bindable(List.of(data, compute, algorithm, asset("0x04", "SOMETHING"))))
                .containsExactly(data, algorithm);
    }

    @Test
    void theLocationIsGivenAndFollowsTheKindsRule() {
        assertThat(DatasetTerms.isValidLocation(Kind.CSV, "loans.csv")).isTrue();
        assertThat(DatasetTerms.isValidLocation(Kind.CSV, "")).isFalse();
        assertThat(DatasetTerms.isValidLocation(Kind.CSV, "../loans.csv")).isFalse();
        assertThat(DatasetTerms.isValidLocation(Kind.JDBC, "loans-2026.csv")).isFalse();
        assertThat(DatasetTerms.isValidLocation(Kind.JDBC, "risk.loans")).isTrue();
        assertThat(DatasetTerms.isValidLocation(null, "anything")).as("the kind's own message shows").isTrue();
        assertThat(DatasetTerms.isValidLocation(null, " ")).isFalse();
    }

    @Test
    void weightsAreOptionalOfTheDatasetsKindAndForADataAssetOnly() {
        assertThat(DatasetTerms.isValidWeights(Kind.CSV, data, "")).isTrue();
        assertThat(DatasetTerms.isValidWeights(Kind.CSV, algorithm, null)).isTrue();
        assertThat(DatasetTerms.isValidWeights(Kind.CSV, data, "w-a.csv")).isTrue();
        assertThat(DatasetTerms.isValidWeights(Kind.JDBC, data, "w-a.csv")).isFalse();
        assertThat(DatasetTerms.isValidWeights(Kind.CSV, algorithm, "w-a.csv")).isFalse();
        assertThat(DatasetTerms.isValidWeights(Kind.CSV, null, "w-a.csv")).as("no asset chosen yet").isTrue();
        assertThat(DatasetTerms.takesWeights(algorithm)).isFalse();
    }

    @Test
    void aListOfIdentifiersIsAFileLikeACsvAndTakesNoWeights() {
        assertThat(DatasetTerms.isValidLocation(Kind.ITEMS, "clients.csv")).isTrue();
        assertThat(DatasetTerms.isValidLocation(Kind.ITEMS, "/etc/clients.csv")).isFalse();
        assertThat(DatasetTerms.isValidWeights(Kind.ITEMS, data, "")).isTrue();
        assertThat(DatasetTerms.isValidWeights(Kind.ITEMS, data, "w.csv")).isFalse();
    }

    @Test
    void theFormBecomesTheBindingTheNodeIsSent() {
        DatasetBindingForm form = new DatasetBindingForm();
        form.setAsset(data);
        form.setLocation(" loans.csv ");
        form.setWeights("");

        assertThat(form.toBinding()).satisfies(binding -> {
            assertThat(binding.dt()).isEqualTo("0x01");
            assertThat(binding.kind()).as("CSV unless chosen otherwise").isEqualTo(Kind.CSV);
            assertThat(binding.location()).isEqualTo("loans.csv");
            assertThat(binding.weights()).isNull();
        });
    }

    private static Asset asset(String dt, String kind) {
        return new Asset(dt, "bank-a", kind, "T " + dt, null, null, null, null, null, null, null, null);
    }
}
