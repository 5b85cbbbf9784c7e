package io.datatoken.tracer.lineage;

import java.util.List;

/**
 * The DTs an end user registered as their own, the newest first.
 *
 * @param organization the user's organization, which owns the DTs on chain
 * @param endUser      the user's id in its registry
 */
public record EndUserTokensView(String organization, String endUser, List<OwnTokenView> tokens) {

    public EndUserTokensView {
        tokens = List.copyOf(tokens);
    }
}
