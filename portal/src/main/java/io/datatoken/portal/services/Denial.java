package io.datatoken.portal.services;

import java.time.OffsetDateTime;

/** An owner's denial of one composition's use of its asset ({@code DenialView}), with the reason. */
public record Denial(String child, String parent, String reason, String deniedBy, OffsetDateTime deniedAt) {
}
