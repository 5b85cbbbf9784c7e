package io.datatoken.portal.ui.approvals;

/** The asset service's rule for a denial's reason: what the composer reads, 1 to 500 characters. */
final class DenialReason {

    static final int MAX = 500;

    private DenialReason() {
    }

    static boolean isValid(String reason) {
        return reason != null && !reason.isBlank() && reason.strip().length() <= MAX;
    }
}
