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
 * Who may read a trace: a regulator or an admin reads every one; anyone else only one in which their
 * organization owns a DT or a job (or, for usage, recorded a receipt): a trace tells which
 * organizations' assets were composed and run, which is theirs to know only if they took part.
 */
final class TraceAccess {

    private TraceAccess() {
    }

    static LineageView visible(Caller caller, LineageView lineage) {
        require(caller, lineage.dt(), organizations(Stream.concat(Stream.of(lineage.token()), lineage.tokens().stream()),
                lineage.jobs().stream(), Stream.empty()));
        return lineage;
    }

    static UsageView visible(Caller caller, UsageView usage) {
        require(caller, usage.dt(), organizations(Stream.concat(Stream.of(usage.token()), usage.compositions().stream()),
                usage.jobs().stream(), usage.receipts().stream()));
        return usage;
    }

    /**
     * The refusals of a usage the caller may read: a regulator or an admin every one; anyone else those
     * their organization's nodes reported and those of requests for their organization's jobs.
     */
    static List<RefusalView> refusalsFor(Caller caller, UsageView usage, List<RefusalView> refusals) {
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return refusals;
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

    private static void require(Caller caller, String dt, Set<String> organizations) {
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return;
        }
        OrganizationAlias organization = OrganizationRequired.of(caller);
        if (!organizations.contains(organization.value())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "organization '" + organization
                    + "' owns no DT and no job in the trace of " + dt + "; only its participants, a regulator or an"
                    + " admin may read it");
        }
    }
}
