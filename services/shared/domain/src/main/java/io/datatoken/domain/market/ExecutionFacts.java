package io.datatoken.domain.market;

import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compute node found out for itself about a signed request — from the chain, its own nonce
 * book and the composition's verified DDO — never from the request's say-so.
 *
 * @param signerOrganization the organization the recovered signer acts for, if any
 * @param job                the job as the chain has it, if it exists
 * @param dtPartOfJob        the asset is the job's algorithm or below it (chain)
 * @param jobAuthorized      the job's algorithm is active: every grant below it live, every owner active (chain)
 * @param dtOwner            the asset's owner (chain), if the asset exists
 * @param nodeOrganization   the organization this node runs for
 * @param nonceUsed          the requester's nonce was seen before
 * @param opUsable           the op is published and not deprecated (chain)
 * @param opCodeMatches      the code package stored under the op's registered CID hashes to the op hash
 * @param workflowOp         the op the composition's workflow sets for the asset, if any
 * @param dtEndUser          the end user of {@code dtOwner} who owns the asset (chain), if an end user does
 * @param nodeEndUser        the end user this node acts for (a device node), if any
 */
public record ExecutionFacts(SignedExecutionRequest request, Optional<OrganizationAlias> signerOrganization,
                             Optional<Job> job, boolean dtPartOfJob, boolean jobAuthorized, Optional<OrganizationAlias> dtOwner,
                             OrganizationAlias nodeOrganization, boolean nonceUsed, boolean opUsable,
                             boolean opCodeMatches, Optional<String> workflowOp, Optional<EndUserId> dtEndUser,
                             Optional<EndUserId> nodeEndUser) {

    public ExecutionFacts {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(signerOrganization, "signerOrganization");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(dtOwner, "dtOwner");
        Objects.requireNonNull(nodeOrganization, "nodeOrganization");
        Objects.requireNonNull(workflowOp, "workflowOp");
        Objects.requireNonNull(dtEndUser, "dtEndUser");
        Objects.requireNonNull(nodeEndUser, "nodeEndUser");
    }

    /** Facts of an organization's node about an organization's own asset (no end users). */
    public ExecutionFacts(SignedExecutionRequest request, Optional<OrganizationAlias> signerOrganization,
                          Optional<Job> job, boolean dtPartOfJob, boolean jobAuthorized, Optional<OrganizationAlias> dtOwner,
                          OrganizationAlias nodeOrganization, boolean nonceUsed, boolean opUsable,
                          boolean opCodeMatches, Optional<String> workflowOp) {
        this(request, signerOrganization, job, dtPartOfJob, jobAuthorized, dtOwner, nodeOrganization, nonceUsed, opUsable,
                opCodeMatches, workflowOp, Optional.empty(), Optional.empty());
    }
}
