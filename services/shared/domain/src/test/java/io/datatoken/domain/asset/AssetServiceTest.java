package io.datatoken.domain.asset;

import static io.datatoken.domain.asset.Samples.CHILD_1;
import static io.datatoken.domain.asset.Samples.CHILD_2;
import static io.datatoken.domain.asset.Samples.OP;
import static io.datatoken.domain.asset.Samples.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetServiceTest {

    @Test
    void the_workflow_sets_ops_only_for_its_own_children() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> service(List.of(CHILD_1), Map.of(CHILD_2, OP)))
                .satisfies(e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.path()).isEqualTo("/workflow/setOps/" + CHILD_2))
                        .satisfies(v -> assertThat(v.message()).contains("not one of this service's childDts")));
    }

    @Test
    void workflow_ops_are_well_formed_op_hashes() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> new Workflow(Map.of(CHILD_1, "0x1234"), Map.of()))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("/setOps/" + CHILD_1));
    }

    @Test
    void children_and_ops_are_hex32_and_listed_once() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> new AssetService("data-union", null, List.of(CHILD_1, CHILD_1), List.of("0xzz"),
                        null, null, null))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactlyInAnyOrder("/childDts/1", "/supportedOps/0"));
    }

    @Test
    void type_is_hyphenated_lower_case_and_endpoint_absolute() {
        assertThatExceptionOfType(InvalidDdo.class)
                .isThrownBy(() -> new AssetService("Compute To Data", "relative/path", null, null, null, null, null))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactlyInAnyOrder("/type", "/endpoint"));
    }

    @Test
    void missing_parts_default_to_empty() {
        var service = new AssetService("data-union", null, null, null, null, null, null);

        assertThat(service.childDts()).isEmpty();
        assertThat(service.workflow()).isEqualTo(Workflow.NONE);
        assertThat(service.terms()).isEqualTo(Terms.NONE);
        assertThat(service.extraParams()).isEmpty();
    }
}
