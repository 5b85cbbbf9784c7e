package io.datatoken.domain.token;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.OrganizationAlias;

/**
 * A Data Token as the {@link DataTokenLedger} records it. The owner is an organization: any of
 * its accounts acts for it. Kind and children never change; storage path and proof point at the
 * current DDO.
 */
public record DataToken(DataTokenId id, OrganizationAlias owner, AssetKind kind, Cid storagePath, Proof proof,
                        List<DataTokenId> children, Instant registeredAt) {

    public DataToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(registeredAt, "registeredAt");
        children = List.copyOf(children);
        if (children.contains(id) || new HashSet<>(children).size() != children.size()) {
            throw new IllegalArgumentException("data token " + id + " lists itself or a child twice: " + children);
        }
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
