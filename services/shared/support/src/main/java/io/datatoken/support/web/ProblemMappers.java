package io.datatoken.support.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that escapes a resource into problem+json. Unexpected failures are
 * logged with an incident id that the answer repeats, so an operator can find the stack trace
 * without the client ever seeing it.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Declared implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return e.problem().at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            String detail = switch (status.getStatusCode()) {
                case 401 -> "a valid bearer token from the platform's identity provider is required";
                case 403 -> "your roles do not allow this operation";
                case 404 -> "no such resource: check the path and identifiers";
                case 405 -> "method not allowed here; allowed: " + ((e instanceof NotAllowedException)
                        ? original.getAllowedMethods() : "see the API documentation at /openapi/ui");
                case 415 -> "unsupported content type; send application/json";
                default -> e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
            };
            Response.ResponseBuilder answer = Response.fromResponse(
                    Problem.of(status, kind(status), detail).at(path(uri)).toResponse());
            return answer.build();
        }

        private static String kind(Response.StatusType status) {
            return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        }
    }

    /** A request body JSON-B cannot read (empty, not JSON, wrong shape): the client's to fix, 400. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "the request body is not the JSON this "
                    + "endpoint takes (see /openapi/ui): " + e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            return incident(e, uri);
        }
    }

    /** A 500 that names an incident id; the stack trace goes to the log under it, never to the client. */
    static Response incident(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "the service failed unexpectedly. Report incident " + incident).at(path(uri)).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }
}
