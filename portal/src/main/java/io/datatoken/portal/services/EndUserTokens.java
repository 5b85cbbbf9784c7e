package io.datatoken.portal.services;

import java.util.List;

/**
 * The signed-in end user's own DTs, the newest first.
 *
 * @param organization the user's organization, which owns the DTs on chain
 * @param endUser      the user's id in its registry
 */
public record EndUserTokens(String organization, String endUser, List<OwnToken> tokens) {

    public EndUserTokens {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }
}
