package io.datatoken.domain.asset;

import static io.datatoken.domain.asset.Samples.OP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void allow_named_ops_with_parameter_limits() {
        var terms = new Terms(Map.of(OP, Map.of("rows", 10_000.0)), List.of(OrganizationAlias.of("bank-b")),
                "credit scoring", Instant.parse("2030-01-01T00:00:00Z"), 5, 3);

        assertThat(terms.allows(OP)).isTrue();
        assertThat(terms.allows(Samples.hex('f'))).isFalse();
        assertThat(terms.allowedOps().get(OP)).containsEntry("rows", 10_000.0);
    }

    @Test
    void reject_malformed_ops_negative_limits_and_non_positive_counts() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> new Terms(Map.of("0x1", Map.of(), OP, Map.of("rows", -1.0)),
                        List.of(OrganizationAlias.of("bank-b"), OrganizationAlias.of("bank-b")), null, null, 0, 0))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                        "/allowedOps/0x1", "/allowedOps/" + OP + "/rows", "/consumerOrganizations", "/maxUses", "/minParties"));
    }
}
