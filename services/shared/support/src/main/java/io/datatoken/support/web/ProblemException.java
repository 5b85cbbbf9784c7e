package io.datatoken.support.web;

import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Response.StatusType status, String kind, String detail) {
        super(detail);
        this.problem = Problem.of(status, kind, detail);
    }

    public Problem problem() {
        return problem;
    }
}
