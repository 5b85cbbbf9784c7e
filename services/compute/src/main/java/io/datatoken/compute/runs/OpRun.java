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
import java.util.Optional;
import java.util.UUID;

/** This node's run of one op on one of its assets for a job: a row of op_run. */
@Entity
@Table(name = "op_run")
public class OpRun {

    /** WAITING for inputs from other nodes, RUNNING, then SUCCEEDED (receipt on chain) or FAILED. */
    public enum State { WAITING, RUNNING, SUCCEEDED, FAILED }

    @EmbeddedId
    private Key key;

    @Column(name = "op_name", nullable = false, length = 64)
    private String opName;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "state", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "result_hash", length = 66)
    private String resultHash;

    @Column(name = "detail", nullable = false)
    private String detail;

    /** The party's step in a multi-step op (0 first); S1's ops have one. */
    @Column(name = "step", nullable = false)
    private int step;

    /** The party's secret between two steps, sealed by {@link PartyStateSeal}; null when none is kept. */
    @Column(name = "party_state")
    private byte[] partyState;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected OpRun() {
    }

    public OpRun(Key key, String opName, UUID requestId, OffsetDateTime at) {
        this.key = key;
        this.opName = opName;
        this.requestId = requestId;
        this.state = State.WAITING;
        this.detail = "";
        this.startedAt = at;
        this.updatedAt = at;
    }

    public Key key() {
        return key;
    }

    public String opName() {
        return opName;
    }

    public UUID requestId() {
        return requestId;
    }

    public State state() {
        return state;
    }

    public Optional<String> resultHash() {
        return Optional.ofNullable(resultHash);
    }

    public String detail() {
        return detail;
    }

    public int step() {
        return step;
    }

    Optional<byte[]> partyState() {
        return Optional.ofNullable(partyState);
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    void move(State to, String why, OffsetDateTime at) {
        if (to == State.SUCCEEDED || to == State.FAILED) {
            this.partyState = null;
        }
        this.state = to;
        this.detail = why;
        this.updatedAt = at;
    }

    /** The step ran and the run waits for its next one, keeping the party's sealed state. */
    void next(byte[] sealedState, String why, OffsetDateTime at) {
        this.step++;
        this.partyState = sealedState;
        move(State.WAITING, why, at);
    }

    void succeed(String result, String why, OffsetDateTime at) {
        this.resultHash = result;
        move(State.SUCCEEDED, why, at);
    }

    /** (job, dt, op). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "job", length = 66)
        private String job;

        @Column(name = "dt", length = 66)
        private String dt;

        @Column(name = "op", length = 66)
        private String op;

        protected Key() {
        }

        public Key(String job, String dt, String op) {
            this.job = job;
            this.dt = dt;
            this.op = op;
        }

        public String job() {
            return job;
        }

        public String dt() {
            return dt;
        }

        public String op() {
            return op;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && job.equals(k.job) && dt.equals(k.dt) && op.equals(k.op);
        }

        @Override
        public int hashCode() {
            return Objects.hash(job, dt, op);
        }

        @Override
        public String toString() {
            return "job " + job + ", asset " + dt + ", op " + op;
        }
    }
}
