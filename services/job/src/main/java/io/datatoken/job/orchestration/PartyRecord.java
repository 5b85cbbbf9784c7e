package io.datatoken.job.orchestration;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
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
 */
public record PartyRecord(DataTokenId dt, OpHash op, OrganizationAlias owner, URI node, PartyState state,
                          int attempts, List<String> reasons, String detail, Instant updatedAt) {

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
    }

    /** The party of a job its owner dispatches by hand: MANUAL, nothing sent by this service. */
    public static PartyRecord handedToOwner(Party party, Instant at) {
        return new PartyRecord(party.dt(), party.op(), party.owner(), party.node(), PartyState.MANUAL, 0, List.of(),
                "the job's owner hands this party's node its request", at);
    }

    /** The party as found, before anything is sent: DISPATCHING, or UNREACHABLE when it has no node. */
    public static PartyRecord enlisted(Party party, Instant at) {
        return party.node() == null
                ? new PartyRecord(party.dt(), party.op(), party.owner(), null, PartyState.UNREACHABLE, 0, List.of(),
                party.problem(), at)
                : new PartyRecord(party.dt(), party.op(), party.owner(), party.node(), PartyState.DISPATCHING, 0, List.of(),
                "", at);
    }

    public PartyKey key() {
        return new PartyKey(dt, op);
    }

    public PartyRecord moved(PartyState newState, int newAttempts, List<String> newReasons, String newDetail, Instant at) {
        return new PartyRecord(dt, op, owner, node, newState, newAttempts, newReasons, newDetail, at);
    }

    static String cut(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
