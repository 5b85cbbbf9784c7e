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
 * unpacks it into the pod's own {@code /op} only if it is the registered op, completed with the kept
 * libraries it names by hash from the image's library directory only if their hashes match.
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
    /** Exit status of {@link #VERIFY} for kept libraries the image lacks or has other bytes of. */
    public static final int LIBRARY_MISMATCH_EXIT = 5;
    static final String OP_HASH_ANNOTATION = "datatoken.io/op-hash";
    static final int RUN_AS = 1001;

    /**
     * The init container's check, run as {@code python3 -I -S -c VERIFY <hex hash> <package> <directory>
     * <termination log> <library directory>}: the package's sha-256 must be the registered op hash, and
     * it must hold plain relative files and directories only (as {@code ops.OpPackages} requires on the
     * node), or nothing is unpacked. Then, as {@code ops.OpLibraries} on the node, each kept library its
     * {@code libraries.sha256} names ({@code sha256sum} lines, under {@code lib/} only) must be in the
     * package with that hash, or is copied in from the image's library directory and must have it once
     * copied; otherwise the unpacked op is cleared and the op never starts.
     */
    public static final String VERIFY = """
            import hashlib, os, re, shutil, sys, tarfile
            expected, package, into, last_words, kept = sys.argv[1:6]
            def refuse(why, status):
                with open(last_words, 'a') as log:
                    log.write(why)
                print(why, file=sys.stderr)
                sys.exit(status)
            def sha256(path):
                digest = hashlib.sha256()
                with open(path, 'rb') as source:
                    for block in iter(lambda: source.read(1 << 20), b''):
                        digest.update(block)
                return digest.hexdigest()
            actual = sha256(package)
            if actual != expected:
                refuse('op-code-mismatch: the op package hashes to 0x' + actual
                       + ', the registry names 0x' + expected + '; it was not run', %d)
            with tarfile.open(package, 'r:') as archive:
                members = archive.getmembers()
                for member in members:
                    parts = member.name.split('/')
                    if member.name.startswith('/') or '..' in parts or not (member.isfile() or member.isdir()):
                        refuse('the op package entry ' + repr(member.name) + ' is not a plain relative file', 4)
                archive.extractall(into, members)
            def refuse_libraries(why):
                for entry in os.listdir(into):
                    path = os.path.join(into, entry)
                    if os.path.isdir(path) and not os.path.islink(path):
                        shutil.rmtree(path)
                    else:
                        os.remove(path)
                refuse(why + '; it was not run', %d)
            manifest = os.path.join(into, 'libraries.sha256')
            if os.path.isfile(manifest):
                with open(manifest, 'rb') as listing:
                    text = listing.read()
                try:
                    lines = text.decode('utf-8').replace('\\r\\n', '\\n').replace('\\r', '\\n').split('\\n')
                except UnicodeDecodeError:
                    refuse_libraries('op-library-manifest: libraries.sha256 is not UTF-8 text')
                for line in lines:
                    if not line.strip():
                        continue
                    entry = re.fullmatch('([0-9a-f]{64}) [ *](lib/[A-Za-z0-9._-]+[.]jar)', line.strip())
                    if entry is None:
                        refuse_libraries("op-library-manifest: libraries.sha256 has a line that is not "
                                         + "'<sha-256>  lib/<name>.jar': " + line)
                    wanted, name = entry.group(1), entry.group(2)
                    target, jar = os.path.join(into, name), name[len('lib/'):]
                    try:
                        if os.path.lexists(target):
                            have = sha256(target) if os.path.isfile(target) else 'none (not a file)'
                            if have != wanted:
                                refuse_libraries("op-library-mismatch: the package's own " + name + ' has sha-256 '
                                                 + have + ', not the ' + wanted + " the op's package names")
                            continue
                        source = os.path.join(kept, jar)
                        if not os.path.isfile(source):
                            refuse_libraries('op-library-missing: the op needs library ' + jar + ' (sha-256 ' + wanted
                                             + '), which the op runner image does not keep in ' + kept)
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        shutil.copyfile(source, target)
                        have = sha256(target)
                    except OSError as e:
                        refuse_libraries('op-library-missing: cannot provide ' + name + ' from ' + kept + ': ' + str(e))
                    # the copy is what is checked: the op runs on exactly these bytes
                    if have != wanted:
                        refuse_libraries("op-library-mismatch: the op runner image's " + jar + ' has sha-256 ' + have
                                         + ', not the ' + wanted + " the op's package names")
            """.formatted(CODE_MISMATCH_EXIT, LIBRARY_MISMATCH_EXIT);

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
                        "/dev/termination-log", settings.jvmLibraries())
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
