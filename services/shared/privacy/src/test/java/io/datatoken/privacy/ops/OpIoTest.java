package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The op protocol's edges: whatever goes wrong, one line on stderr and exit 1. */
class OpIoTest {

    @Test
    void anOutputOverTheNodesLimitIsRefusedInsteadOfWritten() {
        String big = "x".repeat(OpIo.MAX_OUTPUT_BYTES);

        assertThat(OpCall.refusal(input -> OpIo.JSON.createObjectNode().put("big", big), "{}"))
                .contains("more than the 16777216 an op may write");
    }

    @Test
    void anUnexpectedExceptionIsOneLineToo() {
        assertThat(OpCall.refusal(input -> {
            throw new NoSuchElementException("user 7 is not\non the roster");
        }, "{}")).isEqualTo("user 7 is not on the roster");
        assertThat(OpCall.refusal(input -> {
            throw new NullPointerException();
        }, "{}")).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void anInputThatIsNotOneObjectIsRefused() {
        assertThat(OpCall.refusal(input -> OpIo.JSON.createObjectNode(), "[1]")).isEqualTo("the input is one JSON object");
        assertThat(OpCall.refusal(input -> OpIo.JSON.createObjectNode(), "{\"a\":")).startsWith("Unexpected end-of-input");
    }
}
