package io.datatoken.domain.verification;

import io.datatoken.domain.asset.Ddo;
import java.util.Objects;

/**
 * What the verifier knows of a child: its verified DDO and how often it has been used.
 *
 * @param usesSoFar uses counted against the terms' {@code maxUses}
 */
public record Child(Ddo ddo, int usesSoFar) {

    public Child {
        Objects.requireNonNull(ddo, "ddo");
        if (usesSoFar < 0) {
            throw new IllegalArgumentException("uses cannot be negative");
        }
    }
}
