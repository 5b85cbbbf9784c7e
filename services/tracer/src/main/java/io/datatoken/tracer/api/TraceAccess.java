package io.datatoken.tracer.api;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.lineage.JobView;
import io.datatoken.tracer.lineage.LineageView;
import io.datatoken.tracer.lineage.ReceiptView;
import io.datatoken.tracer.lineage.TokenView;
import io.datatoken.tracer.lineage.UsageView;
import io.datatoken.tracer.refusals.RefusalView;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may read a trace: a regulator or an admin reads every one; an organization's member only one in
 * which their organization owns a DT or a job (or, for usage, recorded a receipt): a trace tells which
 * organizations' assets were composed and run, which is theirs to know only if they took part.
 *
 * <p>An end user (scenario S2, decision 0020) reads the usage and the lineage of their own DTs only:
 * those their organization owns and that name them as end user. The answer is the same as the
 * organization's (every job, receipt and grant of the DT, the compositions above it), since each is a
 * use of the user's data, which the user alone consented to. It holds <em>no refusals</em>: refusals are
 * reported and signed by the organization's nodes about requests to the organization (their detail is
 * the node's own text); the user's device now reports those of the user's own DTs too (kept for the
 * organization), which are not shown to the user here yet; an end user reads the refusals listing not at
 * all. Any other trace, a composition holding their DT included, is refused.
 */
final class TraceAccess {

    private TraceAccess() {
    }

    static LineageView visible(Caller caller, LineageView lineage) {
        require(caller, lineage.dt(), lineage.token(),
                organizations(Stream.concat(Stream.of(lineage.token()), lineage.tokens().stream()),
                lineage.jobs().stream(), Stream.empty()));
        return lineage;
    }

    static UsageView visible(Caller caller, UsageView usage) {
        require(caller, usage.dt(), usage.token(),
                organizations(Stream.concat(Stream.of(usage.token()), usage.compositions().stream()),
                usage.jobs().stream(), usage.receipts().stream()));
        return usage;
    }

    /**
     * The refusals of a usage the caller may read: a regulator or an admin every one; anyone else those
     * their organization's nodes reported and those of requests for their organization's jobs; an end
     * user none.
     */
    static List<RefusalView> refusalsFor(Caller caller, UsageView usage, List<RefusalView> refusals) {
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return refusals;
        }
        if (caller.endUser().isPresent()) {
            return List.of();
        }
        String organization = OrganizationRequired.of(caller).value();
        Set<String> ownJobs = new HashSet<>();
        usage.jobs().stream().filter(j -> organization.equals(j.owner())).map(JobView::job).forEach(ownJobs::add);
        return refusals.stream().filter(r -> organization.equals(r.organization())
                || (r.job() != null && ownJobs.contains(r.job()))).toList();
    }

    private static Set<String> organizations(Stream<TokenView> tokens, Stream<JobView> jobs, Stream<ReceiptView> receipts) {
        Set<String> organizations = new HashSet<>();
        tokens.map(TokenView::owner).filter(Objects::nonNull).forEach(organizations::add);
        jobs.map(JobView::owner).forEach(organizations::add);
        receipts.map(ReceiptView::party).forEach(organizations::add);
        return organizations;
    }

    private static void require(Caller caller, String dt, TokenView asked, Set<String> organizations) {
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return;
        }
        if (caller.endUser().isPresent()) {
            Caller.EndUserOf user = caller.endUser().get();
            if (!isOwn(user, asked)) {
                throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "asset " + dt + " is not end user "
                        + user.id() + " of " + user.organization() + "'s own; an end user reads the trace of their "
                        + "own data tokens only");
            }
            return;
        }
        OrganizationAlias organization = OrganizationRequired.of(caller);
        if (!organizations.contains(organization.value())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "organization '" + organization
                    + "' owns no DT and no job in the trace of " + dt + "; only its participants, a regulator or an"
                    + " admin may read it");
        }
    }

    /** The owner and the end user as the index holds them (in hex if they are no alias or id: never equal then). */
    private static boolean isOwn(Caller.EndUserOf user, TokenView token) {
        return user.organization().value().equals(token.owner()) && user.id().value().equals(token.endUser());
    }
}
