package io.datatoken.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.VerificationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void whyNotNamesEveryBrokenRuleWithTheOffendingValueAndWhatIsAllowed() {
        var child = new VerificationReport.Child("0x01", "bank-a", "0x02", false, false, List.of(
                new VerificationReport.Denial("op-not-allowed", "0x02", "0x03", "use an offered op"),
                new VerificationReport.Denial("expired", "2027", "2026", null)));

        assertThat(Formats.whyNot(child))
                .isEqualTo("op-not-allowed: 0x02 \u2260 0x03 (use an offered op); expired: 2027 \u2260 2026");
        assertThat(Formats.whyNot(new VerificationReport.Child("0x01", "bank-a", "0x02", false, true, null))).isEmpty();
    }

    @Test
    void shortHexKeepsEnoughToTellHashesApart() {
        assertThat(Formats.shortHex("0x37ab0bcc" + "0".repeat(50) + "3ed7")).isEqualTo("0x37ab0bcc…3ed7");
        assertThat(Formats.shortHex("0x1234")).isEqualTo("0x1234");
        assertThat(Formats.shortHex(null)).isEqualTo(UserSummary.NONE);
    }
}
