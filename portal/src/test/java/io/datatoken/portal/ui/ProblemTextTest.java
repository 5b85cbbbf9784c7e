package io.datatoken.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.datatoken.portal.services.BackendProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ProblemTextTest {

    /** Shows key and parameters, so the test sees which text was chosen with what. */
    private static final BiFunction<String, Object[], String> KEYS = (key, params) ->
            params.length == 0 ? key : key + Arrays.toString(params);

    @Test
    void aRefusalIsExplainedInTheServicesWords() {
        var report = JsonNodeFactory.instance.objectNode().put("status", 409)
                .put("detail", "organization 'bank-a' is suspended; ask the platform admin to reinstate it");

        assertThat(ProblemText.of(BackendProblem.refused("asset", 409, report), KEYS))
                .isEqualTo("organization 'bank-a' is suspended; ask the platform admin to reinstate it");
    }

    @Test
    void withoutAnExplanationThePortalSaysWhoAnsweredWhat() {
        var report = JsonNodeFactory.instance.objectNode().put("status", 503);

        assertThat(ProblemText.of(BackendProblem.refused("job", 503, report), KEYS))
                .isEqualTo("problem.refused[service.job, 503]");
        assertThat(ProblemText.of(BackendProblem.unreachable("tracer", new ConnectException("refused")), KEYS))
                .isEqualTo("problem.unreachable[service.tracer]");
        assertThat(ProblemText.of(BackendProblem.unexpectedAnswer("asset", 502, null), KEYS))
                .isEqualTo("problem.unexpected-answer[service.asset, 502]");
        assertThat(ProblemText.of(BackendProblem.signInExpired("asset", null), KEYS))
                .isEqualTo("problem.sign-in-expired");
    }

    @Test
    void anUnexpectedFailureIsReducedToAShortReason() {
        var nested = new IllegalStateException("wrapper", new UncheckedIOException(
                new IOException("disk full\n\tat some.Frame(Frame.java:1)")));

        assertThat(ProblemText.reasonOf(nested)).isEqualTo("disk full");
        assertThat(ProblemText.reasonOf(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(ProblemText.reasonOf(new RuntimeException("x".repeat(500)))).hasSize(160).endsWith("…");
    }

    @Test
    void theErrorHandlerFindsAProblemBehindWrappers() {
        BackendProblem problem = BackendProblem.unreachable("asset", null);

        assertThat(FriendlyErrorHandler.causeOf(new RuntimeException(new RuntimeException(problem)))).containsSame(problem);
        assertThat(FriendlyErrorHandler.causeOf(new RuntimeException("plain"))).isEmpty();
    }
}
