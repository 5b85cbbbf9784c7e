package io.datatoken.asset.api;

import io.datatoken.domain.op.TrustedOp;
import java.time.Instant;

/** A trusted op as the API shows it. */
public record TrustedOpView(String opHash, String name, String version, String codeCid, boolean deprecated,
                            Instant publishedAt) {

    static TrustedOpView of(TrustedOp op) {
        return new TrustedOpView(op.opHash().value(), op.name(), op.version(), op.codeCid().value(), op.deprecated(),
                op.publishedAt());
    }
}
