package io.datatoken.verifier.verification;

import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.List;

/**
 * The asset service's authorizations, which it signs with the owner's account: the verifier asks
 * it to grant once verification passed, acting with the caller's own token.
 */
public interface AssetGrants {

    /** Every parent the child's owner has authorized through the platform (revoked and expired ones included). */
    List<String> parentsAuthorizedBy(DataTokenId child, String bearerToken);

    /**
     * Grants on chain as the caller (who must own the child).
     *
     * @param expiresAt {@code null} for until revoked
     * @return the asset service's answer: the grant as JSON, and whether it was new
     * @throws AssetServiceRefused   if the asset service refused (its status and problem)
     * @throws AssetServiceUnavailable if it cannot be reached
     */
    GrantAnswer grant(DataTokenId child, DataTokenId parent, Instant expiresAt, String bearerToken);

    /** The asset service's grant, as it answered it. */
    record GrantAnswer(String json, boolean created) {
    }

    /** The asset service refused: its HTTP status and problem report. */
    final class AssetServiceRefused extends RuntimeException {
        private final int status;
        private final String problemType;

        public AssetServiceRefused(int status, String problemType, String detail) {
            super(detail);
            this.status = status;
            this.problemType = problemType;
        }

        public int status() {
            return status;
        }

        /** The kebab reason at the end of the problem type, e.g. {@code not-owner}. */
        public String reason() {
            return problemType == null ? "asset-service-refused" : problemType.substring(problemType.lastIndexOf('/') + 1);
        }
    }

    /** The asset service cannot be reached or failed. */
    final class AssetServiceUnavailable extends RuntimeException {
        public AssetServiceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
