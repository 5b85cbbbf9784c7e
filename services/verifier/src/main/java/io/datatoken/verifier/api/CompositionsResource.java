package io.datatoken.verifier.api;

import io.datatoken.support.web.Params;
import io.datatoken.verifier.verification.AuthorizationTree;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The authorization state of a composition's whole tree, as the chain decides it. */
@Path("/v1/compositions/{dt}/authorizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class CompositionsResource {

    @Inject
    AuthorizationTree tree;

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Whether the composition is active, and every edge of its tree: each child's grant "
            + "(live, missing, revoked, expired) and its owner's state; the blocking ones say what a job waits for")
    @APIResponse(responseCode = "404", description = "no such asset")
    public TreeView get(@PathParam("dt") String dt) {
        var status = tree.of(Params.dataTokenId("dt", dt));
        List<EdgeView> edges = status.edges().stream().map(e -> new EdgeView(e.child().value(), e.parent().value(),
                e.childOwner().value(), e.ownerActive(), e.grant().name().toLowerCase(Locale.ROOT), e.expiresAt(),
                e.blocking())).toList();
        return new TreeView(status.root().value(), status.active(), status.owner().value(), status.ownerActive(), edges,
                edges.stream().filter(EdgeView::blocking).toList());
    }

    /** The composition and its tree; {@code blocking} repeats the edges that keep it inactive. */
    public record TreeView(String dt, boolean active, String owner, boolean ownerActive, List<EdgeView> edges,
                           List<EdgeView> blocking) {
    }

    /** A child's grant to its parent ({@code live}, {@code missing}, {@code revoked}, {@code expired}). */
    public record EdgeView(String child, String parent, String childOwner, boolean ownerActive, String grant,
                           Instant expiresAt, boolean blocking) {
    }
}
