package io.datatoken.verifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.Denial;
import io.datatoken.domain.verification.TermsRule;
import io.datatoken.domain.verification.VerificationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report as the service writes it: JSON-B's defaults, which leave out null properties. */
class ReportViewTest {

    private static final String PARENT = "0x" + "c".repeat(64);
    private static final String UNION = "0x" + "e".repeat(64);
    private static final String DATA = "0x" + "a".repeat(64);
    private static final String OP = "0x" + "1".repeat(64);

    @Test
    void a_child_used_as_is_has_no_op_and_says_so() {
        var report = new VerificationReport(PARENT, OrganizationAlias.of("medical-b"), Instant.parse("2026-11-23T12:00:00Z"),
                List.of(ChildVerdict.asIs(UNION, OrganizationAlias.of("vendor-a"), List.of()),
                        new ChildVerdict(DATA, OrganizationAlias.of("bank-a"), OP, List.of(new Denial(TermsRule.EXPIRY,
                                "2026-11-23T12:00:00Z", "until 2026-01-01T00:00:00Z", "the child's terms have expired")))));

        JsonObject json = json(ReportView.of(report));

        JsonObject asIs = json.getJsonArray("children").getJsonObject(0);
        assertThat(asIs.getString("child")).isEqualTo(UNION);
        assertThat(asIs.containsKey("op")).isFalse();
        assertThat(asIs.getBoolean("asIs")).isTrue();
        assertThat(asIs.getBoolean("passed")).isTrue();
        JsonObject withOp = json.getJsonArray("children").getJsonObject(1);
        assertThat(withOp.getString("op")).isEqualTo(OP);
        assertThat(withOp.getBoolean("asIs")).isFalse();
        assertThat(withOp.getJsonArray("denials").getJsonObject(0).getString("rule")).isEqualTo("expiry");
    }

    private static JsonObject json(Object answer) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return Json.createReader(new StringReader(jsonb.toJson(answer))).readObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
