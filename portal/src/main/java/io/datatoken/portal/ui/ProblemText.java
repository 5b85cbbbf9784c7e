package io.datatoken.portal.ui;

import io.datatoken.portal.services.BackendProblem;
import java.util.function.BiFunction;

/**
 * A failed call in words a person can act on: the service's own explanation (the problem's
 * detail) when it gave one, otherwise what the portal knows (unreachable, odd answer, sign-in
 * expired). Never a stack trace.
 */
public final class ProblemText {

    private ProblemText() {
    }

    /** @param translate the caller's {@code getTranslation(key, params…)} */
    public static String of(BackendProblem problem, BiFunction<String, Object[], String> translate) {
        String service = translate.apply("service." + problem.service(), new Object[0]);
        return switch (problem.reason()) {
            case REFUSED -> problem.detail().orElseGet(
                    () -> translate.apply("problem.refused", new Object[] {service, problem.status()}));
            case UNREACHABLE -> translate.apply("problem.unreachable", new Object[] {service});
            case UNEXPECTED_ANSWER -> translate.apply("problem.unexpected-answer",
                    new Object[] {service, problem.status()});
            case SIGN_IN_EXPIRED -> translate.apply("problem.sign-in-expired", new Object[0]);
        };
    }

    /**
     * A short reason for an unexpected failure of the portal itself: the innermost cause's first
     * line (at most 160 characters), or its type when it has no message.
     */
    public static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
