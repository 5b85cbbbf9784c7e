package io.datatoken.verifier.api;

import io.datatoken.support.web.Problem;
import io.datatoken.verifier.verification.AssetGrants.AssetServiceRefused;
import io.datatoken.verifier.verification.AssetGrants.AssetServiceUnavailable;
import io.datatoken.verifier.verification.VerificationRefused;
import io.datatoken.verifier.verification.Verifications.StoredDdoRejected;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The verifier's refusals as problem+json; a refusal by the terms carries the why-denied report,
 * and the asset service's own refusals are passed on with their status and reason.
 */
public final class VerificationProblems {

    private VerificationProblems() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<VerificationRefused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(VerificationRefused e) {
            Response.Status status = switch (e.why()) {
                case INVALID -> Response.Status.BAD_REQUEST;
                case FORBIDDEN -> Response.Status.FORBIDDEN;
                case NOT_FOUND -> Response.Status.NOT_FOUND;
                case CONFLICT -> Response.Status.CONFLICT;
            };
            Problem problem = Problem.of(status, e.reason(), e.getMessage()).at(path(uri));
            if (e.report() == null) {
                return problem.toResponse();
            }
            return Response.status(status).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(new DeniedProblem(
                    problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                    ReportView.of(e.report()))).build();
        }
    }

    @Provider
    public static class AssetRefused implements ExceptionMapper<AssetServiceRefused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AssetServiceRefused e) {
            return Problem.of(Response.Status.fromStatusCode(e.status()) == null ? Response.Status.BAD_GATEWAY
                    : Response.Status.fromStatusCode(e.status()), e.reason(), "the asset service refused: " + e.getMessage())
                    .at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class AssetDown implements ExceptionMapper<AssetServiceUnavailable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AssetServiceUnavailable e) {
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "asset-service-unavailable",
                    e.getMessage() + "; nothing was authorized, try again").at(path(uri)).toResponse())
                    .header("Retry-After", "5").build();
        }
    }

    @Provider
    public static class Tampered implements ExceptionMapper<StoredDdoRejected> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(StoredDdoRejected e) {
            return Problem.of(Response.Status.BAD_GATEWAY, "ddo-tampered", e.getMessage()).at(path(uri)).toResponse();
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    /** RFC 9457 problem with the extension member {@code verification}: the why-denied report. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "verification"})
    public record DeniedProblem(String type, String title, int status, String detail, String instance,
                                ReportView verification) {
    }
}
