package io.datatoken.tracer.lineage;

import java.time.Instant;

/**
 * A job submitted with an algorithm DT.
 *
 * @param owner      the organization owning the algorithm DT, which submitted and runs the job
 * @param state      its last state (SUBMITTED, AUTHORIZED, RUNNING, SUCCEEDED, FAILED, REVOKED)
 * @param stateBlock the block of its last state change
 * @param submittedAt the time of the block it was submitted in
 * @param submittedBy the account that submitted it (its transaction's sender)
 */
public record JobView(String job, String task, String algorithm, String owner, String state, long submittedBlock,
                      Long stateBlock, String txHash, Instant submittedAt, String submittedBy) {
}
