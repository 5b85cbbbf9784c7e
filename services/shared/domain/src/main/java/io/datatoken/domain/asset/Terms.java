package io.datatoken.domain.asset;

import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an owner allows for its asset: which ops (with an upper limit per op parameter), for which
 * consumer organizations, for what purpose, until when, how many times and with how many parties
 * at least. An empty {@code allowedOps} allows no op; an empty {@code consumerOrganizations} names
 * no restriction by organization.
 *
 * @param allowedOps            op hash → (parameter → largest value allowed)
 * @param consumerOrganizations organizations that may use the asset
 * @param purpose               the purpose of use the owner agreed to ({@code ""} when unstated)
 * @param expiresAt             end of validity, or {@code null} for none
 * @param maxUses               number of uses allowed, or {@code null} for unlimited
 * @param minParties            smallest number of parties (aggregation size), or {@code null} for no minimum
 */
public record Terms(
        Map<String, Map<String, Double>> allowedOps,
        List<OrganizationAlias> consumerOrganizations,
        String purpose,
        Instant expiresAt,
        Integer maxUses,
        Integer minParties) {

    public static final Terms NONE = new Terms(Map.of(), List.of(), "", null, null, null);

    public Terms {
        Violations v = new Violations();
        Map<String, Map<String, Double>> ops = new HashMap<>();
        v.copyOf("/allowedOps", allowedOps).forEach((op, limits) -> {
            String at = "/allowedOps/" + Violations.pointerToken(op);
            if (!Hex32.isWellFormed(op)) {
                v.add(at, "op hash '" + op + "' " + Hex32.RULE);
            }
            Map<String, Double> copy = v.copyOf(at, limits);
            copy.forEach((param, max) -> {
                if (!Double.isFinite(max) || max < 0) {
                    v.add(at + "/" + Violations.pointerToken(param), "limit of '" + param + "' must be a finite number >= 0");
                }
            });
            ops.put(op, copy);
        });
        allowedOps = Map.copyOf(ops);
        consumerOrganizations = v.copyOf("/consumerOrganizations", consumerOrganizations);
        if (consumerOrganizations.stream().distinct().count() != consumerOrganizations.size()) {
            v.add("/consumerOrganizations", "names an organization twice");
        }
        purpose = purpose == null ? "" : purpose;
        if (maxUses != null && maxUses < 1) {
            v.add("/maxUses", "must be at least 1 (omit it for unlimited use)");
        }
        if (minParties != null && minParties < 1) {
            v.add("/minParties", "must be at least 1 (omit it for no minimum)");
        }
        v.throwIfAny();
    }

    /** Whether the terms allow this op at all (its parameter limits are checked apart). */
    public boolean allows(String opHash) {
        return allowedOps.containsKey(opHash);
    }
}
