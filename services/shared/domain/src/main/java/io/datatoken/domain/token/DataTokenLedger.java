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
 * organization is the organization of that account, or the caller is an end user of an
 * organization (scenario S2) acting for the tokens it owns itself. Refusals surface as
 * {@link io.datatoken.domain.organization.LedgerRefusal} (its reason names the rule), outages as
 * {@link io.datatoken.domain.organization.LedgerUnavailable}.
 *
 * <p>A token is active iff its owner organization is active (registered, not suspended, not
 * removed), every child gave it a live grant and every child is itself active: a missing, revoked
 * or expired grant, or a suspended or removed owner, anywhere below deactivates everything above
 * it. Grants given by a suspended organization's tokens stay recorded and count again once it is
 * reinstated; a removed organization's tokens are inactive for good.
 *
 * <p>An end user's token ({@link DataToken#endUser()} present) is a DATA leaf owned by the user's
 * organization in every rule above, but only the end user's own account, the one that registered
 * it, may grant, revoke or update it: that grant is the user's consent, which no account of the
 * organization can give or change (refused with {@code NotEndUserOwner}). It is active only while
 * that account is still the organization's end user with that id; the organization can thus only
 * ever withdraw its use, by removing the user. The end user may revoke even then.
 */
public interface DataTokenLedger {

    /**
     * Registers a token owned by the caller's organization, which must be active and hold the
     * provider role of the kind. Every child must already be registered.
     *
     * @return the transaction that registered it
     */
    TransactionHash register(DataTokenId id, AssetKind kind, Cid storagePath, Proof proof, List<DataTokenId> children);

    /**
     * Registers a DATA leaf owned by the end user this ledger's account is, under that user's
     * organization, which must be active (else {@code OrganizationInactive}) and hold the data
     * provider role (else {@code NotProviderOrganization}); an account that is no end user is
     * refused with {@code NotEndUser}. The end user then grants and revokes it with
     * {@link #grant} and {@link #revoke} like any owner.
     *
     * @return the transaction that registered it
     */
    TransactionHash registerAsEndUser(DataTokenId id, Cid storagePath, Proof proof);

    /**
     * Points the token at a new DDO; only its owner may (the end user's own account for an end
     * user's token). Returns the transaction that did.
     */
    TransactionHash updateMetadata(DataTokenId id, Cid storagePath, Proof proof);

    /**
     * The child's owner authorizes the parent (which lists the child) until revoked; for an end
     * user's token, the end user's own account (their consent).
     */
    TransactionHash grant(DataTokenId child, DataTokenId parent);

    /** The child's owner authorizes the parent until {@code expiresAt} (in the future). */
    TransactionHash grant(DataTokenId child, DataTokenId parent, Instant expiresAt);

    /** The child's owner (for an end user's token, the end user's account) withdraws its live grant. */
    TransactionHash revoke(DataTokenId child, DataTokenId parent);

    Optional<DataToken> find(DataTokenId id);

    /** The grant of child to parent, if one was ever given (revoked and expired ones included). */
    Optional<Grant> grantOf(DataTokenId child, DataTokenId parent);

    /**
     * True iff the token is registered and its whole tree is authorized now: every owner in it is
     * an active organization, every end user owning a token in it still its end user, and every
     * grant in it is live.
     */
    boolean isActive(DataTokenId id);

    /** True if {@code id} is {@code root} itself or any token below it (and root is registered). */
    boolean isPartOf(DataTokenId id, DataTokenId root);
}
