package io.datatoken.tracer.api;

import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.lineage.EdgeView;
import io.datatoken.tracer.lineage.LineageQueries;
import io.datatoken.tracer.lineage.LineageView;
import io.datatoken.tracer.workflow.EdgeOps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A DT's lineage from the index. */
@Path("/v1/lineage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class LineageResource {

    @Inject
    Caller caller;

    @Inject
    LineageQueries queries;

    @Inject
    EdgeOps edgeOps;

    @GET
    @Path("/{dt}")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator",
            "end-user"})
    @Operation(summary = "A DT's lineage to a depth: down, what it is made of; up, the compositions made of it and "
            + "the jobs that run them; with each edge's last grant change and the op the parent applies to the child "
            + "(from the parent's document, verified against its proof; or why it is not known: PENDING, UNAVAILABLE, "
            + "REJECTED, NOT_SET, NO_DOCUMENT). A regulator or an admin reads any DT's; an end user only a DT of their "
            + "own (their organization's, naming them as its end user); anyone else only one whose answer holds a DT "
            + "or a job of their organization")
    @APIResponse(responseCode = "200", description = "the lineage")
    @APIResponse(responseCode = "400", description = "a malformed DT id, direction or depth")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "no organization, or none of the caller's (not-yours); for an end "
            + "user, not a DT of their own (not-yours)")
    @APIResponse(responseCode = "404", description = "the index holds no such DT (unknown or not yet confirmed)")
    public LineageView lineage(
            @PathParam("dt") String dt,
            @Parameter(description = "down (the default) or up") @QueryParam("direction") String direction,
            @Parameter(description = "edges to follow, 1 to 32, default 10") @QueryParam("depth") String depth) {
        DataTokenId id = Params.dataTokenId("dt", dt);
        var lineage = TraceAccess.visible(caller, queries.lineage(id, TraceParams.direction(direction),
                TraceParams.depth(depth)).orElseThrow(() -> unknown(id)));
        return lineage.withOps(edgeOps.of(lineage.edges().stream().map(EdgeView::edge).toList()));
    }

    static ProblemException unknown(DataTokenId dt) {
        return new ProblemException(Response.Status.NOT_FOUND, "unknown-asset", "the index holds no DT " + dt
                + ": it is not registered, or its registration is not yet confirmed");
    }
}
