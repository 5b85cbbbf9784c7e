package io.datatoken.compute.api;

import io.datatoken.compute.device.DeviceRefused;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.support.web.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A device's refusals as problem+json; a refusal by the end user's terms carries the node's verdict. */
@Provider
public class DeviceProblems implements ExceptionMapper<DeviceRefused> {

    /** The device's account is not yet its end user's on chain: 409, saying what the organization must do. */
    @Provider
    public static class NotRegistered implements ExceptionMapper<NodeAccount.NotRegistered> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NodeAccount.NotRegistered e) {
            return Problem.of(Response.Status.CONFLICT, "end-user-not-registered", e.getMessage())
                    .at(uri == null ? null : uri.getRequestUri().getPath()).toResponse();
        }
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(DeviceRefused e) {
        Response.Status status = switch (e.why()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        Problem problem = Problem.of(status, e.reason(), e.getMessage()).at(uri == null ? null : uri.getRequestUri().getPath());
        if (!(e.report() instanceof ChildVerdict verdict)) {
            return problem.toResponse();
        }
        return Response.status(status).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(new DeniedProblem(problem.type(),
                problem.title(), problem.status(), problem.detail(), problem.instance(),
                DeviceResource.VerdictView.of(verdict))).build();
    }

    /** problem+json with the verdict that denied the consent. */
    public record DeniedProblem(String type, String title, int status, String detail, String instance,
                                DeviceResource.VerdictView verdict) {
    }
}
