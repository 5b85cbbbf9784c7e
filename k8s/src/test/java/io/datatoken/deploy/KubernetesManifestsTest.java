package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kustomize overlay under k8s/ renders, and what it renders holds the platform's rules. */
class KubernetesManifestsTest {

    private static final Map<Path, List<HasMetadata>> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (Path overlay : Manifests.overlays()) {
            RENDERED.put(overlay, Manifests.render(overlay));
        }
    }

    @Test
    void the_control_plane_and_the_three_demo_tenants_render_into_their_namespaces() {
        assertThat(RENDERED.keySet()).extracting(p -> p.getFileName().toString())
                .contains("base", "bank-a", "bank-b", "fintech-c");
        RENDERED.forEach((overlay, objects) -> {
            String namespace = overlay.getFileName().toString().equals("base") ? "datatoken"
                    : "datatoken-tenant-" + overlay.getFileName();
            assertThat(Manifests.ofType(objects, Namespace.class)).extracting(n -> n.getMetadata().getName())
                    .as(overlay.toString()).containsExactly(namespace);
            assertThat(objects).filteredOn(o -> !(o instanceof Namespace)).as(overlay.toString())
                    .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(namespace));
        });
        List<HasMetadata> base = RENDERED.get(Manifests.K8S.resolve("base"));
        assertThat(Manifests.ofType(base, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("asset", "job", "tracer", "verifier", "portal", "keycloak");
        assertThat(Manifests.ofType(base, StatefulSet.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("postgres", "ipfs");
        assertThat(Manifests.ofType(base, ConfigMap.class)).filteredOn(c -> c.getMetadata().getName().startsWith("chain-"))
                .singleElement().satisfies(c -> assertThat(c.getData()).containsKeys("DATATOKEN_CHAIN_RPC_URL", "DATATOKEN_CHAIN_ID"));
    }

    @Test
    void every_container_has_requests_and_limits_and_every_workload_is_probed() {
        RENDERED.forEach((overlay, objects) -> {
            for (HasMetadata workload : objects) {
                PodSpec pod = workload instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                        : workload instanceof StatefulSet s ? s.getSpec().getTemplate().getSpec() : null;
                if (pod == null) {
                    continue;
                }
                String what = overlay.getFileName() + "/" + workload.getMetadata().getName();
                Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).forEach(container -> {
                    assertThat(container.getResources().getRequests()).as("requests of %s", what).containsKeys("cpu", "memory");
                    assertThat(container.getResources().getLimits()).as("limits of %s", what).containsKeys("cpu", "memory");
                });
                for (Container container : pod.getContainers()) {
                    assertThat(container.getReadinessProbe()).as("readiness probe of %s", what).isNotNull();
                    assertThat(container.getLivenessProbe()).as("liveness probe of %s", what).isNotNull();
                    assertThat(container.getStartupProbe()).as("startup probe of %s", what).isNotNull();
                    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
                    assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).contains("ALL");
                }
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runs as non-root", what).isTrue();
            }
        });
    }

    @Test
    void stateless_services_scale_and_survive_disruptions() {
        List<HasMetadata> base = RENDERED.get(Manifests.K8S.resolve("base"));
        assertThat(Manifests.ofType(base, HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName()).containsExactlyInAnyOrder("asset", "verifier", "portal");
        assertThat(Manifests.ofType(base, PodDisruptionBudget.class))
                .extracting(p -> p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactlyInAnyOrder("asset", "verifier", "portal");
        for (PodDisruptionBudget budget : Manifests.ofType(base, PodDisruptionBudget.class)) {
            String name = budget.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name");
            Deployment deployment = Manifests.ofType(base, Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(deployment.getSpec().getReplicas()).as("replicas of %s, kept >= 1 by its budget", name)
                    .isGreaterThan(budget.getSpec().getMinAvailable().getIntVal());
        }
    }

    @Test
    void the_control_plane_denies_by_default() {
        List<NetworkPolicy> policies = Manifests.ofType(RENDERED.get(Manifests.K8S.resolve("base")), NetworkPolicy.class);
        assertThat(policies).anySatisfy(TenantIsolationTest::denyAll);
    }

    @Test
    void each_node_and_its_op_jobs_check_kept_libraries_against_the_op_runner_image_s_own() {
        RENDERED.forEach((overlay, objects) -> Manifests.ofType(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("compute")).forEach(compute -> {
                    Map<String, String> config = Manifests.ofType(objects, ConfigMap.class).stream()
                            .filter(c -> c.getMetadata().getName().startsWith("compute-config")).findFirst().orElseThrow()
                            .getData();
                    PodSpec pod = compute.getSpec().getTemplate().getSpec();
                    Container copy = pod.getInitContainers().stream().filter(c -> c.getName().equals("jvm-libraries"))
                            .findFirst().orElseThrow(() -> new AssertionError("no jvm-libraries init container in " + overlay));
                    // the same image (tag included) for the node's check and its Jobs'
                    assertThat(copy.getImage()).as(overlay.toString())
                            .isEqualTo(config.get("DATATOKEN_COMPUTE_KUBERNETES_IMAGE"));
                    String nodeLibraries = config.get("DATATOKEN_COMPUTE_JVM_LIBRARIES");
                    assertThat(copy.getCommand()).as(overlay.toString()).containsExactly("cp", "-R",
                            config.get("DATATOKEN_COMPUTE_KUBERNETES_JVM_LIBRARIES") + "/.", nodeLibraries + "/");
                    Container node = pod.getContainers().stream().filter(c -> c.getName().equals("compute")).findFirst()
                            .orElseThrow();
                    assertThat(node.getVolumeMounts()).as(overlay.toString()).anySatisfy(mount -> {
                        assertThat(mount.getMountPath()).isEqualTo(nodeLibraries);
                        assertThat(mount.getReadOnly()).isTrue();
                    });
                }));
    }

    @Test
    void no_secret_value_is_in_git() {
        RENDERED.forEach((overlay, objects) -> assertThat(Manifests.ofType(objects, Secret.class))
                .as("Secrets rendered from %s (they are created at install, docs/deploy.md)", overlay).isEmpty());
    }

    @Test
    void every_configuration_key_is_a_documented_one() {
        RENDERED.forEach((overlay, objects) -> Manifests.ofType(objects, ConfigMap.class).forEach(config -> {
            if (config.getData() != null) {
                assertThat(ConfigurationKeys.platformKeys(config.getData().keySet()))
                        .as("keys of ConfigMap %s in %s", config.getMetadata().getName(), overlay)
                        .allSatisfy(key -> assertThat(ConfigurationKeys.documented()).contains(key));
            }
        }));
    }
}
