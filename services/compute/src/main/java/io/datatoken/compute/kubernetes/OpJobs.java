package io.datatoken.compute.kubernetes;

import io.datatoken.compute.ops.OpRunner.Interpreter;
import io.datatoken.domain.op.OpHash;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Job of one op execution. Its pod is labelled {@value #ROLE_LABEL}={@value #ROLE}, which the
 * tenant namespace's NetworkPolicies deny every egress and ingress (k8s/tenants/), gets no service
 * account token, runs as a non-root user on a read-only root filesystem with all capabilities
 * dropped, and is bounded in CPU, memory and time; it is never retried.
 *
 * <p>Files go through the node's work volume only (nothing of the op's input or output passes the
 * API server, etcd or the container logs): {@code packages/<hash>.tar} (the package the node verified,
 * read-only), {@code executions/<id>/in/input.json} (read-only) and {@code executions/<id>/out/}
 * (where the op's stdout goes). The init container {@code verify} hashes the package again and
 * unpacks it into the pod's own {@code /op} only if it is the registered op.
 */
public final class OpJobs {

    public static final String ROLE_LABEL = "datatoken.io/role";
    public static final String ROLE = "op-execution";
    public static final String EXECUTION_LABEL = "datatoken.io/execution";
    /** The compute node's pod, which an op Job is scheduled beside when the work volume is ReadWriteOnce. */
    public static final String NODE_ROLE = "compute-node";
    /** The service account of op pods: bound to no role, and its token is not mounted anyway. */
    public static final String SERVICE_ACCOUNT = "op-execution";
    /** Exit status of {@link #VERIFY} for a package that is not the registered op. */
    public static final int CODE_MISMATCH_EXIT = 3;
    static final String OP_HASH_ANNOTATION = "datatoken.io/op-hash";
    static final int RUN_AS = 1001;

    /**
     * The init container's check, run as {@code python3 -I -S -c VERIFY <hex hash> <package> <directory>
     * <termination log>}:
     * the package's sha-256 must be the registered op hash, and it must hold plain relative files and
     * directories only (as {@code ops.OpPackages} requires on the node), or nothing is unpacked.
     */
    public static final String VERIFY = """
            import hashlib, sys, tarfile
            expected, package, into, last_words = sys.argv[1:5]
            def refuse(why, status):
                with open(last_words, 'a') as log:
                    log.write(why)
                print(why, file=sys.stderr)
                sys.exit(status)
            digest = hashlib.sha256()
            with open(package, 'rb') as code:
                for block in iter(lambda: code.read(1 << 20), b''):
                    digest.update(block)
            if digest.hexdigest() != expected:
                refuse('op-code-mismatch: the op package hashes to 0x' + digest.hexdigest()
                       + ', the registry names 0x' + expected + '; it was not run', %d)
            with tarfile.open(package, 'r:') as archive:
                members = archive.getmembers()
                for member in members:
                    parts = member.name.split('/')
                    if member.name.startswith('/') or '..' in parts or not (member.isfile() or member.isdir()):
                        refuse('the op package entry ' + repr(member.name) + ' is not a plain relative file', 4)
                archive.extractall(into, members)
            """.formatted(CODE_MISMATCH_EXIT);

    /** Feeds the op its input on stdin and keeps its stdout, as on the node; the op and its arguments follow. */
    static final String RUN = "exec \"$@\" < /exec/in/input.json > /exec/out/output.json";

    private final JobSettings settings;

    public OpJobs(JobSettings settings) {
        this.settings = settings;
    }

    public static String jobName(String executionId) {
        return "op-" + executionId;
    }

    static String packagePath(OpHash op) {
        return "packages/" + hex(op) + ".tar";
    }

    static String executionPath(String executionId) {
        return "executions/" + executionId;
    }

    static String hex(OpHash op) {
        return op.value().substring(2);
    }

    public Job job(String executionId, OpHash op, Interpreter interpreter, List<String> arguments) {
        Map<String, String> labels = Map.of(ROLE_LABEL, ROLE, EXECUTION_LABEL, executionId,
                "app.kubernetes.io/part-of", "datatoken", "app.kubernetes.io/managed-by", "datatoken-compute");
        ResourceRequirements limits = new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(settings.cpu()))
                .addToRequests("memory", new Quantity(Long.toString(settings.memoryBytes())))
                .addToLimits("cpu", new Quantity(settings.cpu()))
                .addToLimits("memory", new Quantity(Long.toString(settings.memoryBytes())))
                .build();
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withServiceAccountName(SERVICE_ACCOUNT)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                    .withRunAsNonRoot(true).withRunAsUser((long) RUN_AS).withRunAsGroup(0L)
                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addToInitContainers(verifyContainer(op, limits))
                .addToContainers(opContainer(executionId, interpreter, arguments, limits))
                .addNewVolume().withName("work").withNewPersistentVolumeClaim(settings.workClaim(), false).endVolume()
                .addNewVolume().withName("op").withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("256Mi")).endEmptyDir().endVolume();
        if (settings.coLocate()) {
            pod.withNewAffinity().withNewPodAffinity()
                    .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNewLabelSelector().addToMatchLabels(ROLE_LABEL, NODE_ROLE).endLabelSelector()
                        .withTopologyKey("kubernetes.io/hostname")
                    .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endPodAffinity().endAffinity();
        }
        return new JobBuilder()
                .withNewMetadata()
                    .withName(jobName(executionId))
                    .withNamespace(settings.namespace())
                    .withLabels(labels)
                    .addToAnnotations(OP_HASH_ANNOTATION, op.value())
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(settings.deadlineSeconds())
                    .withTtlSecondsAfterFinished(Math.toIntExact(JobSettings.seconds(settings.keepFinished())))
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withSpec(pod.build())
                    .endTemplate()
                .endSpec()
                .build();
    }

    private Container verifyContainer(OpHash op, ResourceRequirements limits) {
        return new ContainerBuilder()
                .withName("verify")
                .withImage(settings.image())
                .withCommand(settings.python(), "-I", "-S", "-c", VERIFY, hex(op), "/package/op.tar", "/op",
                        "/dev/termination-log")
                .withResources(limits)
                .withSecurityContext(locked())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withVolumeMounts(mount("work", "/package/op.tar", packagePath(op), true), mount("op", "/op", null, false))
                .build();
    }

    private Container opContainer(String executionId, Interpreter interpreter, List<String> arguments,
                                  ResourceRequirements limits) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", RUN, "op",
                interpreter == Interpreter.JAVA ? settings.java() : settings.python()));
        command.addAll(arguments);
        List<EnvVar> env = new ArrayList<>(List.of(new EnvVar("LANG", "C.UTF-8", null)));
        if (interpreter == Interpreter.JAVA) {
            // as on the node: glibc's per-thread malloc arenas would take the memory limit's room
            env.add(new EnvVar("MALLOC_ARENA_MAX", "2", null));
        }
        String execution = executionPath(executionId);
        return new ContainerBuilder()
                .withName("op")
                .withImage(settings.image())
                .withCommand(command)
                .withWorkingDir("/op")
                .withEnv(env)
                .withResources(limits)
                .withSecurityContext(locked())
                // a failed op's stderr (its stdout goes to the work volume) becomes the reason the node reports
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withVolumeMounts(mount("op", "/op", null, true), mount("work", "/exec/in", execution + "/in", true),
                        mount("work", "/exec/out", execution + "/out", false), mount("tmp", "/tmp", null, false))
                .build();
    }

    private static SecurityContext locked() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withPrivileged(false)
                .withCapabilities(new Capabilities(null, List.of("ALL")))
                .build();
    }

    private static VolumeMount mount(String volume, String path, String subPath, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withSubPath(subPath)
                .withReadOnly(readOnly).build();
    }
}
