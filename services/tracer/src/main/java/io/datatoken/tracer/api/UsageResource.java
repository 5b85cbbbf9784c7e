package io.datatoken.tracer.api;

import io.datatoken.domain.token.DataTokenId;
import io.datatoken.tracer.lineage.LineageQueries;
import io.datatoken.tracer.lineage.UsageView;
import io.datatoken.tracer.refusals.RefusalLog;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class UsageResource {

    @Inject
    Caller caller;

    @Inject
    LineageQueries queries;

    @Inject
    RefusalLog refusals;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/{dt}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator",
            "end-user"})
    @Operation(summary = "A DT's usage from the index: the compositions above it, the jobs whose algorithm is it or one "
            + "of them (with their last state, who submitted them and when), every receipt of those jobs (which "
            + "organization's node ran which op, when, in which block, with which result hash), the grants and "
            + "revocations of the DT, and the requests its owner's nodes refused (reported signed by the node). A "
            + "regulator or an admin reads any DT's and every refusal; anyone else only a DT whose answer holds a DT, "
            + "a job or a receipt of their organization, and the refusals their organization reported or that "
            + "concern its jobs; an end user only a DT of their own (their organization's, naming them as its end "
            + "user), without refusals. JSON by default; with Accept: text/csv one row per job, receipt, grant, "
            + "revocation or refusal, in time order, with its transaction (none for a refusal)")
    @APIResponse(responseCode = "200", description = "the usage", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageView.class)),
            @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "a malformed DT id")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "no organization, or none of the caller's (not-yours); for an end "
            + "user, not a DT of their own (not-yours)")
    @APIResponse(responseCode = "404", description = "the index holds no such DT (unknown or not yet confirmed)")
    public Response usage(@PathParam("dt") String dt) {
        // one method, negotiated here: with two methods for one path the JAX-RS runtime may pick CSV
        // for a request without an Accept header
        UsageView usage = usageOf(dt);
        if (!Negotiation.wantsCsv(headers)) {
            return Response.ok(usage, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(UsageCsv.of(usage), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"usage-" + Params.dataTokenId("dt", dt) + ".csv\"")
                .build();
    }

    UsageView usageOf(String dt) {
        DataTokenId id = Params.dataTokenId("dt", dt);
        UsageView usage = TraceAccess.visible(caller, queries.usage(id).orElseThrow(() -> LineageResource.unknown(id)));
        return usage.withRefusals(TraceAccess.refusalsFor(caller, usage, refusals.ofDataToken(id.value())));
    }
}
