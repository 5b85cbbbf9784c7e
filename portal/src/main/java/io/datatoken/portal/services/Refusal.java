package io.datatoken.portal.services;

import java.time.Instant;

/**
 * A request a compute node refused, reported signed by the node.
 *
 * @param organization the reporting organization
 * @param code         the refusal code(s), separated by one space
 * @param detail       the node's words
 */
public record Refusal(String id, String organization, String signer, String job, String dt, String op, String code,
                      String detail, Instant refusedAt, Instant receivedAt) {
}
