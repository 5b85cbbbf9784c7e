package io.datatoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders kustomize directories with the machine's kubectl and reads every object as its fabric8
 * Kubernetes type, strictly: a field the type does not have fails (the models would otherwise keep it
 * quietly in their additional properties).
 */
final class Manifests {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path K8S = REPO.resolve("k8s");

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/ResourceQuota", ResourceQuota.class),
            Map.entry("v1/LimitRange", LimitRange.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return null; // no catch-all: an unknown field is an error
                }
            });

    private Manifests() {
    }

    /** The kustomize directories that deploy the platform: the control plane and every tenant. */
    static List<Path> overlays() {
        List<Path> overlays = new ArrayList<>(List.of(K8S.resolve("base")));
        try (Stream<Path> tenants = Files.list(K8S.resolve("tenants"))) {
            tenants.filter(Files::isDirectory).sorted().forEach(overlays::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return overlays;
    }

    static List<HasMetadata> render(Path kustomization) {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (JsonNode node : YAML.readerFor(JsonNode.class).<JsonNode>readValues(kustomize(kustomization)).readAll()) {
                if (node == null || node.isNull()) {
                    continue;
                }
                String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
                assertThat(TYPES).as("the Kubernetes type of %s in %s", type, kustomization).containsKey(type);
                objects.add(STRICT.treeToValue(node, TYPES.get(type)));
            }
        } catch (IOException e) {
            throw new AssertionError("an object rendered from " + kustomization + " is not a valid Kubernetes object: "
                    + e.getMessage(), e);
        }
        return objects;
    }

    static <T> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String kustomize(Path kustomization) {
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + kustomization + " took more than 60 s");
                }
                assertThat(process.exitValue()).as("kubectl kustomize %s: %s", kustomization,
                        Files.readString(err, StandardCharsets.UTF_8)).isZero();
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** kubectl (with its kustomize) from -Dkubectl, or on the PATH; the checks need it and skip nothing. */
    static String kubectl() {
        String configured = System.getProperty("kubectl");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is not installed: the deployment checks render k8s/ with 'kubectl kustomize'"
                + " (install kubectl 1.32+, e.g. apt-get install kubectl from the Kubernetes apt repository, or pass"
                + " -Dkubectl=/path/to/kubectl)");
    }
}
