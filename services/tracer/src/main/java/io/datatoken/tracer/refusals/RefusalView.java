package io.datatoken.tracer.refusals;

import java.time.Instant;

/**
 * A refusal as the tracer keeps it.
 *
 * @param id           the reporting node's id for it
 * @param organization the reporting organization, which owns the DT (its alias, as the index names organizations);
 *                     for a device node's report, its end user's organization
 * @param signer       the node's account that signed the report (lower case); a device node's is its end user's
 * @param job          the job the refused request named; null if none
 * @param op           the op the refused request named; null if none
 * @param code         the refusal code(s), several separated by one space
 * @param detail       the node's words
 * @param refusedAt    when the node refused, by its clock
 * @param receivedAt   when the tracer took the report
 */
public record RefusalView(String id, String organization, String signer, String job, String dt, String op, String code,
                          String detail, Instant refusedAt, Instant receivedAt) {
}
