package io.datatoken.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.ledger.TransactionHash;

/**
 * The ledger's register of Data Tokens and grants, acting as one chain account: the caller's
 * organization is the organization of that account. Refusals surface as
 * {@link io.datatoken.domain.organization.LedgerRefusal} (its reason names the rule), outages as
 * {@link io.datatoken.domain.organization.LedgerUnavailable}.
 *
 * <p>A token is active iff its owner organization is active (registered, not suspended, not
 * removed), every child gave it a live grant and every child is itself active: a missing, revoked
 * or expired grant, or a suspended or removed owner, anywhere below deactivates everything above
 * it. Grants given by a suspended organization's tokens stay recorded and count again once it is
 * reinstated; a removed organization's tokens are inactive for good.
 */
public interface DataTokenLedger {

    /**
     * Registers a token owned by the caller's organization, which must be active and hold the
     * provider role of the kind. Every child must already be registered.
     *
     * @return the transaction that registered it
     */
    TransactionHash register(DataTokenId id, AssetKind kind, Cid storagePath, Proof proof, List<DataTokenId> children);

    /** Points the token at a new DDO; only its owner may. Returns the transaction that did. */
    TransactionHash updateMetadata(DataTokenId id, Cid storagePath, Proof proof);

    /** The child's owner authorizes the parent (which lists the child) until revoked. */
    TransactionHash grant(DataTokenId child, DataTokenId parent);

    /** The child's owner authorizes the parent until {@code expiresAt} (in the future). */
    TransactionHash grant(DataTokenId child, DataTokenId parent, Instant expiresAt);

    /** The child's owner withdraws its live grant to the parent. */
    TransactionHash revoke(DataTokenId child, DataTokenId parent);

    Optional<DataToken> find(DataTokenId id);

    /** The grant of child to parent, if one was ever given (revoked and expired ones included). */
    Optional<Grant> grantOf(DataTokenId child, DataTokenId parent);

    /**
     * True iff the token is registered and its whole tree is authorized now: every owner in it is
     * an active organization and every grant in it is live.
     */
    boolean isActive(DataTokenId id);

    /** True if {@code id} is {@code root} itself or any token below it (and root is registered). */
    boolean isPartOf(DataTokenId id, DataTokenId root);
}
