package io.datatoken.domain.asset;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;

/**
 * The off-chain description of a Data Token, stored content-addressed; the chain records its CID
 * and its {@link Proof}. The proof is not a field: it is the hash of this very document.
 * Construction checks every invariant and throws {@link InvalidDdo} naming each violation by its
 * JSON Pointer in the document.
 *
 * @param dt          the Data Token id (0x + 64 lower-case hex)
 * @param kind        what the token stands for
 * @param title       short name shown in catalogs
 * @param description longer text ({@code ""} when none)
 * @param owner       alias of the owning organization
 * @param services    how the asset is offered, at least one
 */
public record Ddo(
        String dt,
        AssetKind kind,
        String title,
        String description,
        OrganizationAlias owner,
        List<AssetService> services) {

    public Ddo {
        Violations v = new Violations();
        v.requireHex32("/dt", dt, "dt");
        if (kind == null) {
            v.add("/kind", "kind is required: one of DATA, COMPUTE, ALGORITHM");
        }
        if (title == null || title.isBlank()) {
            v.add("/title", "title must not be blank");
        }
        description = description == null ? "" : description;
        if (owner == null) {
            v.add("/owner", "owner organization is required");
        }
        services = v.copyOf("/services", services);
        if (services.isEmpty()) {
            v.add("/services", "an asset offers at least one service");
        }
        checkChildren(v, dt, kind, services);
        v.throwIfAny();
    }

    /** Every child Data Token named by any of the services, in order, without repeats. */
    public List<String> children() {
        return services.stream().flatMap(s -> s.childDts().stream()).distinct().toList();
    }

    private static void checkChildren(Violations v, String dt, AssetKind kind, List<AssetService> services) {
        boolean anyChild = false;
        for (int i = 0; i < services.size(); i++) {
            List<String> children = services.get(i).childDts();
            anyChild |= !children.isEmpty();
            if (kind == AssetKind.DATA && !children.isEmpty()) {
                v.add("/services/" + i + "/childDts", "a DATA asset has no children; use kind COMPUTE or ALGORITHM to compose assets");
            }
            int self = children.indexOf(dt);
            if (dt != null && self >= 0) {
                v.add("/services/" + i + "/childDts/" + self, "an asset cannot be its own child");
            }
        }
        if (kind == AssetKind.ALGORITHM && !anyChild) {
            v.add("/services", "an ALGORITHM asset composes at least one child asset: list it in a service's childDts");
        }
    }
}
