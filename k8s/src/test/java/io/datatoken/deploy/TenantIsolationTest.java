package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The isolation rules of every tenant overlay (decision 0019): its namespace denies all traffic by
 * default, op executions get no network at all, and what is allowed is allowed to named pods only.
 */
class TenantIsolationTest {

    /** The labels of an op execution's pod (io.datatoken.compute.kubernetes.OpJobs). */
    static final Map<String, String> OP_EXECUTION = Map.of("datatoken.io/role", "op-execution",
            "datatoken.io/execution", "0123456789abcdef", "app.kubernetes.io/part-of", "datatoken",
            "app.kubernetes.io/managed-by", "datatoken-compute");

    static Stream<Path> tenants() {
        return Manifests.overlays().stream().filter(p -> p.getParent().getFileName().toString().equals("tenants"));
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void the_tenant_namespace_denies_all_ingress_and_egress_by_default(Path tenant) {
        List<HasMetadata> objects = Manifests.render(tenant);
        assertThat(Manifests.ofType(objects, Namespace.class)).singleElement().satisfies(namespace -> {
            assertThat(namespace.getMetadata().getName()).isEqualTo("datatoken-tenant-" + tenant.getFileName());
            assertThat(namespace.getMetadata().getLabels()).containsEntry("datatoken.io/tenant", "true")
                    .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        });
        assertThat(Manifests.ofType(objects, NetworkPolicy.class)).anySatisfy(TenantIsolationTest::denyAll);
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void op_executions_get_no_egress_and_no_ingress(Path tenant) {
        List<NetworkPolicy> policies = Manifests.ofType(Manifests.render(tenant), NetworkPolicy.class);
        assertThat(policies).as("a policy selecting op executions with Egress and no egress rule")
                .anySatisfy(policy -> {
                    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("datatoken.io/role", "op-execution");
                    assertThat(policy.getSpec().getPolicyTypes()).contains("Egress", "Ingress");
                    assertThat(policy.getSpec().getEgress()).isEmpty();
                    assertThat(policy.getSpec().getIngress()).isEmpty();
                });
        // policies add up: none of those selecting an op execution may allow it anything
        assertThat(policies).filteredOn(p -> Selectors.selects(p.getSpec().getPodSelector(), OP_EXECUTION))
                .isNotEmpty()
                .allSatisfy(policy -> {
                    assertThat(policy.getSpec().getEgress()).as("egress allowed to op executions by %s",
                            policy.getMetadata().getName()).isEmpty();
                    assertThat(policy.getSpec().getIngress()).as("ingress allowed to op executions by %s",
                            policy.getMetadata().getName()).isEmpty();
                });
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void the_node_is_reached_only_by_the_control_plane_other_tenants_nodes_and_the_ingress(Path tenant) {
        List<NetworkPolicy> policies = Manifests.ofType(Manifests.render(tenant), NetworkPolicy.class);
        NetworkPolicy node = policies.stream().filter(p -> p.getMetadata().getName().equals("compute-node")).findFirst().orElseThrow();
        List<NetworkPolicyPeer> from = node.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).toList();
        assertThat(from).isNotEmpty().allSatisfy(peer -> {
            assertThat(peer.getIpBlock()).as("no address range may reach a node").isNull();
            assertThat(peer.getNamespaceSelector()).as("every peer names its namespaces").isNotNull();
            assertThat(peer.getNamespaceSelector().getMatchLabels()).isNotEmpty();
        });
        assertThat(node.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getIntVal()).containsExactly(9080));
        // op executions, other pods of the namespace: none gets into the node
        assertThat(from).noneSatisfy(peer -> assertThat(peer.getPodSelector()).isNotNull()
                .satisfies(s -> assertThat(Selectors.selects(s, OP_EXECUTION)).isTrue()));
    }

    static void denyAll(NetworkPolicy policy) {
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isEmpty();
        assertThat(policy.getSpec().getEgress()).isEmpty();
    }
}
