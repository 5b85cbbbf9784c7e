package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem answers. */
final class Problems {

    private Problems() {
    }

    /** The answer is problem+json of this status, its type ends with {@code kind}, and it says why. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            JsonNode problem = Stack.JSON.readTree(response.body());
            assertThat(problem.get("type").asText()).as(response.body()).endsWith("/" + kind);
            assertThat(problem.get("detail").asText()).isNotBlank();
            return problem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
