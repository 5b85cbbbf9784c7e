package io.datatoken.domain.market;

import io.datatoken.domain.market.ExecutionRefusal.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a compute node checks before it runs anything, trusting nobody: the request is fresh and
 * unused, signed by an account of the job's owner, for a running job whose every authorization is
 * still live, for an asset of this node's
 * organization (on a device node, of its end user; on an organization's node, not of an end user)
 * that is part of the job, with a usable op whose stored code is the registered code
 * and that the composition's workflow sets for that asset. Every failed rule is reported; an empty list means the request may run.
 */
public final class ExecutionRequestCheck {

    /** The longest a request may stay valid: a leaked request is worthless soon after. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private final Clock clock;

    public ExecutionRequestCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<ExecutionRefusal> refusals(ExecutionFacts facts) {
        ExecutionRequest request = facts.request().request();
        Instant now = clock.instant();
        List<ExecutionRefusal> refusals = new ArrayList<>();
        if (request.expiredAt(now)) {
            refusals.add(new ExecutionRefusal(Reason.EXPIRED, "the request expired at " + request.expiresAt()));
        } else if (request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            refusals.add(new ExecutionRefusal(Reason.LIVES_TOO_LONG, "the request is valid until " + request.expiresAt()
                    + "; a node accepts requests valid for at most " + MAX_LIFETIME.toMinutes() + " minutes"));
        }
        if (facts.nonceUsed()) {
            refusals.add(new ExecutionRefusal(Reason.REPLAYED, "nonce " + request.nonce() + " was used before"));
        }
        if (facts.job().isEmpty()) {
            refusals.add(new ExecutionRefusal(Reason.UNKNOWN_JOB, "no job " + request.job() + " on the task market"));
        } else {
            Job job = facts.job().get();
            if (facts.signerOrganization().isEmpty()) {
                refusals.add(new ExecutionRefusal(Reason.UNKNOWN_SIGNER, "the signer acts for no organization"));
            } else if (!facts.signerOrganization().get().equals(job.owner())) {
                refusals.add(new ExecutionRefusal(Reason.WRONG_ORGANIZATION, "signed for '"
                        + facts.signerOrganization().get() + "', but the job belongs to '" + job.owner() + "'"));
            }
            if (job.state() != JobState.RUNNING) {
                refusals.add(new ExecutionRefusal(Reason.JOB_NOT_RUNNING, "the job is " + job.state() + ", not RUNNING"));
            } else if (!facts.jobAuthorized()) {
                refusals.add(new ExecutionRefusal(Reason.NOT_AUTHORIZED, "the job's algorithm " + job.algorithm()
                        + " is no longer authorized: a grant below it was revoked or expired, or an owner suspended"));
            }
            if (!facts.dtPartOfJob()) {
                refusals.add(new ExecutionRefusal(Reason.NOT_PART_OF_JOB, request.dt() + " is not part of the job's algorithm "
                        + job.algorithm()));
            }
        }
        if (facts.dtOwner().filter(facts.nodeOrganization()::equals).isEmpty()) {
            refusals.add(new ExecutionRefusal(Reason.NOT_THIS_NODES_ASSET, request.dt() + " is not an asset of '"
                    + facts.nodeOrganization() + "', which this node runs for"));
        } else if (!facts.dtEndUser().equals(facts.nodeEndUser())) {
            // an end user's data runs on their own device node only, never on their organization's (decision 0021)
            refusals.add(new ExecutionRefusal(Reason.NOT_THIS_NODES_ASSET, facts.dtEndUser()
                    .map(user -> request.dt() + " is end user " + user + "'s own data; only their device node runs ops on it")
                    .orElse(request.dt() + " is '" + facts.nodeOrganization() + "''s own, not an end user's")
                    + facts.nodeEndUser().map(user -> ", and this node is end user " + user + "'s device").orElse("")));
        }
        if (!facts.opUsable()) {
            refusals.add(new ExecutionRefusal(Reason.OP_NOT_USABLE, "op " + request.op() + " is not a usable trusted op"));
        } else if (!facts.opCodeMatches()) {
            refusals.add(new ExecutionRefusal(Reason.OP_CODE_MISMATCH, "the code stored for op " + request.op()
                    + " does not hash to it; it is not the code the registry vouches for"));
        }
        if (facts.workflowOp().filter(request.op().value()::equals).isEmpty()) {
            refusals.add(new ExecutionRefusal(Reason.OP_NOT_IN_WORKFLOW, "the composition's workflow sets "
                    + facts.workflowOp().orElse("no op") + " for " + request.dt() + ", not " + request.op()));
        }
        return refusals;
    }
}
