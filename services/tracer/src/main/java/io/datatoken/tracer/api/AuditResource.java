package io.datatoken.tracer.api;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.audit.AuditFilter;
import io.datatoken.tracer.audit.AuditLog;
import io.datatoken.tracer.audit.AuditPage;
import io.datatoken.tracer.refusals.RefusalLog;
import io.datatoken.tracer.refusals.RefusalView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The audit: every indexed event concerning an organization — sent by one of its accounts, naming one of
 * its DTs, jobs or tasks, or naming it — newest first. Members read their own organization's; a regulator
 * (read only, as every tracer endpoint) or an admin reads any organization's, or every event when no
 * organization is given.
 */
@Path("/v1/audit")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class AuditResource {

    private static final String ROLES_NOTE = " Members of an organization read its audit only; a regulator or an "
            + "admin reads any organization's (org=) or, without org, every organization's.";

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    RefusalLog refusalLog;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "An organization's audit, newest first, a page at a time (next: the cursor for before=); "
            + "as CSV for export with Accept: text/csv (one row per event and organization concerned, up to 10000 "
            + "events per answer by default, a Link header rel=next naming the rest)." + ROLES_NOTE)
    @APIResponse(responseCode = "200", description = "a page of events (possibly empty)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "a malformed filter (org, dt, account, event, since, until, "
            + "before or limit)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "another organization's audit, or no organization (not-yours)")
    public Response get(
            @Parameter(description = "organization alias; members: their own (the default)") @QueryParam("org") String org,
            @Parameter(description = "only events naming this DT") @QueryParam("dt") String dt,
            @Parameter(description = "only events sent by or naming this account") @QueryParam("account") String account,
            @Parameter(description = "only this event, e.g. Granted, JobSubmitted, ReceiptRecorded") @QueryParam("event") String event,
            @Parameter(description = "ISO-8601 instant: events of blocks at or after it") @QueryParam("since") String since,
            @Parameter(description = "ISO-8601 instant: events of blocks before it") @QueryParam("until") String until,
            @Parameter(description = "the next cursor of the previous page") @QueryParam("before") String before,
            @Parameter(description = "JSON: 1 to 1000, default 100; CSV: 1 to 10000, default 10000") @QueryParam("limit") String limit) {
        if (!Negotiation.wantsCsv(headers)) {
            return Response.ok(page(org, dt, account, event, since, until, before, limit), MediaType.APPLICATION_JSON)
                    .build();
        }
        AuditFilter filter = scoped(AuditParams.filter(org, dt, account, event, since, until, before, limit,
                AuditFilter.MAX_LIMIT, AuditFilter.MAX_LIMIT));
        AuditPage page = audit.page(filter);
        Response.ResponseBuilder response = Response.ok(AuditCsv.of(page.entries()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-"
                        + filter.organization().orElse("all") + ".csv\"");
        if (page.next() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("before", page.next()).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("/refusals")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "The audit's off-chain half: requests the compute nodes refused (replayed, expired, not "
            + "authorized, …), reported and signed by the refusing node — those the organization's nodes refused and "
            + "those for its jobs — newest first (next: the instant for before=)." + ROLES_NOTE)
    @APIResponse(responseCode = "200", description = "a page of refusals (possibly empty)")
    @APIResponse(responseCode = "400", description = "a malformed org, before or limit")
    @APIResponse(responseCode = "403", description = "another organization's audit, or no organization (not-yours)")
    public RefusalPage refusals(
            @Parameter(description = "organization alias; members: their own (the default)") @QueryParam("org") String org,
            @Parameter(description = "ISO-8601 instant: refusals before it (the next of the previous page)")
            @QueryParam("before") String before,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        AuditFilter filter = scoped(AuditParams.filter(org, null, null, null, null, null, null, limit,
                AuditParams.DEFAULT_LIMIT, RefusalLog.MAX_LIMIT));
        List<RefusalView> refusals = refusalLog.concerning(filter.organization(), filter.limit(),
                Params.instantOrNull("before", before));
        return new RefusalPage(refusals, refusals.size() < filter.limit() ? null
                : refusals.getLast().refusedAt().toString());
    }

    /** Refusals newest first; {@code next} is the {@code before} of the following page, null on the last. */
    public record RefusalPage(List<RefusalView> entries, String next) {
    }

    /** A JSON page (the default representation). */
    AuditPage page(String org, String dt, String account, String event, String since, String until, String before,
                   String limit) {
        return audit.page(scoped(AuditParams.filter(org, dt, account, event, since, until, before, limit,
                AuditParams.DEFAULT_LIMIT, AuditParams.MAX_JSON_LIMIT)));
    }

    /** The filter limited to what the caller may read. */
    private AuditFilter scoped(AuditFilter filter) {
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return filter;
        }
        OrganizationAlias own = OrganizationRequired.of(caller);
        if (filter.organization().isPresent() && !filter.organization().get().equals(own.value())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "not-yours", "organization '" + own
                    + "' may read its own audit only, not that of '" + filter.organization().get()
                    + "'; a regulator reads every organization's");
        }
        return filter.of(own.value());
    }
}
