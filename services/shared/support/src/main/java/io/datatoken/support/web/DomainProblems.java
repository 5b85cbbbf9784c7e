package io.datatoken.support.web;

import io.datatoken.domain.content.ContentStoreUnavailable;
import io.datatoken.domain.content.ContentTooLarge;
import io.datatoken.domain.organization.DirectoryRefusal;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Domain refusals and outages as problem+json: a rule that refused (409, its reason as the problem
 * type), input the domain rejects (400), an outside system that cannot be reached (503, retry later).
 */
public final class DomainProblems {

    private DomainProblems() {
    }

    /** {@code OrganizationExists} → {@code organization-exists}. */
    static String kebab(String reason) {
        return reason.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Provider
    public static class Refused implements ExceptionMapper<LedgerRefusal> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(LedgerRefusal e) {
            return Problem.of(Response.Status.CONFLICT, kebab(e.reason()), e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class DirectoryRefused implements ExceptionMapper<DirectoryRefusal> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(DirectoryRefusal e) {
            return Problem.of(Response.Status.CONFLICT, kebab(e.reason()), e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<IllegalArgumentException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(IllegalArgumentException e) {
            if (!raisedByPlatform(e)) {
                // A library's argument check (persistence, JSON, HTTP) is a defect here, not bad input.
                return ProblemMappers.incident(e, uri);
            }
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-input", e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<ContentTooLarge> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ContentTooLarge e) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content-too-large", e.getMessage())
                    .at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class LedgerDown implements ExceptionMapper<LedgerUnavailable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(LedgerUnavailable e) {
            return unavailable("chain-unavailable", "the chain cannot be reached or did not confirm in time; "
                    + "nothing was recorded, try again: " + e.getMessage(), uri);
        }
    }

    @Provider
    public static class ContentDown implements ExceptionMapper<ContentStoreUnavailable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ContentStoreUnavailable e) {
            return unavailable("content-store-unavailable", "the content store cannot be reached; nothing was "
                    + "recorded, try again: " + e.getMessage(), uri);
        }
    }

    /** The platform's own value checks raise the input refusals it means to show; libraries' do not. */
    static boolean raisedByPlatform(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.datatoken.");
    }

    private static Response unavailable(String kind, String detail, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, kind, detail).at(path(uri))
                .toResponse()).header("Retry-After", "5").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }
}
