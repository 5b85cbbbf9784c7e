package io.datatoken.portal.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;

/**
 * A call to a service that did not succeed, in terms a person can act on: the service's own
 * problem report (RFC 9457 {@code application/problem+json}: its {@code detail}), or why there is
 * none. Never carries a stack trace to the screen; views show it with {@code ProblemText}.
 */
public class BackendProblem extends RuntimeException {

    /** Why the call failed. */
    public enum Reason {
        /** The service answered with a problem report; {@link #detail()} says what is wrong. */
        REFUSED,
        /** The service could not be reached (down, wrong URL, timeout). */
        UNREACHABLE,
        /** The service answered something that is neither the expected JSON nor a problem report. */
        UNEXPECTED_ANSWER,
        /** The user's sign-in expired and could not be renewed: they must sign in again. */
        SIGN_IN_EXPIRED
    }

    private final Reason reason;
    private final String service;
    private final int status;
    private final transient JsonNode report;

    private BackendProblem(Reason reason, String service, int status, JsonNode report, String message,
                           Throwable cause) {
        super(message, cause, false, cause != null);
        this.reason = reason;
        this.service = service;
        this.status = status;
        this.report = report == null ? MissingNode.getInstance() : report;
    }

    public static BackendProblem refused(String service, int status, JsonNode report) {
        String detail = report.path("detail").asText("");
        return new BackendProblem(Reason.REFUSED, service, status, report,
                detail.isBlank() ? "the " + service + " service answered HTTP " + status : detail, null);
    }

    public static BackendProblem unreachable(String service, Throwable cause) {
        return new BackendProblem(Reason.UNREACHABLE, service, 0, null,
                "the " + service + " service cannot be reached", cause);
    }

    public static BackendProblem unexpectedAnswer(String service, int status, Throwable cause) {
        return new BackendProblem(Reason.UNEXPECTED_ANSWER, service, status, null,
                "the " + service + " service answered HTTP " + status + " with something unexpected", cause);
    }

    public static BackendProblem signInExpired(String service, Throwable cause) {
        return new BackendProblem(Reason.SIGN_IN_EXPIRED, service, 0, null, "the sign-in has expired", cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The service called: {@code asset}, {@code job}, {@code tracer}, {@code verifier}, … */
    public String service() {
        return service;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The report's {@code detail}: what went wrong, in the service's words. */
    public Optional<String> detail() {
        String detail = report().path("detail").asText("");
        return detail.isBlank() ? Optional.empty() : Optional.of(detail);
    }

    /** The report's problem type, its last path segment (e.g. {@code malformed-kind}). */
    public Optional<String> type() {
        String type = report().path("type").asText("");
        return type.isBlank() ? Optional.empty() : Optional.of(type.substring(type.lastIndexOf('/') + 1));
    }

    /**
     * The whole problem report, for its extension members (e.g. {@code verification}, the
     * why-denied report of a {@code terms-not-met}); missing when there was none.
     */
    public JsonNode report() {
        return report == null ? MissingNode.getInstance() : report; // null once serialized and read back
    }
}
