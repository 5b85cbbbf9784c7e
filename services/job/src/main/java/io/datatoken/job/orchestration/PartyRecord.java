package io.datatoken.job.orchestration;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A party's dispatch as the job service records it.
 *
 * @param node     the compute node's address, or {@code null} when the asset's DDO names none
 * @param attempts requests handed (or tried to hand) to the node so far
 * @param reasons  the node's refusal codes (e.g. {@code job-not-running}), empty unless REFUSED
 * @param detail   what happened last, in words ({@code ""} when nothing to say)
 * @param composition  the composition directly above the asset, or {@code null} if not recorded
 * @param dropoutAfter how long the composition's parties go on without this one once it is silent; zero:
 *                     it may not drop out, its failure fails the job
 */
public record PartyRecord(DataTokenId dt, OpHash op, OrganizationAlias owner, URI node, PartyState state,
                          int attempts, List<String> reasons, String detail, Instant updatedAt,
                          DataTokenId composition, Duration dropoutAfter) {

    /** Longest detail kept: a node's answer is cut to this. */
    public static final int MAX_DETAIL = 2000;

    public PartyRecord {
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        detail = detail == null ? "" : cut(detail);
        dropoutAfter = dropoutAfter == null ? Duration.ZERO : dropoutAfter;
    }

    /** A party that may not drop out, of no recorded composition. */
    public PartyRecord(DataTokenId dt, OpHash op, OrganizationAlias owner, URI node, PartyState state, int attempts,
                       List<String> reasons, String detail, Instant updatedAt) {
        this(dt, op, owner, node, state, attempts, reasons, detail, updatedAt, null, Duration.ZERO);
    }

    /** Whether its composition goes on without it when it fails or falls silent (decision 0021's addendum). */
    public boolean mayDropOut() {
        return composition != null && dropoutAfter.isPositive();
    }

    /** The party of a job its owner dispatches by hand: MANUAL, nothing sent by this service. */
    public static PartyRecord handedToOwner(Party party, Instant at) {
        return new PartyRecord(party.dt(), party.op(), party.owner(), party.node(), PartyState.MANUAL, 0, List.of(),
                "the job's owner hands this party's node its request", at, party.composition(), party.dropoutAfter());
    }

    /** The party as found, before anything is sent: DISPATCHING, or UNREACHABLE when it has no node. */
    public static PartyRecord enlisted(Party party, Instant at) {
        return party.node() == null
                ? new PartyRecord(party.dt(), party.op(), party.owner(), null, PartyState.UNREACHABLE, 0, List.of(),
                party.problem(), at, party.composition(), party.dropoutAfter())
                : new PartyRecord(party.dt(), party.op(), party.owner(), party.node(), PartyState.DISPATCHING, 0, List.of(),
                "", at, party.composition(), party.dropoutAfter());
    }

    public PartyKey key() {
        return new PartyKey(dt, op);
    }

    public PartyRecord moved(PartyState newState, int newAttempts, List<String> newReasons, String newDetail, Instant at) {
        return new PartyRecord(dt, op, owner, node, newState, newAttempts, newReasons, newDetail, at, composition,
                dropoutAfter);
    }

    static String cut(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
