package io.datatoken.compute.kubernetes;

import io.datatoken.compute.ops.OpRunner;
import io.datatoken.compute.ops.OpRunner.Interpreter;
import io.datatoken.compute.ops.OpRunner.OpFailed;
import io.datatoken.domain.op.OpHash;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs each op as a Kubernetes Job in the node's namespace ({@link OpJobs}) and waits for it: the op's
 * stdout is what it wrote to the work volume once the Job completed; a failed Job is an {@link OpFailed}
 * with its reason and its containers' last words; a Job not done by its deadline is deleted and fails
 * as a local op that ran too long. The Job and the execution's files are removed either way.
 */
public final class KubernetesOpExecutor implements OpRunner.Executor {

    private static final Logger LOG = Logger.getLogger(KubernetesOpExecutor.class.getName());
    private static final Pattern OP_DIRECTORY = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** After the Job's own deadline, how long the node still waits for Kubernetes to report it. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final JobSettings settings;
    private final OpJobs jobs;
    private final PackageShelf packages;
    private final Path workDir;
    private final Duration grace;

    public KubernetesOpExecutor(KubernetesClient client, JobSettings settings, PackageShelf packages, Path workDir) {
        this(client, settings, packages, workDir, GRACE);
    }

    KubernetesOpExecutor(KubernetesClient client, JobSettings settings, PackageShelf packages, Path workDir,
                         Duration grace) {
        this.grace = grace;
        this.client = client;
        this.settings = settings;
        this.jobs = new OpJobs(settings);
        this.packages = packages;
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    @Override
    public String run(Path opDirectory, Interpreter interpreter, List<String> arguments, String input) {
        OpHash op = opOf(opDirectory);
        packages.verified(op);
        String id = HexFormat.of().formatHex(randomBytes());
        Path execution = workDir.resolve(OpJobs.executionPath(id));
        Resource<Job> job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(OpJobs.jobName(id));
        try {
            Files.createDirectories(execution.resolve("in"));
            Files.createDirectories(execution.resolve("out"));
            Files.writeString(execution.resolve("in").resolve("input.json"), input, StandardCharsets.UTF_8);
            client.resource(jobs.job(id, op, interpreter, arguments)).inNamespace(settings.namespace()).create();
            Job finished = awaitEnd(job, OpJobs.jobName(id));
            Optional<JobCondition> failed = condition(finished, "Failed");
            if (failed.isPresent()) {
                throw failure(finished, failed.get());
            }
            return readOutput(execution.resolve("out").resolve("output.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand op " + op + " its input under " + execution, e);
        } finally {
            remove(job, execution);
        }
    }

    private Job awaitEnd(Resource<Job> job, String name) {
        long waitMillis = settings.deadlineSeconds() * 1000 + grace.toMillis();
        Job finished;
        try {
            finished = job.waitUntilCondition(j -> j == null || condition(j, "Complete").isPresent()
                    || condition(j, "Failed").isPresent(), waitMillis, TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new OpFailed("the op ran longer than " + settings.timeLimit() + " and was stopped (its Job "
                    + name + " was not done after " + waitMillis / 1000 + " s)");
        }
        if (finished == null) {
            throw new OpFailed("the op's Job was deleted before it ended");
        }
        return finished;
    }

    private OpFailed failure(Job job, JobCondition failed) {
        String name = job.getMetadata().getName();
        if ("DeadlineExceeded".equals(failed.getReason())) {
            return new OpFailed("the op ran longer than " + settings.timeLimit() + " and was stopped (Job " + name
                    + ": " + failed.getMessage() + ")");
        }
        return new OpFailed("the op failed (Job " + name + ": " + failed.getReason() + ")" + lastWords(name));
    }

    /** What each ended container of the Job's pod said: exit status, reason, termination message. */
    private String lastWords(String jobName) {
        List<Pod> pods = client.pods().inNamespace(settings.namespace()).withLabel("job-name", jobName).list().getItems();
        StringBuilder words = new StringBuilder();
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            Stream.concat(pod.getStatus().getInitContainerStatuses().stream(), pod.getStatus().getContainerStatuses().stream())
                    .filter(status -> status.getState() != null && status.getState().getTerminated() != null)
                    .filter(status -> status.getState().getTerminated().getExitCode() != 0)
                    .forEach(status -> words.append("; ").append(describe(status)));
        }
        return words.isEmpty() ? "" : ":" + words.substring(1);
    }

    private static String describe(ContainerStatus status) {
        ContainerStateTerminated end = status.getState().getTerminated();
        String what = status.getName() + " exit " + end.getExitCode();
        if ("verify".equals(status.getName())) {
            if (end.getExitCode() == OpJobs.CODE_MISMATCH_EXIT) {
                what = "the op package in the Job is not the registered op";
            } else if (end.getExitCode() == OpJobs.LIBRARY_MISMATCH_EXIT) {
                what = "the op runner image does not have the kept libraries the op package names by hash";
            }
        }
        String reason = end.getReason() == null || "Error".equals(end.getReason()) ? "" : " (" + end.getReason() + ")";
        String message = end.getMessage() == null || end.getMessage().isBlank() ? "" : ": " + tail(end.getMessage().strip());
        return what + reason + message;
    }

    private static String readOutput(Path output) throws IOException {
        if (!Files.isRegularFile(output)) {
            throw new OpFailed("the op's Job completed without writing its output");
        }
        try (InputStream in = Files.newInputStream(output)) {
            byte[] read = in.readNBytes(OpRunner.MAX_OUTPUT_BYTES + 1);
            if (read.length > OpRunner.MAX_OUTPUT_BYTES) {
                throw new OpFailed("the op wrote more than " + OpRunner.MAX_OUTPUT_BYTES + " bytes");
            }
            return new String(read, StandardCharsets.UTF_8);
        }
    }

    private void remove(Resource<Job> job, Path execution) {
        try {
            job.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            // ttlSecondsAfterFinished removes it later
            LOG.log(Level.WARNING, "could not delete the op Job " + execution.getFileName() + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(execution)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + execution + ": " + e.getMessage());
        }
    }

    /** {@code runs.OpCode} unpacks each verified package into {@code <work-dir>/ops/<hex of its hash>}. */
    static OpHash opOf(Path opDirectory) {
        String name = opDirectory.getFileName().toString();
        if (!OP_DIRECTORY.matcher(name).matches()) {
            throw new OpFailed("'" + opDirectory + "' is not a verified op directory (<work-dir>/ops/<op hash>)");
        }
        return OpHash.of("0x" + name);
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
    }
}
