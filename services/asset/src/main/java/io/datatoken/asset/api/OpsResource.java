package io.datatoken.asset.api;

import io.datatoken.asset.ops.OpRegistration;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpHash;
import io.datatoken.support.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OpsResource {

    @Inject
    OpRegistration registration;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed("admin")
    @Operation(summary = "Publish a trusted op: the body is its code package (at most 256 KiB)")
    @APIResponse(responseCode = "201", description = "published: its hash is on chain, its package in the content store")
    @APIResponse(responseCode = "400", description = "name, version or package missing or malformed")
    @APIResponse(responseCode = "409", description = "this package, or this name and version, is published already")
    @APIResponse(responseCode = "413", description = "the package is larger than 256 KiB")
    @APIResponse(responseCode = "503", description = "the chain or the content store cannot be reached; nothing was published")
    public Response publish(@QueryParam("name") String name, @QueryParam("version") String version,
                            InputStream body) throws IOException {
        require("name", name, "the op's name, e.g. ?name=secure-sum");
        require("version", version, "the op's version, e.g. &version=1.0.0");
        byte[] codePackage = readAtMost(body, ContentStore.MAX_CONTENT_BYTES);
        if (codePackage.length == 0) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "empty-package",
                    "the request body must be the op's code package; it was empty");
        }
        TrustedOpView published = TrustedOpView.of(registration.publish(name.strip(), version.strip(), codePackage));
        return Response.created(uri.getAbsolutePathBuilder().path(published.opHash()).build()).entity(published).build();
    }

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Every trusted op the registry holds, by name and then version; "
            + "?deprecated=false for the usable ones only, ?deprecated=true for the deprecated ones")
    @APIResponse(responseCode = "200", description = "the ops (an empty list if none)")
    @APIResponse(responseCode = "400", description = "deprecated is neither true nor false")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached")
    public List<TrustedOpView> list(@QueryParam("deprecated") String deprecated) {
        Boolean wanted = booleanOrNull("deprecated", deprecated);
        return registration.all().stream()
                .filter(op -> wanted == null || op.deprecated() == wanted)
                .map(TrustedOpView::of)
                .toList();
    }

    @GET
    @Path("/{opHash}")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "A trusted op by the sha-256 of its code package")
    @APIResponse(responseCode = "404", description = "no op with that hash")
    public TrustedOpView get(@PathParam("opHash") String opHash) {
        return registration.find(parse(opHash)).map(TrustedOpView::of).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "unknown-op", "no trusted op has the hash " + opHash));
    }

    @POST
    @Path("/{opHash}/deprecation")
    @RolesAllowed("admin")
    @Operation(summary = "Deprecate a trusted op: it stays readable but may not be used any more")
    public TrustedOpView deprecate(@PathParam("opHash") String opHash) {
        return TrustedOpView.of(registration.deprecate(parse(opHash)));
    }

    private static OpHash parse(String opHash) {
        try {
            return OpHash.of(opHash);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-op-hash", e.getMessage());
        }
    }

    /** true, false, or null when absent; {@code malformed-<what>} otherwise. */
    private static Boolean booleanOrNull(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-" + what,
                    what + " '" + value + "' must be true or false");
        };
    }

    private static void require(String parameter, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "missing-parameter",
                    "query parameter '" + parameter + "' is required: " + hint);
        }
    }

    private static byte[] readAtMost(InputStream body, int limit) throws IOException {
        byte[] read = body.readNBytes(limit + 1);
        if (read.length > limit) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "package-too-large",
                    "an op's code package may be at most " + limit + " bytes; store larger code as several packages");
        }
        return read;
    }
}
