package io.datatoken.job.orchestration;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.util.Comparator;
import java.util.Objects;

/** A party within a job: the asset and the op run on it (a job's receipts are keyed the same way). */
public record PartyKey(DataTokenId dt, OpHash op) implements Comparable<PartyKey> {

    private static final Comparator<PartyKey> ORDER = Comparator.comparing((PartyKey k) -> k.dt().value())
            .thenComparing(k -> k.op().value());

    public PartyKey {
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(op, "op");
    }

    @Override
    public int compareTo(PartyKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return dt + "/" + op;
    }
}
