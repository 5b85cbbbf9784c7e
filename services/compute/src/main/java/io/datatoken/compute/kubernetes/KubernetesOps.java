package io.datatoken.compute.kubernetes;

import io.datatoken.compute.ops.OpRunner;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpLedger;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kubernetes executor of ops as configured ({@code datatoken.compute.kubernetes.*}), talking to
 * the API server with the pod's service account (in the cluster) or the kubeconfig (outside it).
 */
@ApplicationScoped
public class KubernetesOps {

    /** Namespace of the op Jobs; by default the node's own (its service account's). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.namespace")
    Optional<String> namespace;

    /** The op runner image: Python 3 and a JRE 21 (k8s/images/op-runner). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.image")
    Optional<String> image;

    /** The PersistentVolumeClaim mounted at the node's work directory, which op Jobs mount too. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.work-claim", defaultValue = "compute-work")
    String workClaim;

    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.python", defaultValue = "/usr/bin/python3")
    String python;

    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.java", defaultValue = "/usr/bin/java")
    String java;

    /** Where the op runner image keeps the kept libraries of JAR ops (k8s/images/op-runner). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.jvm-libraries", defaultValue = "/opt/datatoken/jvm-libraries")
    String jvmLibraries;

    /** CPU request and limit of one op (Kubernetes quantity). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.cpu", defaultValue = "1")
    String cpu;

    /** Time to schedule an op's pod and pull its image, on top of the op's time limit. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.start-allowance", defaultValue = "PT2M")
    Duration startAllowance;

    /** How long Kubernetes keeps a finished op Job the node could not delete itself. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.keep-finished", defaultValue = "PT10M")
    Duration keepFinished;

    /** Schedule op Jobs beside the node's pod: needed while the work volume is ReadWriteOnce. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.kubernetes.co-locate", defaultValue = "true")
    boolean coLocate;

    @Inject
    @ConfigProperty(name = "datatoken.compute.work-dir", defaultValue = "work")
    String workDir;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    private KubernetesClient client;

    /** An executor for ops of the given limits (datatoken.compute.op.*). */
    public synchronized OpRunner.Executor executor(Duration timeLimit, long memoryBytes) {
        String runner = image.map(String::strip).filter(i -> !i.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "datatoken.compute.executor=kubernetes needs datatoken.compute.kubernetes.image (the op runner image)"));
        if (client == null) {
            client = new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).build();
        }
        String where = namespace.map(String::strip).filter(n -> !n.isEmpty()).or(() -> Optional.ofNullable(client.getNamespace()))
                .orElseThrow(() -> new IllegalStateException("no namespace for op Jobs: set datatoken.compute.kubernetes.namespace"));
        JobSettings settings = new JobSettings(where, runner, workClaim, python, java, jvmLibraries, cpu, timeLimit,
                memoryBytes, startAllowance, keepFinished, coLocate);
        Path work = Path.of(workDir);
        return new KubernetesOpExecutor(client, settings, new PackageShelf(ops, content, work), work);
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
