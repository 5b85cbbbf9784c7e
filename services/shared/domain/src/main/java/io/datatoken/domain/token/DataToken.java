package io.datatoken.domain.token;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;

/**
 * A Data Token as the {@link DataTokenLedger} records it. The owner is an organization: any of
 * its accounts acts for it; unless the token is one of its end users' own ({@code endUser}
 * present: a DATA leaf only that end user's account grants, revokes or updates). Kind, children
 * and end user never change; storage path and proof point at the current DDO.
 *
 * @param endUser the end user of {@code owner} who owns the token, if an end user registered it
 */
public record DataToken(DataTokenId id, OrganizationAlias owner, AssetKind kind, Cid storagePath, Proof proof,
                        List<DataTokenId> children, Instant registeredAt, Optional<EndUserId> endUser) {

    public DataToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(endUser, "endUser");
        children = List.copyOf(children);
        if (children.contains(id) || new HashSet<>(children).size() != children.size()) {
            throw new IllegalArgumentException("data token " + id + " lists itself or a child twice: " + children);
        }
        if (endUser.isPresent() && (kind != AssetKind.DATA || !children.isEmpty())) {
            throw new IllegalArgumentException("data token " + id + " of end user " + endUser.get()
                    + " must be a DATA leaf");
        }
    }

    /** A token the organization owns itself (no end user). */
    public DataToken(DataTokenId id, OrganizationAlias owner, AssetKind kind, Cid storagePath, Proof proof,
                     List<DataTokenId> children, Instant registeredAt) {
        this(id, owner, kind, storagePath, proof, children, registeredAt, Optional.empty());
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
