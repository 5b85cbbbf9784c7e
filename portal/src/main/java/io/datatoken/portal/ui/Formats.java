package io.datatoken.portal.ui;

import io.datatoken.portal.services.VerificationReport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values look on screen, the same in every language: times in UTC, long hashes shortened. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String time(Instant instant) {
        return instant == null ? UserSummary.NONE : TIME.format(instant);
    }

    public static String time(OffsetDateTime time) {
        return time == null ? UserSummary.NONE : TIME.format(time.toInstant());
    }

    /** Each rule a child's terms hold against a composition: its code, the offending value against what is allowed, why. */
    public static String whyNot(VerificationReport.Child child) {
        return String.join("; ", child.denials().stream().map(denial -> denial.rule() + ": " + denial.offending()
                + " \u2260 " + denial.allowed() + (denial.reason() == null ? "" : " (" + denial.reason() + ")")).toList());
    }

    /** {@code 0x37ab0bcc…3ed7}: enough to tell hashes apart; the full value goes in a tooltip or details. */
    public static String shortHex(String hex) {
        if (hex == null || hex.isBlank()) {
            return UserSummary.NONE;
        }
        return hex.length() <= 16 ? hex : hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4);
    }
}
