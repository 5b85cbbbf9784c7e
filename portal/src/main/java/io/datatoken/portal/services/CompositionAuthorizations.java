package io.datatoken.portal.services;

import java.util.List;

/**
 * Whether a composition's tree is authorized now, as the verifier reads it from the chain
 * ({@code GET /verifier/api/v1/compositions/{dt}/authorizations}): what still blocks it.
 *
 * @param blocking the edges without a live grant or below an owner that is not active
 */
public record CompositionAuthorizations(String dt, boolean active, String owner, boolean ownerActive,
                                        List<Edge> blocking) {

    public CompositionAuthorizations {
        blocking = blocking == null ? List.of() : List.copyOf(blocking);
    }

    /** @param grant the child owner's grant to the parent: {@code live}, {@code missing}, {@code revoked}, {@code expired} */
    public record Edge(String child, String parent, String childOwner, boolean ownerActive, String grant) {

        public boolean granted() {
            return "live".equalsIgnoreCase(grant);
        }
    }
}
