package io.datatoken.domain.asset;

import static io.datatoken.domain.asset.Samples.CHILD_1;
import static io.datatoken.domain.asset.Samples.CHILD_2;
import static io.datatoken.domain.asset.Samples.DT;
import static io.datatoken.domain.asset.Samples.OP;
import static io.datatoken.domain.asset.Samples.ddo;
import static io.datatoken.domain.asset.Samples.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdoTest {

    @Test
    void a_data_asset_offers_services_without_children() {
        Ddo ddo = ddo(AssetKind.DATA, service(List.of(), Map.of()));

        assertThat(ddo.children()).isEmpty();
        assertThat(ddo.description()).isEmpty();
        assertThat(ddo.services().getFirst().terms()).isEqualTo(Terms.NONE);
    }

    @Test
    void an_algorithm_asset_names_its_children_and_their_ops() {
        Ddo ddo = ddo(AssetKind.ALGORITHM, service(List.of(CHILD_1, CHILD_2), Map.of(CHILD_1, OP)));

        assertThat(ddo.children()).containsExactly(CHILD_1, CHILD_2);
        assertThat(ddo.services().getFirst().workflow().setOps()).containsEntry(CHILD_1, OP);
    }

    @Test
    void a_data_asset_has_no_children() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> ddo(AssetKind.DATA, service(List.of(CHILD_1), Map.of())))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("/services/0/childDts"));
    }

    @Test
    void an_algorithm_asset_has_at_least_one_child() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> ddo(AssetKind.ALGORITHM, service(List.of(), Map.of())))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("/services"));
    }

    @Test
    void an_asset_is_never_its_own_child() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> ddo(AssetKind.COMPUTE, service(List.of(CHILD_1, DT), Map.of())))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("/services/0/childDts/1"));
    }

    @Test
    void names_every_violation_at_once() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> new Ddo("0xABC", null, " ", null, null, List.of()))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactlyInAnyOrder("/dt", "/kind", "/title", "/owner", "/services"))
                .withMessageContaining("/dt: dt '0xABC' must be 0x followed by 64 lower-case hex digits");
    }

    @Test
    void is_immutable() {
        var services = new java.util.ArrayList<>(List.of(service(List.of(), Map.of())));
        Ddo ddo = new Ddo(DT, AssetKind.DATA, "t", "d", OrganizationAlias.of("bank-a"), services);
        services.clear();

        assertThat(ddo.services()).hasSize(1);
    }
}
