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
import java.util.ArrayList;
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
    private static final String LIBRARIES = "/opt/datatoken/jvm-libraries";
    private static final String OP = "import json, sys\nx = json.load(sys.stdin)['x']\njson.dump({'doubled': 2 * x}, sys.stdout)\n";

    KubernetesClient client;

    @TempDir
    Path scratch;

    private Path work;
    /** The op runner image's library directory, as the verify script sees it. */
    private Path imageLibraries;
    private InMemoryOpLedger ledger;
    private InMemoryContentStore content;

    @BeforeEach
    void node() throws IOException {
        work = Files.createDirectories(scratch.resolve("work"));
        imageLibraries = Files.createDirectories(scratch.resolve("image-jvm-libraries"));
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
                op.value().substring(2), "/package/op.tar", "/op", "/dev/termination-log", LIBRARIES);
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
                PYTHON.toString(), "/usr/lib/jvm/bin/java", LIBRARIES, "500m", Duration.ofSeconds(1), MEMORY, Duration.ZERO,
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
    void a_jvm_op_gets_the_kept_libraries_its_package_names_from_the_image_when_their_hashes_match() throws Exception {
        byte[] bouncyCastle = "bouncy castle".getBytes(StandardCharsets.UTF_8);
        byte[] own = "the privacy module".getBytes(StandardCharsets.UTF_8);
        Files.write(imageLibraries.resolve("bcprov-jdk18on-1.87.jar"), bouncyCastle);
        Path codePackage = jvmPackage(Map.of("lib/datatoken-privacy-0.1.0-SNAPSHOT.jar", own),
                sha256(own) + "  lib/datatoken-privacy-0.1.0-SNAPSHOT.jar\n"
                        + sha256(bouncyCastle) + " *lib/bcprov-jdk18on-1.87.jar\n");

        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        Process verify = verifyInPod(OpHash.sha256Of(Files.readAllBytes(codePackage)), codePackage, unpacked);

        assertThat(verify.exitValue()).isZero();
        assertThat(unpacked.resolve("op.jar")).exists();
        assertThat(unpacked.resolve("lib/bcprov-jdk18on-1.87.jar")).hasBinaryContent(bouncyCastle);
        assertThat(unpacked.resolve("lib/datatoken-privacy-0.1.0-SNAPSHOT.jar")).hasBinaryContent(own);
    }

    @Test
    void a_kept_library_of_other_bytes_in_the_image_fails_the_job_before_the_op_runs() throws Exception {
        byte[] bouncyCastle = "bouncy castle".getBytes(StandardCharsets.UTF_8);
        Files.writeString(imageLibraries.resolve("bcprov-jdk18on-1.88.jar"), "a later bouncy castle");
        Path opDirectory = publishedJvmOp(sha256(bouncyCastle) + "  lib/bcprov-jdk18on-1.88.jar\n");
        OpHash op = OpHash.of("0x" + opDirectory.getFileName());
        CompletableFuture<String> result = run(runner(Duration.ofSeconds(30)), opDirectory, "{}");
        Job job = awaitJob();
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand()).contains("/usr/lib/jvm/bin/java");

        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        Path lastWords = scratch.resolve("termination-log");
        Process verify = verifyInPod(op, work.resolve("packages/" + op.value().substring(2) + ".tar"), unpacked, lastWords);
        assertThat(verify.exitValue()).isEqualTo(OpJobs.LIBRARY_MISMATCH_EXIT);
        assertThat(unpacked).isEmptyDirectory();
        String message = Files.readString(lastWords);
        assertThat(message).startsWith("op-library-mismatch: the op runner image's bcprov-jdk18on-1.88.jar has sha-256 "
                + sha256("a later bouncy castle".getBytes(StandardCharsets.UTF_8)) + ", not the " + sha256(bouncyCastle))
                .endsWith("; it was not run");
        pod(job, "verify", OpJobs.LIBRARY_MISMATCH_EXIT, "Error", message);
        fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        assertThatThrownBy(result::join).cause().isInstanceOf(OpFailed.class)
                .hasMessageContaining("the op runner image does not have the kept libraries the op package names by hash")
                .hasMessageContaining("op-library-mismatch");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void a_kept_library_of_the_package_itself_must_have_the_hash_it_names() throws Exception {
        byte[] own = "the privacy module".getBytes(StandardCharsets.UTF_8);
        Path codePackage = jvmPackage(Map.of("lib/datatoken-privacy-0.1.0-SNAPSHOT.jar", own),
                sha256("another privacy module".getBytes(StandardCharsets.UTF_8))
                        + "  lib/datatoken-privacy-0.1.0-SNAPSHOT.jar\n");
        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        Path lastWords = scratch.resolve("termination-log");

        Process verify = verifyInPod(OpHash.sha256Of(Files.readAllBytes(codePackage)), codePackage, unpacked, lastWords);

        assertThat(verify.exitValue()).isEqualTo(OpJobs.LIBRARY_MISMATCH_EXIT);
        assertThat(unpacked).isEmptyDirectory();
        assertThat(Files.readString(lastWords))
                .startsWith("op-library-mismatch: the package's own lib/datatoken-privacy-0.1.0-SNAPSHOT.jar has sha-256 "
                        + sha256(own));
    }

    @Test
    void a_kept_library_the_image_lacks_fails_the_job_before_the_op_runs() throws Exception {
        String smile = sha256("smile".getBytes(StandardCharsets.UTF_8));
        Path codePackage = jvmPackage(Map.of(), smile + "  lib/smile-core-6.3.0.jar\n");
        Path unpacked = Files.createDirectories(scratch.resolve("pod-op"));
        Path lastWords = scratch.resolve("termination-log");

        Process verify = verifyInPod(OpHash.sha256Of(Files.readAllBytes(codePackage)), codePackage, unpacked, lastWords);

        assertThat(verify.exitValue()).isEqualTo(OpJobs.LIBRARY_MISMATCH_EXIT);
        assertThat(unpacked).isEmptyDirectory();
        assertThat(Files.readString(lastWords)).startsWith("op-library-missing: the op needs library smile-core-6.3.0.jar "
                + "(sha-256 " + smile + "), which the op runner image does not keep in " + imageLibraries);
    }

    @Test
    void a_library_line_that_would_leave_lib_or_is_not_a_checksum_is_refused() throws Exception {
        byte[] library = "x".getBytes(StandardCharsets.UTF_8);
        Files.write(imageLibraries.resolve("x.jar"), library);
        String hash = sha256(library);
        for (String line : List.of(hash + "  lib/../../x.jar", hash + "  /etc/x.jar", hash + "  x.jar", "nothex  lib/x.jar",
                hash + "  lib/x.jar.py", hash.toUpperCase() + "  lib/x.jar")) {
            Path codePackage = jvmPackage(Map.of(), line + "\n");
            Path unpacked = Files.createDirectories(Files.createTempDirectory(scratch, "pod-op-"));
            Path lastWords = Files.createTempFile(scratch, "termination-", ".log");

            Process verify = verifyInPod(OpHash.sha256Of(Files.readAllBytes(codePackage)), codePackage, unpacked, lastWords);

            assertThat(verify.exitValue()).as(line).isEqualTo(OpJobs.LIBRARY_MISMATCH_EXIT);
            assertThat(unpacked).as(line).isEmptyDirectory();
            assertThat(Files.readString(lastWords)).as(line).startsWith("op-library-manifest: libraries.sha256 has a line "
                    + "that is not '<sha-256>  lib/<name>.jar': " + line);
        }
        assertThat(scratch.resolve("x.jar")).doesNotExist();
    }

    @Test
    void only_a_verified_op_directory_is_run() {
        assertThatThrownBy(() -> KubernetesOpExecutor.opOf(scratch.resolve("elsewhere")))
                .isInstanceOf(OpFailed.class).hasMessageContaining("not a verified op directory");
    }

    private JobSettings settings(Duration timeLimit) {
        return new JobSettings(NAMESPACE, "registry.example/datatoken/op-runner:test", "compute-work", PYTHON.toString(),
                "/usr/lib/jvm/bin/java", LIBRARIES, "500m", timeLimit, MEMORY, Duration.ofMinutes(2), Duration.ofMinutes(10),
                true);
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

    /** A JVM op as published: op.jar, its libraries.sha256 and the libraries it carries itself. */
    private Path publishedJvmOp(String manifest) throws Exception {
        byte[] codePackage = Files.readAllBytes(jvmPackage(Map.of(), manifest));
        OpHash op = OpHash.sha256Of(codePackage);
        ledger.publish(op, "jvm-op", "1.0.0", content.put(codePackage));
        Path directory = work.resolve("ops").resolve(op.value().substring(2));
        OpPackages.unpack(codePackage, op, directory);
        return directory;
    }

    private Path jvmPackage(Map<String, byte[]> libraries, String manifest) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "package-");
        List<String> entries = new ArrayList<>(List.of("op.jar", "libraries.sha256"));
        Files.write(dir.resolve("op.jar"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(dir.resolve("libraries.sha256"), manifest);
        for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
            Files.createDirectories(dir.resolve(library.getKey()).getParent());
            Files.write(dir.resolve(library.getKey()), library.getValue());
            entries.add(library.getKey());
        }
        List<String> command = new ArrayList<>(List.of("tar", "--format=ustar", "-cf", "-", "-C", dir.toString()));
        command.addAll(entries);
        Process tar = new ProcessBuilder(command).start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        return Files.write(Files.createTempFile(scratch, "op-", ".tar"), bytes);
    }

    private static String sha256(byte[] bytes) {
        return OpHash.sha256Of(bytes).value().substring(2);
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
                codePackage.toString(), into.toString(), lastWords.toString(), imageLibraries.toString())
                .redirectErrorStream(true).start();
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
