package io.datatoken.asset.api;

import io.datatoken.asset.grants.TermsChecks;
import io.datatoken.asset.registration.AssetRefused;
import io.datatoken.asset.registration.StoredDdoRejected;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.support.web.Problem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The asset rules' refusals as problem+json: the request's fault (400/403/404/409, nothing
 * written), or a stored document that is not the one the chain vouches for (502: the content
 * store or the record behind it cannot be trusted, and the document is not served).
 */
public final class AssetProblems {

    private AssetProblems() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<AssetRefused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AssetRefused e) {
            Response.Status status = switch (e.why()) {
                case INVALID -> Response.Status.BAD_REQUEST;
                case FORBIDDEN -> Response.Status.FORBIDDEN;
                case NOT_FOUND -> Response.Status.NOT_FOUND;
                case CONFLICT -> Response.Status.CONFLICT;
            };
            return Problem.of(status, e.reason(), e.getMessage()).at(path(uri)).toResponse();
        }
    }

    /** Every violation, each with the JSON Pointer of its place in the document. */
    @Provider
    public static class Invalid implements ExceptionMapper<InvalidDdo> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(InvalidDdo e) {
            Problem problem = Problem.of(Response.Status.BAD_REQUEST, "invalid-ddo",
                    "the DDO does not follow the schema published at /asset/api/v1/schemas/ddo; fix each violation");
            var body = new InvalidDdoProblem(problem.type(), problem.title(), problem.status(), problem.detail(),
                    path(uri), e.violations().stream().map(v -> new InvalidDdoProblem.At(v.path(), v.message())).toList());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(body).build();
        }
    }

    @Provider
    public static class StoredRejected implements ExceptionMapper<StoredDdoRejected> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(StoredDdoRejected e) {
            return badGateway("ddo-tampered", e.getMessage(), uri);
        }
    }

    @Provider
    public static class Tampered implements ExceptionMapper<ContentTampered> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ContentTampered e) {
            return badGateway("content-tampered", "the content store answered other bytes than the CID names, so "
                    + "they were refused: " + e.getMessage(), uri);
        }
    }

    @Provider
    public static class Missing implements ExceptionMapper<ContentNotFound> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ContentNotFound e) {
            return badGateway("content-missing", "the chain names a document the content store does not hold: "
                    + e.getMessage(), uri);
        }
    }

    @Provider
    public static class VerifierDown implements ExceptionMapper<TermsChecks.VerifierUnavailable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(TermsChecks.VerifierUnavailable e) {
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "verifier-unavailable",
                    e.getMessage() + "; children not yet decided stay unauthorized, try again").at(path(uri)).toResponse())
                    .header("Retry-After", "5").build();
        }
    }

    private static Response badGateway(String kind, String detail, UriInfo uri) {
        return Problem.of(Response.Status.BAD_GATEWAY, kind, detail).at(path(uri)).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    /** RFC 9457 problem with the extension member {@code violations}. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
    public record InvalidDdoProblem(String type, String title, int status, String detail, String instance,
                                    List<At> violations) {

        /** A JSON Pointer into the document ({@code ""} for all of it) and what to change there. */
        public record At(String pointer, String message) {
        }
    }
}
