package io.datatoken.compute.runs;

import io.datatoken.chain.NodeMessages;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Takes what other nodes send for a job, trusting only the chain and the verified documents: the
 * signature names the sender's account, whose organization must own the sending asset (for an end
 * user's own asset: the end user's account); the job
 * must be running; and the transfer must follow its kind's route ({@link RunInput.Kind}): from an
 * asset running the kind's op to an asset of the same composition running the op it goes to (a
 * share from ss-share to secure-sum, a PSI query from psi-request to psi-respond, ...), or to the
 * job's algorithm (a partial sum); the receiver always held by the party this node runs for
 * ({@link NodeParty}).
 */
@ApplicationScoped
public class Inbox {

    @Inject
    OrganizationLedger organizations;

    @Inject
    DataTokenLedger tokens;

    @Inject
    TaskMarketLedger market;

    @Inject
    JobPlans plans;

    @Inject
    RunBook book;

    @Inject
    Runs runs;

    @Inject
    Event<ResultInputArrived> resultInputs;

    @Inject
    NodeParty party;

    Clock clock = Clock.systemUTC();

    public void receive(Transfer transfer) {
        ChainAddress sender;
        try {
            sender = NodeMessages.signerOf(transfer.signedBytes(), transfer.signature());
        } catch (IllegalArgumentException e) {
            throw new TransferRefused("bad-signature", e.getMessage());
        }
        checkPayload(transfer);
        DataToken from = tokens.find(transfer.from()).orElseThrow(() -> new TransferRefused("unknown-asset",
                "no asset " + transfer.from() + " is registered"));
        requireSentByHolder(from, sender);
        Job job = market.findJob(transfer.job()).orElseThrow(() -> new TransferRefused("unknown-job",
                "no job " + transfer.job() + " is on the task market"));
        if (job.state() != JobState.RUNNING) {
            throw new TransferRefused("job-not-running", "job " + job.id() + " is " + job.state());
        }
        if (!tokens.isActive(job.algorithm())) {
            throw new TransferRefused("not-authorized", "job " + job.id() + "'s algorithm is no longer authorized: a grant "
                    + "below it was revoked or expired, or an owner suspended");
        }
        checkRoute(transfer, job);
        RunInput input = new RunInput(new RunInput.Key(job.id().value(), transfer.to().value(), transfer.from().value(),
                transfer.kind(), transfer.round()), sender.value(), transfer.payload(), transfer.payloadHash(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        if (!book.keep(input)) {
            throw new TransferRefused("already-received", "this node already holds a different " + transfer.kind()
                    + (transfer.round() == 0 ? "" : " of round " + transfer.round()) + " from " + transfer.from()
                    + " for job " + job.id());
        }
        if (transfer.kind().toOps().isEmpty()) {
            resultInputs.fire(new ResultInputArrived(job, transfer.kind()));
        } else {
            runs.inputArrived(job.id().value(), transfer.to().value());
        }
    }

    /**
     * An organization's asset speaks through an account of the organization; an end user's own asset
     * only through that end user's account, the key of their device node (decision 0021).
     */
    private void requireSentByHolder(DataToken from, ChainAddress sender) {
        if (from.endUser().isPresent()) {
            EndUserId user = from.endUser().get();
            boolean theirs = organizations.findEndUser(sender)
                    .filter(e -> e.organization().equals(from.owner()) && e.id().equals(user)).isPresent();
            if (!theirs) {
                throw new TransferRefused("wrong-organization", "the transfer is signed by " + sender + ", not by the "
                        + "account of end user " + user + " of '" + from.owner() + "', who owns " + from.id());
            }
            return;
        }
        OrganizationAlias senderOrganization = organizations.organizationOf(sender).orElse(null);
        if (!from.owner().equals(senderOrganization)) {
            throw new TransferRefused("wrong-organization", "the transfer is signed by " + sender + " ("
                    + (senderOrganization == null ? "no organization" : "'" + senderOrganization + "'") + "), not by an "
                    + "account of '" + from.owner() + "', which owns " + from.id());
        }
    }

    /** A ring matrix for S1's kinds, one JSON object (an op's message, read by the op) for the others. */
    private static void checkPayload(Transfer transfer) {
        try {
            if (transfer.kind().ringMatrix()) {
                RingMatrices.parse(transfer.payload());
            } else {
                OpMessages.requireObject(transfer.payload());
            }
        } catch (IllegalArgumentException e) {
            throw new TransferRefused("malformed-payload", e.getMessage());
        }
    }

    /**
     * The kind's route, on chain: the sender runs the kind's op in the job, and the receiver is either
     * an asset of the same composition running the op the kind goes to, or the job's algorithm; in
     * both cases owned by this node's organization.
     */
    private void checkRoute(Transfer transfer, Job job) {
        RunInput.Kind kind = transfer.kind();
        requireOp(transfer.from(), opNameFor(transfer.from(), job), kind.fromOp());
        if (kind.toOps().isEmpty()) {
            if (!transfer.to().equals(job.algorithm())) {
                throw new TransferRefused("not-the-algorithm", "a " + kind + " goes to the job's algorithm "
                        + job.algorithm() + ", not to " + transfer.to());
            }
            ownedHere(transfer.to());
            return;
        }
        ownedHere(transfer.to());
        var fromPlace = plans.placementOf(transfer.from(), job.algorithm()).orElseThrow();
        var toPlace = plans.placementOf(transfer.to(), job.algorithm()).orElseThrow(() -> new TransferRefused(
                "not-part-of-job", "asset " + transfer.to() + " has no op in job " + job.id()));
        if (!fromPlace.composition().equals(toPlace.composition())) {
            throw new TransferRefused("not-same-composition", transfer.from() + " and " + transfer.to()
                    + " are not children of the same composition");
        }
        String toOp = plans.opName(toPlace.opFor(transfer.to()).orElseThrow()).orElse("unknown");
        if (!kind.toOps().contains(toOp)) {
            throw new TransferRefused("wrong-op", "the job's workflow runs " + toOp + " on " + transfer.to()
                    + ", which takes no " + kind + " (only " + String.join(" or ", kind.toOps()) + " does)");
        }
    }

    private String opNameFor(DataTokenId dt, Job job) {
        var placement = plans.placementOf(dt, job.algorithm()).orElseThrow(() -> new TransferRefused("not-part-of-job",
                "asset " + dt + " has no op in job " + job.id()));
        return plans.opName(placement.opFor(dt).orElseThrow()).orElse("unknown");
    }

    private static void requireOp(DataTokenId dt, String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new TransferRefused("wrong-op", "the job's workflow runs " + actual + " on " + dt + ", not " + expected);
        }
    }

    private void ownedHere(DataTokenId dt) {
        DataToken to = tokens.find(dt).orElseThrow(() -> new TransferRefused("unknown-asset", "no asset " + dt
                + " is registered"));
        if (!party.holds(to)) {
            throw new TransferRefused("not-this-nodes-asset", party.whyNotHeld(to));
        }
    }

    /** A transfer this node will not keep; {@code reason} is a problem type. */
    public static final class TransferRefused extends RuntimeException {

        private final String reason;

        public TransferRefused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
