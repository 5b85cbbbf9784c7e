package io.datatoken.support.web;

import io.datatoken.domain.token.DataTokenId;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Request values every API parses alike, refused as a 400 that names the value and its form. */
public final class Params {

    private Params() {
    }

    /** A Data Token id; {@code malformed-<what>} if it is not 0x + 64 hex digits. */
    public static DataTokenId dataTokenId(String what, String value) {
        try {
            return DataTokenId.of(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-" + what, what + " '" + value
                    + "' must be 0x followed by 64 hex digits");
        }
    }

    /** An ISO-8601 instant, or {@code null} when absent; {@code malformed-<what>} otherwise. */
    public static Instant instantOrNull(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "malformed-" + what, what + " '" + value
                    + "' must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }
}
