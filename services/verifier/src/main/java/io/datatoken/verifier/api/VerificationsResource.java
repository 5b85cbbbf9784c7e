package io.datatoken.verifier.api;

import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import io.datatoken.verifier.verification.Verifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Verifications of compositions against their children's terms, and the authorizations they allow. */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class VerificationsResource {

    @Inject
    Verifications verifications;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/verifications")
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @Operation(summary = "Verify a composition against every child's terms: a pass, or a why-denied report naming "
            + "the child, the rule, the offending value and what the terms allow")
    @APIResponse(responseCode = "200", description = "the report (passed or not)")
    @APIResponse(responseCode = "400", description = "the asset composes nothing, or the request is malformed")
    @APIResponse(responseCode = "404", description = "no such asset")
    @APIResponse(responseCode = "502", description = "a stored DDO is not the one its token's proof vouches for")
    public ReportView verify(VerificationRequest request) {
        if (request == null) {
            throw missing("{\"parent\": \"0x…\"}");
        }
        return ReportView.of(verifications.verify(Params.dataTokenId("parent", request.parent()), token.getRawToken()));
    }

    @POST
    @Path("/verifications/drafts")
    @RolesAllowed({"algorithm-provider", "compute-provider"})
    @Operation(summary = "Verify a composition before registering it: the body is its draft DDO (the caller's "
            + "organization's, composing registered assets); the same report as for a registered one, nothing recorded")
    @APIResponse(responseCode = "200", description = "the report (passed or not)")
    @APIResponse(responseCode = "400", description = "not a valid DDO, or it composes nothing")
    @APIResponse(responseCode = "403", description = "the draft names another organization as its owner")
    @APIResponse(responseCode = "404", description = "a child is not a registered asset")
    public ReportView verifyDraft(byte[] draft) {
        if (draft == null || draft.length == 0) {
            throw missing("the composition's DDO, {\"dt\": \"0x…\", \"kind\": \"ALGORITHM\", …}");
        }
        try {
            return ReportView.of(verifications.verifyDraft(OrganizationRequired.of(caller), draft, token.getRawToken()));
        } catch (DdoRejected invalid) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-ddo", "the draft is not a valid DDO: "
                    + invalid.getMessage());
        }
    }

    @POST
    @Path("/authorizations")
    @RolesAllowed({"data-provider", "compute-provider", "algorithm-provider"})
    @Operation(summary = "Authorize a composition's use of the caller's asset once verification passes: the grant "
            + "goes on chain, signed by the owner's account (through the asset service)")
    @APIResponse(responseCode = "201", description = "verified and granted")
    @APIResponse(responseCode = "200", description = "verified; it was granted so already")
    @APIResponse(responseCode = "403", description = "the caller's organization does not own the child")
    @APIResponse(responseCode = "409", description = "the child's terms are not met: the problem carries the why-denied report")
    public Response authorize(AuthorizationRequest request) {
        if (request == null) {
            throw missing("{\"child\": \"0x…\", \"parent\": \"0x…\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}");
        }
        var authorized = verifications.authorize(OrganizationRequired.of(caller), Params.dataTokenId("child", request.child()),
                Params.dataTokenId("parent", request.parent()), Params.instantOrNull("expires-at", request.expiresAt()), token.getRawToken());
        JsonObject grant;
        try (JsonReader reader = Json.createReader(new StringReader(authorized.grant().json()))) {
            grant = reader.readObject();
        }
        var body = new AuthorizationView(ReportView.of(authorized.report()), grant);
        return Response.status(authorized.grant().created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(body).build();
    }

    /** @param parent the composition to verify */
    public record VerificationRequest(String parent) {
    }

    /** @param expiresAt ISO-8601 instant, or absent for until revoked */
    public record AuthorizationRequest(String child, String parent, String expiresAt) {
    }

    /** The verification that allowed the grant, and the grant as the asset service recorded it. */
    public record AuthorizationView(ReportView verification, JsonObject grant) {
    }

    private static ProblemException missing(String example) {
        return new ProblemException(Response.Status.BAD_REQUEST, "missing-body", "send the request as JSON, e.g. " + example);
    }
}
