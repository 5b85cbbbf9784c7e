package io.datatoken.tracer.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowOpsTest {

    private static final String A = Compositions.id("a");
    private static final String B = Compositions.id("b");
    private static final String C = Compositions.id("c");
    private static final String OP_1 = Compositions.id("op 1");
    private static final String OP_2 = Compositions.id("op 2");

    @Test
    void each_child_the_workflows_set_an_op_for_gets_it_with_its_workflows_configuration() {
        Ddo ddo = new Ddo(C, AssetKind.ALGORITHM, "c", "", OrganizationAlias.of("algo-c"), List.of(
                Compositions.service(List.of(A), Map.of(A, OP_1), Map.of("rounds", "20")),
                Compositions.service(List.of(B), Map.of(B, OP_2), Map.of("target", "x"))));

        assertThat(WorkflowOps.of(ddo)).containsExactlyInAnyOrder(
                new ChildOp(A, OP_1, Map.of("rounds", "20")),
                new ChildOp(B, OP_2, Map.of("target", "x")));
    }

    @Test
    void a_child_two_services_set_an_op_for_keeps_the_first_services_and_children_without_one_get_none() {
        Ddo ddo = new Ddo(C, AssetKind.ALGORITHM, "c", "", OrganizationAlias.of("algo-c"), List.of(
                Compositions.service(List.of(A, B), Map.of(A, OP_2), Map.of()),
                Compositions.service(List.of(A), Map.of(A, OP_1), Map.of("rounds", "1"))));

        assertThat(WorkflowOps.of(ddo)).containsExactly(new ChildOp(A, OP_2, Map.of()));
    }
}
