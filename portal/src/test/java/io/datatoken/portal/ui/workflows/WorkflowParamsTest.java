package io.datatoken.portal.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowParamsTest {

    @Test
    void readsOneNameAndValuePerLineSkippingBlanksAndComments() {
        String text = " recipient = fintech-c \n\n# fixed-point precision\nscale_bits=16\noutput = Z = sum_i X_i W_i\n";

        assertThat(WorkflowParams.isValid(text)).isTrue();
        assertThat(WorkflowParams.parse(text)).containsExactly(
                java.util.Map.entry("recipient", "fintech-c"), java.util.Map.entry("scale_bits", "16"),
                java.util.Map.entry("output", "Z = sum_i X_i W_i"));
    }

    @Test
    void namesTheFirstLineThatIsNotNameEqualsValue() {
        assertThat(WorkflowParams.firstMalformedLine("a = 1\nno equals sign\n= 3")).contains(2);
        assertThat(WorkflowParams.firstMalformedLine("a = 1\n\n= 3")).contains(3);
        assertThat(WorkflowParams.firstMalformedLine("1abc = 3")).contains(1);
        assertThat(WorkflowParams.firstMalformedLine("x".repeat(WorkflowParams.MAX_NAME + 1) + " = 3")).contains(1);
        assertThat(WorkflowParams.parse("a = 1\nno equals sign\n= 3")).containsOnlyKeys("a");
    }

    @Test
    void nothingIsValidAndEmpty() {
        assertThat(WorkflowParams.isValid(null)).isTrue();
        assertThat(WorkflowParams.isValid("  \n ")).isTrue();
        assertThat(WorkflowParams.parse(null)).isEmpty();
    }
}
