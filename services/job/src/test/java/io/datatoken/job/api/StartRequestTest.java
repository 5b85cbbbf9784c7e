package io.datatoken.job.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.job.orchestration.Dispatch;
import io.datatoken.support.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The body of POST /v1/jobs/{id}/start: none, or the dispatch mode. */
class StartRequestTest {

    @Test
    void no_body_or_no_mode_is_automatic() {
        assertThat(JobsResource.StartRequest.dispatchOf(null)).isEqualTo(Dispatch.AUTOMATIC);
        assertThat(JobsResource.StartRequest.dispatchOf("  ")).isEqualTo(Dispatch.AUTOMATIC);
        assertThat(JobsResource.StartRequest.dispatchOf("{}")).isEqualTo(Dispatch.AUTOMATIC);
    }

    @Test
    void the_mode_is_read_in_any_case() {
        assertThat(JobsResource.StartRequest.dispatchOf("{\"dispatch\": \"manual\"}")).isEqualTo(Dispatch.MANUAL);
        assertThat(JobsResource.StartRequest.dispatchOf("{\"dispatch\": \" Automatic \"}")).isEqualTo(Dispatch.AUTOMATIC);
    }

    @Test
    void an_unknown_mode_is_a_400_naming_the_modes() {
        assertThatThrownBy(() -> JobsResource.StartRequest.dispatchOf("{\"dispatch\": \"later\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/unknown-dispatch");
                    assertThat(e.problem().detail()).contains("'automatic'", "'manual'", "'later'");
                });
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        assertThatThrownBy(() -> JobsResource.StartRequest.dispatchOf("dispatch=manual"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/malformed-request");
                });
    }
}
