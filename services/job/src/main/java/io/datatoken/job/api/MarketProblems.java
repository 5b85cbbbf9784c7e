package io.datatoken.job.api;

import io.datatoken.job.market.KeyReused;
import io.datatoken.job.market.Market;
import io.datatoken.job.market.NotYours;
import io.datatoken.support.web.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The market's own refusals as problem+json (the chain's refusals are mapped by the shared support). */
public final class MarketProblems {

    private MarketProblems() {
    }

    @Provider
    public static class NotOwner implements ExceptionMapper<NotYours> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotYours e) {
            return Problem.of(Response.Status.FORBIDDEN, "not-owner", e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class Unknown implements ExceptionMapper<Market.UnknownJob> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Market.UnknownJob e) {
            return Problem.of(Response.Status.NOT_FOUND, "unknown-job", e.getMessage()).at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class IdempotencyKeyReused implements ExceptionMapper<KeyReused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(KeyReused e) {
            return Problem.of(Response.Status.CONFLICT, "idempotency-key-reused", e.getMessage()).at(path(uri)).toResponse();
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }
}
