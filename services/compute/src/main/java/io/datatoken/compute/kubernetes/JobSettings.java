package io.datatoken.compute.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * How op Jobs are made (the {@code datatoken.compute.kubernetes.*} keys, docs/configuration.md).
 *
 * @param namespace      where the Jobs go: the node's own namespace
 * @param image          the op runner image (Python 3 and a JRE 21, nothing else the op may use)
 * @param workClaim      the PersistentVolumeClaim mounted at the node's work directory
 * @param python         the interpreter of Python ops inside the image
 * @param java           the {@code java} launcher of JAR ops inside the image
 * @param jvmLibraries   the image's directory of kept libraries, which JAR ops name by sha-256
 *                       ({@code libraries.sha256}, decision 0017) and the Job copies in only when they match
 * @param cpu            CPU request and limit of an op (a Kubernetes quantity, e.g. {@code 1})
 * @param timeLimit      wall-clock limit of the op itself ({@code datatoken.compute.op.time-limit})
 * @param memoryBytes    memory request and limit of an op ({@code datatoken.compute.op.memory-bytes})
 * @param startAllowance scheduling and image pull time allowed on top of the time limit
 * @param keepFinished   how long Kubernetes keeps a finished Job the node could not delete itself
 * @param coLocate       schedule the Job beside the node's pod (a ReadWriteOnce work volume)
 */
public record JobSettings(String namespace, String image, String workClaim, String python, String java,
                          String jvmLibraries, String cpu, Duration timeLimit, long memoryBytes, Duration startAllowance,
                          Duration keepFinished, boolean coLocate) {

    public JobSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(workClaim, "workClaim");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(jvmLibraries, "jvmLibraries");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(startAllowance, "startAllowance");
        Objects.requireNonNull(keepFinished, "keepFinished");
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive");
        }
    }

    /** The Job's own deadline: the op's time limit plus the time to schedule it and pull its image. */
    public long deadlineSeconds() {
        return seconds(timeLimit) + seconds(startAllowance);
    }

    static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
