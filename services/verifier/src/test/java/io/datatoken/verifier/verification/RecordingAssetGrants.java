package io.datatoken.verifier.verification;

import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording stub of the asset service for the unit tests of its caller: it answers the parents
 * it was told each child is authorized for, records every call with the bearer token it came with,
 * and grants (adding the parent, as the service would) unless told to refuse. Not thread-safe:
 * each test has its own.
 */
final class RecordingAssetGrants implements AssetGrants {

    /** One call to {@link #grant}, as it was made. */
    record GrantCall(DataTokenId child, DataTokenId parent, Instant expiresAt, String bearerToken) {
    }

    /** One call to {@link #parentsAuthorizedBy}, as it was made. */
    record Lookup(DataTokenId child, String bearerToken) {
    }

    static final GrantAnswer ANSWER = new GrantAnswer("{\"granted\": true}", true);

    private final Map<DataTokenId, List<String>> parents = new HashMap<>();
    private final List<GrantCall> grantCalls = new ArrayList<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private AssetServiceRefused refusal;

    /** The child's owner has authorized these parents through the platform (in this order). */
    RecordingAssetGrants authorized(DataTokenId child, DataTokenId... parentsOfChild) {
        for (DataTokenId parent : parentsOfChild) {
            parents.computeIfAbsent(child, c -> new ArrayList<>()).add(parent.value());
        }
        return this;
    }

    /** Every later grant is refused with this, as the asset service would answer it. */
    void refuseGrantsWith(AssetServiceRefused refused) {
        this.refusal = refused;
    }

    List<GrantCall> grantCalls() {
        return List.copyOf(grantCalls);
    }

    List<Lookup> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public List<String> parentsAuthorizedBy(DataTokenId child, String bearerToken) {
        lookups.add(new Lookup(child, bearerToken));
        return List.copyOf(parents.getOrDefault(child, List.of()));
    }

    @Override
    public GrantAnswer grant(DataTokenId child, DataTokenId parent, Instant expiresAt, String bearerToken) {
        grantCalls.add(new GrantCall(child, parent, expiresAt, bearerToken));
        if (refusal != null) {
            throw refusal;
        }
        authorized(child, parent);
        return ANSWER;
    }
}
