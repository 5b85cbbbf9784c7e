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
import java.util.List;

/** What another node sent this one for a job, as accepted: a row of run_input. */
@Entity
@Table(name = "run_input")
public class RunInput {

    /**
     * What one node may send another, each from a run of one op to a run of another op in the same
     * composition, or to the job's algorithm (its owner's node keeps the result). The receiver checks
     * the route on chain; SHARE and PARTIAL_SUM carry ring matrices, the others the ops' JSON messages.
     */
    public enum Kind {
        /** An additive share of a party's Z_i (S1). */
        SHARE("ss-share", "secure-sum"),
        /** A compute node's sum of the shares it holds (S1). */
        PARTIAL_SUM("secure-sum"),
        /** PSI: the requester's blinded items. */
        PSI_QUERY("psi-request", "psi-respond"),
        /** PSI: the requester's items blinded again and the responder's own, blinded. */
        PSI_ANSWER("psi-respond", "psi-request"),
        /** PSI: the intersection's size, when the terms let the responder learn it. */
        PSI_SIZE("psi-request", "psi-respond"),
        /** Joint statistics: one share of a party's count, sum and sum of squares. */
        STATS_SHARE("stats-share", "stats-sum"),
        /** Joint statistics: a compute node's sum of the moment shares it holds. */
        STATS_PARTIAL("stats-sum"),
        /** Paillier: the key holder's public key, for the data owners and the node that adds. */
        PAILLIER_KEY("paillier-keyholder", "paillier-encrypt", "paillier-sum"),
        /** Paillier: a data owner's column, encrypted under the key holder's key. */
        PAILLIER_VALUES("paillier-encrypt", "paillier-sum"),
        /** Paillier: the encrypted sum and count, for the key holder to decrypt. */
        PAILLIER_AGGREGATE("paillier-sum", "paillier-keyholder"),
        /** Federated averaging, per round: the round's configuration, for every device. */
        FL_CONFIG("fed-avg", "edge-train"),
        /** A device's public keys for the round. */
        FL_ADVERTISEMENT("edge-train", "fed-avg"),
        /** The round's roster of advertised keys, for every device on it. */
        FL_ROSTER("fed-avg", "edge-train"),
        /** A device's mask seeds, Shamir-shared and sealed to each other device. */
        FL_SHARES("edge-train", "fed-avg"),
        /** The sealed shares addressed to one device, with the round's global model. */
        FL_DELIVERY("fed-avg", "edge-train"),
        /** A device's model update, trained on its rows and masked. */
        FL_MASKED("edge-train", "fed-avg"),
        /** Which devices survived the round, for the unmasking. */
        FL_UNMASK_REQUEST("fed-avg", "edge-train"),
        /** A survivor's shares that unmask the sum of the updates, never one update. */
        FL_UNMASK_RESPONSE("edge-train", "fed-avg"),
        /** The trained model after the last round, for the job's algorithm. */
        FL_MODEL("fed-avg");

        /** Most training rounds a job may ask for. */
        public static final int MAX_ROUNDS = 100;

        private final String fromOp;
        private final List<String> toOps;

        Kind(String fromOp, String... toOps) {
            this.fromOp = fromOp;
            this.toOps = List.of(toOps);
        }

        /** The op the sending asset runs in the job. */
        public String fromOp() {
            return fromOp;
        }

        /** The ops the receiving asset may run in the same composition; none: the receiver is the job's algorithm. */
        public List<String> toOps() {
            return toOps;
        }

        /** Whether a transfer of this kind belongs to a training round (1 first) rather than to the whole run. */
        public boolean perRound() {
            return name().startsWith("FL_") && this != FL_MODEL;
        }

        /**
         * The round a transfer of this kind names: 1 to {@link #MAX_ROUNDS} for a kind of rounds, none (0)
         * for the others.
         *
         * @throws IllegalArgumentException otherwise
         */
        public int roundOf(Integer round) {
            if (!perRound()) {
                if (round != null && round != 0) {
                    throw new IllegalArgumentException("a " + this + " belongs to no round");
                }
                return 0;
            }
            if (round == null || round < 1 || round > MAX_ROUNDS) {
                throw new IllegalArgumentException("a " + this + " names its round, 1 to " + MAX_ROUNDS);
            }
            return round;
        }

        /** Whether the payload is a ring matrix ({@link RingMatrices}) rather than an op's JSON object. */
        public boolean ringMatrix() {
            return this == SHARE || this == PARTIAL_SUM;
        }
    }

    @EmbeddedId
    private Key key;

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

    public RunInput(Key key, String sender, String payload, String payloadHash, OffsetDateTime receivedAt) {
        this.key = key;
        this.sender = sender;
        this.payload = payload;
        this.payloadHash = payloadHash;
        this.receivedAt = receivedAt;
    }

    public Key key() {
        return key;
    }

    public Kind kind() {
        return key.kind();
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

    /** (job, receiving asset, sending asset, kind, round: 0 unless the kind has rounds). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "job", length = 66)
        private String job;

        @Column(name = "to_dt", length = 66)
        private String to;

        @Column(name = "from_dt", length = 66)
        private String from;

        @Column(name = "kind", length = 24)
        @Enumerated(EnumType.STRING)
        private Kind kind;

        @Column(name = "round")
        private int round;

        protected Key() {
        }

        public Key(String job, String to, String from, Kind kind) {
            this(job, to, from, kind, 0);
        }

        public Key(String job, String to, String from, Kind kind, int round) {
            this.job = job;
            this.to = to;
            this.from = from;
            this.kind = kind;
            this.round = round;
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

        public Kind kind() {
            return kind;
        }

        public int round() {
            return round;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && job.equals(k.job) && to.equals(k.to) && from.equals(k.from) && kind == k.kind
                    && round == k.round;
        }

        @Override
        public int hashCode() {
            return Objects.hash(job, to, from, kind, round);
        }
    }
}
