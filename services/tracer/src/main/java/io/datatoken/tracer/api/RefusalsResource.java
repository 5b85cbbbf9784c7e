package io.datatoken.tracer.api;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.support.security.Caller;
import io.datatoken.support.security.OrganizationRequired;
import io.datatoken.support.web.Params;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.refusals.RefusalIntake;
import io.datatoken.tracer.refusals.RefusalLog;
import io.datatoken.tracer.refusals.RefusalRejected;
import io.datatoken.tracer.refusals.RefusalStore;
import io.datatoken.tracer.refusals.RefusalView;
import io.datatoken.tracer.refusals.ReportedRefusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Refusals the compute nodes report (an execution request or a transfer a node refused), each signed
 * by the node's chain account. Reporting needs no bearer token, as nodes hold no platform
 * credential: the tracer trusts the signature and the chain, never the caller.
 */
@Path("/v1/refusals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefusalsResource {

    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    @Inject
    RefusalIntake intake;

    @Inject
    RefusalLog log;

    /** Resolved only when reading: a node reports without a token, and a Caller needs one. */
    @Inject
    Instance<Caller> callers;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A compute node reports a refusal, signed (EIP-191) by its chain account over the text "
            + "\"datatoken-refusal/1\", id, job, dt, op, code, sha-256 of detail, refusedAt (one per line, an absent "
            + "job or op as an empty line). Kept once per (organization, id) if the signer is an account of an active "
            + "organization that owns the DT on chain, or the account of the end user whose own DT it is (a device "
            + "node) while an active organization keeps that user")
    @APIResponse(responseCode = "201", description = "kept")
    @APIResponse(responseCode = "200", description = "the same refusal was kept before (a node's retry)")
    @APIResponse(responseCode = "400", description = "not a signed refusal: the problem names the field and its form")
    @APIResponse(responseCode = "403", description = "the signer is neither an account of the DT's owner nor its end "
            + "user's, or that owner is not active")
    @APIResponse(responseCode = "409", description = "another refusal was reported under the same id")
    @APIResponse(responseCode = "503", description = "the chain cannot be reached; report it again later")
    public Response report(RefusalBody body) {
        Reported reported = take(body);
        return Response.status(reported.status()).entity(reported.refusal()).build();
    }

    /** The refusal as kept: 201 if new, 200 if kept before; a problem otherwise. */
    Reported take(RefusalBody body) {
        ReportedRefusal refusal = parse(body);
        RefusalIntake.Taken taken;
        try {
            taken = intake.take(refusal, body.signature());
        } catch (RefusalRejected rejected) {
            throw new ProblemException(rejected.kind() == RefusalRejected.Kind.MALFORMED
                    ? Response.Status.BAD_REQUEST : Response.Status.FORBIDDEN, rejected.type(), rejected.getMessage());
        }
        if (taken.kept() == RefusalStore.Kept.CONFLICTING) {
            throw new ProblemException(Response.Status.CONFLICT, "refusal-conflict", "'" + taken.organization()
                    + "' reported another refusal under id " + refusal.id() + " before; a node never changes a refusal "
                    + "it reported: report a different one under a new id");
        }
        return new Reported(taken.kept() == RefusalStore.Kept.NEW ? Response.Status.CREATED : Response.Status.OK,
                log.find(taken.organization().value(), refusal.id()).orElseThrow());
    }

    @GET
    @RolesAllowed({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator"})
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "The refusals reported for a DT, in the order the nodes refused them (newest last). Only its "
            + "owner's nodes (and its end user's device) report a DT's refusals, so a member of the owner reads them "
            + "all, any other organization none; a regulator or an admin reads every DT's")
    @APIResponse(responseCode = "200", description = "the refusals (possibly none)")
    @APIResponse(responseCode = "400", description = "a missing or malformed DT id")
    public List<RefusalView> ofDataToken(@QueryParam("dt") String dt) {
        return ofDataToken(callers.get(), dt);
    }

    List<RefusalView> ofDataToken(Caller caller, String dt) {
        DataTokenId id = Params.dataTokenId("dt", dt);
        List<RefusalView> refusals = log.ofDataToken(id.value());
        if (caller.has(PlatformRole.REGULATOR) || caller.has(PlatformRole.ADMIN)) {
            return refusals;
        }
        OrganizationAlias organization = OrganizationRequired.of(caller);
        return refusals.stream().filter(r -> r.organization().equals(organization.value())).toList();
    }

    private static ReportedRefusal parse(RefusalBody body) {
        if (body == null) {
            throw malformed("send the node's signed refusal: {id, job, dt, op, code, detail, refusedAt, signature}");
        }
        if (body.id() == null || !UUID_FORM.matcher(body.id()).matches()) {
            throw malformed("'id' must be the node's UUID for the refusal (8-4-4-4-12 hex digits), not "
                    + quoted(body.id()));
        }
        JobId job = body.job() == null || body.job().isBlank() ? null : value("job", body.job(), JobId::of);
        DataTokenId dt = value("dt", body.dt(), DataTokenId::of);
        OpHash op = body.op() == null || body.op().isBlank() ? null : value("op", body.op(), OpHash::of);
        Instant refusedAt;
        try {
            refusedAt = Instant.parse(String.valueOf(body.refusedAt()));
        } catch (DateTimeParseException e) {
            throw malformed("'refusedAt' must be an ISO-8601 instant such as 2027-01-01T12:00:00.123456Z, not "
                    + quoted(body.refusedAt()));
        }
        try {
            return new ReportedRefusal(UUID.fromString(body.id().toLowerCase(Locale.ROOT)), job, dt, op, body.code(),
                    body.detail(), refusedAt);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static <T> T value(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw malformed("'" + field + "' must be 0x followed by 64 hex digits"
                    + (field.equals("dt") ? "" : ", or absent") + ", not " + quoted(text));
        }
    }

    private static String quoted(String text) {
        return text == null ? "absent" : "'" + text + "'";
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "malformed-refusal", detail);
    }

    record Reported(Response.Status status, RefusalView refusal) {
    }

    /** A refusal as a node sends it; job and op may be absent. */
    public record RefusalBody(String id, String job, String dt, String op, String code, String detail, String refusedAt,
                              String signature) {
    }
}
