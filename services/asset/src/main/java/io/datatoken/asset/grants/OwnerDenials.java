package io.datatoken.asset.grants;

import static io.datatoken.asset.registration.AssetRefused.Why.CONFLICT;
import static io.datatoken.asset.registration.AssetRefused.Why.FORBIDDEN;
import static io.datatoken.asset.registration.AssetRefused.Why.INVALID;
import static io.datatoken.asset.registration.AssetRefused.Why.NOT_FOUND;

import io.datatoken.asset.registration.AssetRefused;
import io.datatoken.asset.registration.DataTokenLedgers;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An owner denies one composition the use of its asset, saying why: nothing goes on chain (there
 * was no grant), automatic authorization passes the pair by, and the composer reads the reason. A
 * grant by the owner afterwards supersedes the denial; a live grant is revoked, not denied.
 */
@ApplicationScoped
public class OwnerDenials {

    public static final int MAX_REASON = 500;

    @Inject
    DataTokenLedgers ledgers;

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    Clock clock = Clock.systemUTC();

    /** Records (or replaces) the owner's denial of {@code parent}'s use of {@code child}. */
    @Transactional
    public OwnerDenial deny(OrganizationAlias owner, DataTokenId child, DataTokenId parent, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new AssetRefused(INVALID, "malformed-reason", "say why in 1 to " + MAX_REASON
                    + " characters: the composer reads it");
        }
        DataTokenLedger reader = ledgers.reader();
        requireOwned(owner, reader, child);
        DataToken composition = reader.find(parent).orElseThrow(() -> unknown(parent));
        if (!composition.children().contains(child)) {
            throw new AssetRefused(INVALID, "not-a-child", parent + " does not compose " + child);
        }
        if (reader.grantOf(child, parent).filter(g -> g.isLiveAt(clock.instant())).isPresent()) {
            throw new AssetRefused(CONFLICT, "granted", parent + " is authorized to use " + child
                    + " now; revoke the grant instead (DELETE /asset/api/v1/assets/" + child + "/grants/" + parent + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OwnerDenial existing = entities.find(OwnerDenial.class, OwnerDenial.idOf(child.value(), parent.value()));
        if (existing != null) {
            existing.replace(why, now);
            return existing;
        }
        OwnerDenial denial = new OwnerDenial(child.value(), parent.value(), why, owner.value(), now);
        entities.persist(denial);
        return denial;
    }

    /** Withdraws the owner's denial, if there is one; answers whether there was. */
    @Transactional
    public boolean withdraw(OrganizationAlias owner, DataTokenId child, DataTokenId parent) {
        requireOwned(owner, ledgers.reader(), child);
        return clear(child, parent);
    }

    /** Drops the denial of the pair, e.g. once its owner granted it after all. */
    @Transactional
    public boolean clear(DataTokenId child, DataTokenId parent) {
        OwnerDenial existing = entities.find(OwnerDenial.class, OwnerDenial.idOf(child.value(), parent.value()));
        if (existing != null) {
            entities.remove(existing);
        }
        return existing != null;
    }

    public Optional<OwnerDenial> of(DataTokenId child, DataTokenId parent) {
        return Optional.ofNullable(entities.find(OwnerDenial.class, OwnerDenial.idOf(child.value(), parent.value())));
    }

    /** The owner's denials of compositions using the asset, newest first (the owner only). */
    public List<OwnerDenial> of(OrganizationAlias caller, DataTokenId child) {
        requireOwned(caller, ledgers.reader(), child);
        return entities.createQuery("select d from OwnerDenial d where d.childDt = :child order by d.deniedAt desc",
                OwnerDenial.class).setParameter("child", child.value()).getResultList();
    }

    /** Whether the caller may read the pair's denial: the child's owner or the composition's. */
    public boolean concerns(OrganizationAlias caller, DataTokenId child, DataTokenId parent) {
        DataTokenLedger reader = ledgers.reader();
        return reader.find(child).map(t -> t.owner().equals(caller)).orElse(false)
                || reader.find(parent).map(t -> t.owner().equals(caller)).orElse(false);
    }

    private static void requireOwned(OrganizationAlias owner, DataTokenLedger reader, DataTokenId child) {
        DataToken token = reader.find(child).orElseThrow(() -> unknown(child));
        if (!token.owner().equals(owner)) {
            throw new AssetRefused(FORBIDDEN, "not-owner", "asset " + child + " belongs to '" + token.owner()
                    + "'; only its owner denies its use");
        }
    }

    private static AssetRefused unknown(DataTokenId dt) {
        return new AssetRefused(NOT_FOUND, "unknown-asset", "no asset is registered as " + dt);
    }
}
