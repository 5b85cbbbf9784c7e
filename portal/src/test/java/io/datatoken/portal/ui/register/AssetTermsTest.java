package io.datatoken.portal.ui.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.PlatformRole;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssetTermsTest {

    @Test
    void aTitleIsPresentAndAtMost200Characters() {
        assertThat(AssetTerms.isValidTitle("")).isFalse();
        assertThat(AssetTerms.isValidTitle("  ")).isFalse();
        assertThat(AssetTerms.isValidTitle(null)).isFalse();
        assertThat(AssetTerms.isValidTitle("贷款".repeat(100))).isTrue();
        assertThat(AssetTerms.isValidTitle("贷款".repeat(100) + "x")).isFalse();
        assertThat(AssetTerms.isValidDescription("x".repeat(20_001))).isFalse();
        assertThat(AssetTerms.isValidDescription("")).isTrue();
    }

    @Test
    void consumersAreOrganizationAliases() {
        assertThat(AssetTerms.consumers(" fintech-c,regulator  bank-b ")).containsExactly("fintech-c", "regulator", "bank-b");
        assertThat(AssetTerms.consumers("")).isEmpty();
        assertThat(AssetTerms.isValidConsumers("")).isTrue();
        assertThat(AssetTerms.isValidConsumers("fintech-c, regulator")).isTrue();
        assertThat(AssetTerms.isValidConsumers("Fintech C")).isFalse();
        assertThat(AssetTerms.isValidConsumers("fintech-c, -bad")).isFalse();
    }

    @Test
    void theEndpointIsAnHttpUrl() {
        assertThat(AssetTerms.isValidEndpoint("https://node.bank-a.example/")).isTrue();
        assertThat(AssetTerms.isValidEndpoint("http://localhost:9080/compute")).isTrue();
        assertThat(AssetTerms.isValidEndpoint("")).isFalse();
        assertThat(AssetTerms.isValidEndpoint("ftp://node.example/")).isFalse();
        assertThat(AssetTerms.isValidEndpoint("not a url")).isFalse();
        assertThat(AssetTerms.isValidEndpoint("https://")).isFalse();
    }

    @Test
    void expiryIsInTheFutureAndMaxUsesAtLeastOne() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertThat(AssetTerms.isValidExpiry(null, today)).isTrue();
        assertThat(AssetTerms.isValidExpiry(today, today)).isFalse();
        assertThat(AssetTerms.isValidExpiry(today.plusDays(1), today)).isTrue();
        assertThat(AssetTerms.isValidMaxUses(null)).isTrue();
        assertThat(AssetTerms.isValidMaxUses(0)).isFalse();
        assertThat(AssetTerms.isValidMaxUses(1)).isTrue();
    }

    @Test
    void eachProviderRegistersItsOwnKind() {
        assertThat(RegisterView.kinds(role -> role == PlatformRole.DATA_PROVIDER)).containsExactly(AssetKind.DATA);
        assertThat(RegisterView.kinds(role -> role == PlatformRole.COMPUTE_PROVIDER)).containsExactly(AssetKind.COMPUTE);
        assertThat(RegisterView.kinds(role -> role == PlatformRole.ALGORITHM_PROVIDER)).isEmpty();
    }
}
