package io.datatoken.asset.grants;

import static io.datatoken.asset.registration.AssetRefused.Why.CONFLICT;
import static io.datatoken.asset.registration.AssetRefused.Why.FORBIDDEN;
import static io.datatoken.asset.registration.AssetRefused.Why.INVALID;
import static io.datatoken.asset.registration.AssetRefused.Why.NOT_FOUND;

import io.datatoken.asset.registration.AssetRefused;
import io.datatoken.asset.registration.DataTokenLedgers;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A child's owner authorizes (or stops authorizing) a parent that composes the child. The chain
 * write, signed by the owner's account, is the commit point; the record follows it. Granting what
 * is already granted, with the same expiry, changes nothing.
 */
@ApplicationScoped
public class Authorizations {

    @Inject
    DataTokenLedgers ledgers;

    @Inject
    GrantBook book;

    Clock clock = Clock.systemUTC();

    /**
     * @param expiresAt when the authorization lapses, or {@code null} for until revoked
     */
    public Granted grant(OrganizationAlias owner, DataTokenId child, DataTokenId parent, Instant expiresAt) {
        DataTokenLedger reader = ledgers.reader();
        requireOwned(owner, reader, child);
        DataToken composition = reader.find(parent).orElseThrow(() -> unknown(parent));
        if (!composition.children().contains(child)) {
            throw new AssetRefused(INVALID, "not-a-child", parent + " does not compose " + child
                    + "; only a parent that lists the child in its childDts can be authorized");
        }
        Instant now = clock.instant();
        Instant until = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (until != null && !until.isAfter(now)) {
            throw new AssetRefused(INVALID, "expiry-in-past", "an authorization must expire in the future, not at " + until);
        }
        Optional<Grant> standing = reader.grantOf(child, parent).filter(g -> g.isLiveAt(now));
        if (standing.isPresent() && Objects.equals(standing.get().expiresAt(), until)) {
            // Granted so already; record it from the chain if a lost commit (or a grant made
            // outside the platform) left no record.
            Optional<GrantRecord> recorded = book.of(child.value()).stream()
                    .filter(r -> r.parentDt().equals(parent.value()) && r.revokedAt() == null).findFirst();
            if (recorded.isPresent() && Objects.equals(recorded.get().expiresAt(), at(until))) {
                return new Granted(recorded.get(), false);
            }
            // No record, or one the chain has moved past (renewed outside the platform): follow the chain.
            return new Granted(book.granted(child.value(), parent.value(), owner.value(), at(standing.get().grantedAt()),
                    at(until), recorded.map(GrantRecord::grantTx).orElse(null)), false);
        }
        DataTokenLedger signer = ledgers.signedBy(owner);
        TransactionHash tx = until == null ? signer.grant(child, parent) : signer.grant(child, parent, until);
        return new Granted(book.granted(child.value(), parent.value(), owner.value(), at(now), at(until), tx.value()), true);
    }

    /** Withdraws the owner's live authorization of {@code parent}: everything above it stops being active. */
    public GrantRecord revoke(OrganizationAlias owner, DataTokenId child, DataTokenId parent) {
        requireOwned(owner, ledgers.reader(), child);
        Instant now = clock.instant();
        Optional<Grant> onChain = ledgers.reader().grantOf(child, parent);
        if (onChain.isPresent() && onChain.get().revoked()) {
            // Revoked already (a retry after a lost commit, or outside the platform): the record follows.
            Optional<GrantRecord> recorded = book.of(child.value()).stream()
                    .filter(r -> r.parentDt().equals(parent.value())).findFirst();
            if (recorded.isPresent() && recorded.get().revokedAt() != null) {
                return recorded.get();
            }
            if (recorded.isEmpty()) {
                book.granted(child.value(), parent.value(), owner.value(), at(onChain.get().grantedAt()),
                        at(onChain.get().expiresAt()), null);
            }
            return book.revoked(child.value(), parent.value(), at(now), null);
        }
        TransactionHash tx = ledgers.signedBy(owner).revoke(child, parent);
        GrantRecord record = book.revoked(child.value(), parent.value(), at(now), tx.value());
        if (record == null) {
            // Granted outside the platform: record it from the chain so the revocation is on record.
            Grant given = ledgers.reader().grantOf(child, parent).orElseThrow();
            book.granted(child.value(), parent.value(), owner.value(), at(given.grantedAt()), at(given.expiresAt()), null);
            record = book.revoked(child.value(), parent.value(), at(now), tx.value());
        }
        return record;
    }

    public List<GrantRecord> grantsOf(DataTokenId child) {
        return book.of(child.value());
    }

    /** Whether the chain holds a live authorization of the parent by the child now. */
    public boolean isLive(DataTokenId child, DataTokenId parent) {
        return ledgers.reader().grantOf(child, parent).map(g -> g.isLiveAt(clock.instant())).orElse(false);
    }

    private static void requireOwned(OrganizationAlias owner, DataTokenLedger reader, DataTokenId child) {
        DataToken token = reader.find(child).orElseThrow(() -> unknown(child));
        if (!token.owner().equals(owner)) {
            throw new AssetRefused(FORBIDDEN, "not-owner", "asset " + child + " belongs to '" + token.owner()
                    + "'; only its owner authorizes its use");
        }
        if (token.endUser().isPresent()) {
            // checked before any standing grant: the user's own consent must never read as the organization's
            throw new AssetRefused(CONFLICT, "not-end-user-owner", "asset " + child + " is end user "
                    + token.endUser().get() + "'s own data: only their key, at their device node, consents to or "
                    + "withdraws its use; '" + owner + "' can only remove the user from its registry");
        }
    }

    private static AssetRefused unknown(DataTokenId dt) {
        return new AssetRefused(NOT_FOUND, "unknown-asset", "no asset is registered as " + dt);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** An authorization and whether this call gave it. */
    public record Granted(GrantRecord record, boolean created) {
    }
}
