package io.datatoken.privacy.paillier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** What the key holder learns: the sum of all values (exact in the encoded values) and their count; the mean follows. */
public record Aggregate(BigDecimal sum, long count) {

    /** sum / count to 34 significant digits; empty without values. */
    public Optional<BigDecimal> mean() {
        return count == 0 ? Optional.empty() : Optional.of(sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
    }
}
