package io.datatoken.compute.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.compute.ops.OpPackages;
import io.datatoken.compute.ops.OpRunner;
import io.datatoken.compute.ops.OpRunner.OpFailed;
import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes executor against fabric8's mock API server (CRUD mode): the test plays the Job
 * controller and the pod — it runs the Job's own verify script and the op with the machine's Python on
 * the files the Job would mount — and checks what the node asks Kubernetes for.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesOpExecutorTest {

    private static final String NAMESPACE = "datatoken-tenant-bank-a";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long MEMORY = 512L * 1024 * 1024;
    private static final String OP = "import json, sys\nx = json.load(sys.stdin)['x']\njson.dump({'doubled': 2 * x}, sys.stdout)\n";

    KubernetesClient client;

    @TempDir
    Path scratch;

    private Path work;
    private InMemoryOpLedger ledger;
    private InMemoryContentStore content;

    @BeforeEach
    void node() throws IOException {
        work = Files.createDirectories(scratch.resolve("work"));
        ledger = new InMemoryOpLedger();
        content = new InMemoryContentStore();
    }

    @Test
    void an_op_runs_as_a_job_without_network_token_or_retries_on_the_verified_package_and_its_output_is_read()
            throws Exception {
        Path opDirectory = published("doubler", OP);
        CompletableFuture<String> result = run(runner(Duration.ofSeconds(30)), opDirectory, "{\"x\": 21}");

        Job job = awaitJob();
        String id = job.getMetadata().getLabels().get(OpJobs.EXECUTION_LABEL);
        OpHash op = OpHash.of("0x" + opDirectory.getFileName());
        assertThat(job.getMetadata().getName()).isEqualTo("op-" + id);
        assertThat(job.getMetadata().getAnnotations()).containsEntry("datatoken.io/op-hash", op.value());
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(30 + 120);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("datatoken.io/role", "op-execution")
                .containsEntry(OpJobs.EXECUTION_LABEL, id)
                .doesNotContainKey("app.kubernetes.io/name");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo("op-execution");
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getHostNetwork()).isNull();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0)
                .getLabelSelector().getMatchLabels()).containsEntry("datatoken.io/role", "compute-node");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .singleElement().satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("compute-work"));
        for (Container container : List.of(pod.getInitContainers().get(0), pod.getContainers().get(0))) {
            assertThat(container.getImage()).isEqualTo("registry.example/datatoken/op-runner:test");
            assertThat(container.getResources().getLimits())
                    .containsEntry("memory", new Quantity(Long.toString(MEMORY))).containsEntry("cpu", new Quantity("500m"));
            assertThat(container.getResources().getRequests()).isEqualTo(container.getResources().getLimits());
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getEnvFrom()).isEmpty();
        }

        // verify: the registered hash, checked in the pod against the package the node verified
        Container verify = pod.getInitContainers().get(0);
        assertThat(verify.getCommand()).containsExactly("/usr/bin/python3", "-I", "-S", "-c", OpJobs.VERIFY,
                op.value().substring(2), "/package/op.tar", "/op", "/dev/termination-log");
        assertThat(verify.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getSubPath, VolumeMount::getReadOnly)
                .contains(org.assertj.core.groups.Tuple.tuple("/package/op.tar", "packages/" + op.value().substring(2) + ".tar", true));
        // the op: its input on stdin and its stdout to the work volume, as on the node
        Container opContainer = pod.getContainers().get(0);
        assertThat(opContainer.getCommand()).containsExactly("/bin/sh", "-c", OpJobs.RUN, "op", "/usr/bin/python3",
                "-I", "-S", "op.py");
        assertThat(opContainer.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("LANG=C.UTF-8");
        assertThat(opContainer.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getSubPath, VolumeMount::getReadOnly)
                .contains(org.assertj.core.groups.Tuple.tuple("/op", null, true),
                        org.assertj.core.groups.Tuple.tuple("/exec/in", "executions/" + id + "/in", true),
                        org.assertj.core.groups.Tuple.tuple("/exec/out", "executions/" + id + "/out", false));

        // the pod: its init container's own script, then the op, on what the volume holds
        Path execution = work.resolve("executions").resolve(id);
        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        assertThat(verifyInPod(op, work.resolve("packages/" + op.value().substring(2) + ".tar"), unpacked).exitValue()).isZero();
        Files.writeString(execution.resolve("out/output.json"),
                python(unpacked.resolve("op.py"), Files.readString(execution.resolve("in/input.json"))));
        complete(job);

        assertThat(result.join()).isEqualTo("{\"doubled\": 42}");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(execution).doesNotExist();
    }

    @Test
    void a_jar_op_runs_on_the_image_java_with_the_node_memory_flags() throws Exception {
        Path opDirectory = Files.createDirectories(work.resolve("ops").resolve("ab".repeat(32)));
        Files.write(opDirectory.resolve("op.jar"), new byte[] {1});
        ledger.publish(OpHash.of("0x" + "ab".repeat(32)), "jvm-op", "1.0.0", content.put(new byte[] {9}));
        // the package does not hash to the op: the executor refuses before any Job exists
        assertThatThrownBy(() -> runner(Duration.ofSeconds(30)).run(opDirectory, "{}"))
                .isInstanceOf(OpFailed.class).hasMessageContaining("hashes to");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();

        Job job = new OpJobs(settings(Duration.ofSeconds(30))).job("0123456789abcdef", OpHash.of("0x" + "ab".repeat(32)),
                OpRunner.Interpreter.JAVA, List.of("-Xmx1", "-jar", "op.jar"));
        Container op = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(op.getCommand()).containsExactly("/bin/sh", "-c", OpJobs.RUN, "op", "/usr/lib/jvm/bin/java", "-Xmx1",
                "-jar", "op.jar");
        assertThat(op.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).contains("MALLOC_ARENA_MAX=2");
    }

    @Test
    void a_failed_job_fails_the_op_with_its_reason_and_the_op_last_words() throws Exception {
        Path opDirectory = published("doubler", OP);
        CompletableFuture<String> result = run(runner(Duration.ofSeconds(30)), opDirectory, "{\"x\": 1}");
        Job job = awaitJob();
        pod(job, "op", 1, "OOMKilled", "Traceback (most recent call last):\nMemoryError");
        fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(OpFailed.class)
                .hasMessageContaining("BackoffLimitExceeded")
                .hasMessageContaining("op exit 1 (OOMKilled)")
                .hasMessageContaining("MemoryError");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void a_package_changed_on_the_volume_is_refused_by_the_job_itself() throws Exception {
        Path opDirectory = published("doubler", OP);
        OpHash op = OpHash.of("0x" + opDirectory.getFileName());
        CompletableFuture<String> result = run(runner(Duration.ofSeconds(30)), opDirectory, "{\"x\": 1}");
        Job job = awaitJob();

        Path shelved = work.resolve("packages/" + op.value().substring(2) + ".tar");
        Files.write(shelved, tar("print('not the registered op')\n"));
        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        Path lastWords = scratch.resolve("termination-log");
        Process verify = verifyInPod(op, shelved, unpacked, lastWords);
        assertThat(verify.exitValue()).isEqualTo(OpJobs.CODE_MISMATCH_EXIT);
        try (var files = Files.list(unpacked)) {
            assertThat(files).isEmpty();
        }
        String message = Files.readString(lastWords);
        assertThat(message).startsWith("op-code-mismatch: the op package hashes to 0x").contains(op.value());
        pod(job, "verify", OpJobs.CODE_MISMATCH_EXIT, "Error", message);
        fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        assertThatThrownBy(result::join).cause().isInstanceOf(OpFailed.class)
                .hasMessageContaining("the op package in the Job is not the registered op")
                .hasMessageContaining("op-code-mismatch");
    }

    @Test
    void a_job_past_its_deadline_fails_the_op_as_one_that_ran_too_long() throws Exception {
        Path opDirectory = published("doubler", OP);
        CompletableFuture<String> result = run(runner(Duration.ofSeconds(30)), opDirectory, "{\"x\": 1}");
        fail(awaitJob(), "DeadlineExceeded", "Job was active longer than specified deadline");

        assertThatThrownBy(result::join).cause().isInstanceOf(OpFailed.class)
                .hasMessageContaining("the op ran longer than PT30S and was stopped");
    }

    @Test
    void a_job_that_kubernetes_never_ends_is_deleted_at_the_deadline() throws Exception {
        Path opDirectory = published("doubler", OP);
        // a one-second op and no start allowance: the node gives up after a second and cleans up
        JobSettings settings = new JobSettings(NAMESPACE, "registry.example/datatoken/op-runner:test", "compute-work",
                PYTHON.toString(), "/usr/lib/jvm/bin/java", "500m", Duration.ofSeconds(1), MEMORY, Duration.ZERO,
                Duration.ofMinutes(10), true);
        OpRunner runner = new OpRunner(PYTHON, PYTHON, null, Duration.ofSeconds(1), MEMORY,
                new KubernetesOpExecutor(client, settings, new PackageShelf(ledger, content, work), work, Duration.ZERO));

        assertThatThrownBy(() -> runner.run(opDirectory, "{\"x\": 1}")).isInstanceOf(OpFailed.class)
                .hasMessageContaining("the op ran longer than PT1S and was stopped");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        try (var executions = Files.list(work.resolve("executions"))) {
            assertThat(executions).isEmpty();
        }
    }

    @Test
    void only_a_verified_op_directory_is_run() {
        assertThatThrownBy(() -> KubernetesOpExecutor.opOf(scratch.resolve("elsewhere")))
                .isInstanceOf(OpFailed.class).hasMessageContaining("not a verified op directory");
    }

    private JobSettings settings(Duration timeLimit) {
        return new JobSettings(NAMESPACE, "registry.example/datatoken/op-runner:test", "compute-work", PYTHON.toString(),
                "/usr/lib/jvm/bin/java", "500m", timeLimit, MEMORY, Duration.ofMinutes(2), Duration.ofMinutes(10), true);
    }

    private OpRunner runner(Duration timeLimit) {
        return new OpRunner(PYTHON, PYTHON, null, timeLimit, MEMORY,
                new KubernetesOpExecutor(client, settings(timeLimit), new PackageShelf(ledger, content, work), work));
    }

    private static CompletableFuture<String> run(OpRunner runner, Path opDirectory, String input) {
        return CompletableFuture.supplyAsync(() -> runner.run(opDirectory, input));
    }

    /** As the node has it: published (IPFS + registry) and unpacked by runs.OpCode under ops/<hash>. */
    private Path published(String name, String script) throws Exception {
        byte[] codePackage = tar(script);
        OpHash op = OpHash.sha256Of(codePackage);
        Cid cid = content.put(codePackage);
        ledger.publish(op, name, "1.0.0", cid);
        Path directory = work.resolve("ops").resolve(op.value().substring(2));
        OpPackages.unpack(codePackage, op, directory);
        return directory;
    }

    private byte[] tar(String script) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "package-");
        Files.writeString(dir.resolve("op.py"), script);
        Process tar = new ProcessBuilder("tar", "--format=ustar", "-cf", "-", "-C", dir.toString(), "op.py").start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        return bytes;
    }

    private Job awaitJob() {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems(), jobs -> jobs.size() == 1).get(0);
    }

    private Process verifyInPod(OpHash op, Path codePackage, Path into) throws Exception {
        return verifyInPod(op, codePackage, into, scratch.resolve("termination-log"));
    }

    private Process verifyInPod(OpHash op, Path codePackage, Path into, Path lastWords) throws Exception {
        Process verify = new ProcessBuilder(PYTHON.toString(), "-I", "-S", "-c", OpJobs.VERIFY, op.value().substring(2),
                codePackage.toString(), into.toString(), lastWords.toString()).redirectErrorStream(true).start();
        verify.getInputStream().readAllBytes();
        verify.waitFor();
        return verify;
    }

    private static String python(Path script, String input) throws Exception {
        Process op = new ProcessBuilder(PYTHON.toString(), "-I", "-S", script.getFileName().toString())
                .directory(script.getParent().toFile()).start();
        try (var stdin = op.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(op.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(op.waitFor()).isZero();
        return out;
    }

    private void complete(Job job) {
        status(job, "Complete", "", "");
    }

    private void fail(Job job, String reason, String message) {
        status(job, "Failed", reason, message);
    }

    private void status(Job job, String type, String reason, String message) {
        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(job.getMetadata().getName()).editStatus(j -> {
            j.setStatus(new JobStatusBuilder().addToConditions(new JobConditionBuilder().withType(type).withStatus("True")
                    .withReason(reason).withMessage(message).build()).build());
            return j;
        });
    }

    /** The Job's pod as the kubelet reports it, one container ended. */
    private void pod(Job job, String container, int exitCode, String reason, String message) {
        boolean init = container.equals("verify");
        var status = new io.fabric8.kubernetes.api.model.ContainerStatusBuilder().withName(container).withNewState()
                .withNewTerminated().withExitCode(exitCode).withReason(reason).withMessage(message).endTerminated()
                .endState().build();
        var pod = new PodBuilder().withNewMetadata().withName(job.getMetadata().getName() + "-x1")
                .withLabels(Map.of("job-name", job.getMetadata().getName())).endMetadata()
                .withNewStatus().withPhase("Failed").endStatus().build();
        if (init) {
            pod.getStatus().setInitContainerStatuses(List.of(status));
        } else {
            pod.getStatus().setContainerStatuses(List.of(status));
        }
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).editStatus(p -> {
            p.setStatus(pod.getStatus());
            return p;
        });
    }
}
