package io.datatoken.compute.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** What another node sent this one for a job, as accepted: a row of run_input. */
@Entity
@Table(name = "run_input")
public class RunInput {

    /** An additive share of a party's Z_i, or a compute node's partial sum of shares. */
    public enum Kind { SHARE, PARTIAL_SUM }

    @EmbeddedId
    private Key key;

    @Column(name = "kind", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "sender", nullable = false, length = 42)
    private String sender;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "payload_hash", nullable = false, length = 66)
    private String payloadHash;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected RunInput() {
    }

    public RunInput(Key key, Kind kind, String sender, String payload, String payloadHash, OffsetDateTime receivedAt) {
        this.key = key;
        this.kind = kind;
        this.sender = sender;
        this.payload = payload;
        this.payloadHash = payloadHash;
        this.receivedAt = receivedAt;
    }

    public Key key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String sender() {
        return sender;
    }

    public String payload() {
        return payload;
    }

    public String payloadHash() {
        return payloadHash;
    }

    /** (job, receiving asset, sending asset). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "job", length = 66)
        private String job;

        @Column(name = "to_dt", length = 66)
        private String to;

        @Column(name = "from_dt", length = 66)
        private String from;

        protected Key() {
        }

        public Key(String job, String to, String from) {
            this.job = job;
            this.to = to;
            this.from = from;
        }

        public String job() {
            return job;
        }

        public String to() {
            return to;
        }

        public String from() {
            return from;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && job.equals(k.job) && to.equals(k.to) && from.equals(k.from);
        }

        @Override
        public int hashCode() {
            return Objects.hash(job, to, from);
        }
    }
}
