package io.datatoken.portal.services;

import java.time.Instant;

/** A trusted op of the registry, by the sha-256 of its code package. */
public record TrustedOp(String opHash, String name, String version, String codeCid, boolean deprecated,
                        Instant publishedAt) {
}
