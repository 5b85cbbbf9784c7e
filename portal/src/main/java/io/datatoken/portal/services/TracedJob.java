package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A job submitted with an algorithm DT, as the tracer indexed it.
 *
 * @param owner the organization owning the algorithm DT, which submitted the job
 * @param state its last state (SUBMITTED, AUTHORIZED, RUNNING, SUCCEEDED, FAILED, REVOKED)
 */
public record TracedJob(String job, String task, String algorithm, String owner, String state, long submittedBlock,
                        Long stateBlock, String txHash, Instant submittedAt, String submittedBy) {
}
