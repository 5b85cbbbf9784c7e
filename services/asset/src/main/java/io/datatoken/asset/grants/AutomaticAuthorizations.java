package io.datatoken.asset.grants;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Defined once, sold many times": an owner opts an asset in, and a composition's request for
 * authorization is granted for that child, signed by the owner's account, whenever the verifier
 * finds the composition within the child's terms. Children whose owners did not opt in wait for
 * their owners; the composer's own children are granted like opted-in ones.
 */
@ApplicationScoped
public class AutomaticAuthorizations {

    @Inject
    DataTokenLedgers ledgers;

    @Inject
    Authorizations authorizations;

    @Inject
    TermsChecks terms;

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    Clock clock = Clock.systemUTC();

    /** Opts the owner's asset in or out of automatic authorization. */
    @Transactional
    public boolean setEnabled(OrganizationAlias owner, DataTokenId dt, boolean enabled) {
        DataToken token = ledgers.reader().find(dt).orElseThrow(() -> new AssetRefused(NOT_FOUND, "unknown-asset",
                "no asset is registered as " + dt));
        if (!token.owner().equals(owner)) {
            throw new AssetRefused(FORBIDDEN, "not-owner", "asset " + dt + " belongs to '" + token.owner()
                    + "'; only its owner decides how its use is authorized");
        }
        AutoAuthorization existing = entities.find(AutoAuthorization.class, dt.value());
        if (enabled && existing == null) {
            entities.persist(new AutoAuthorization(dt.value(), owner.value(), OffsetDateTime.now(clock)));
        } else if (!enabled && existing != null) {
            entities.remove(existing);
        }
        return enabled;
    }

    public boolean isEnabled(DataTokenId dt) {
        return entities.find(AutoAuthorization.class, dt.value()) != null;
    }

    /**
     * The composer asks every child of its composition for authorization; each child is granted,
     * denied (with the rules broken), left to its owner, or found granted already.
     */
    public List<Outcome> request(OrganizationAlias composer, DataTokenId parent, String bearerToken) {
        DataTokenLedger reader = ledgers.reader();
        DataToken composition = reader.find(parent).orElseThrow(() -> new AssetRefused(NOT_FOUND, "unknown-asset",
                "no asset is registered as " + parent));
        if (!composition.owner().equals(composer)) {
            throw new AssetRefused(FORBIDDEN, "not-owner", "composition " + parent + " belongs to '"
                    + composition.owner() + "'; only its owner requests its authorization");
        }
        if (composition.isLeaf()) {
            throw new AssetRefused(INVALID, "not-a-composition", "asset " + parent + " composes nothing");
        }
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        for (DataTokenId child : composition.children()) {
            outcomes.add(outcomeFor(composer, parent, child, reader, now, bearerToken));
        }
        return outcomes;
    }

    private Outcome outcomeFor(OrganizationAlias composer, DataTokenId parent, DataTokenId child, DataTokenLedger reader,
                               Instant now, String bearerToken) {
        OrganizationAlias owner = reader.find(child).orElseThrow().owner();
        if (reader.grantOf(child, parent).filter(g -> g.isLiveAt(now)).isPresent()) {
            return new Outcome(child, owner, Status.ALREADY_GRANTED, List.of(), Optional.empty());
        }
        OwnerDenial denied = entities.find(OwnerDenial.class, OwnerDenial.idOf(child.value(), parent.value()));
        if (denied != null) {
            // the owner said no to this composition: its standing consent does not cover it
            return new Outcome(child, owner, Status.DENIED_BY_OWNER, List.of(denied.reason()), Optional.empty());
        }
        if (!owner.equals(composer) && !isEnabled(child)) {
            return new Outcome(child, owner, Status.AWAITING_OWNER, List.of(), Optional.empty());
        }
        TermsChecks.Verdict verdict = terms.verdictOn(parent, child, bearerToken);
        if (!verdict.passed()) {
            return new Outcome(child, owner, Status.DENIED, verdict.brokenRules(), Optional.empty());
        }
        GrantRecord granted = authorizations.grant(owner, child, parent, null).record();
        return new Outcome(child, owner, Status.GRANTED, List.of(), Optional.of(granted));
    }

    /** What became of one child's authorization. */
    public enum Status {
        GRANTED, ALREADY_GRANTED, DENIED, DENIED_BY_OWNER, AWAITING_OWNER
    }

    /** One child's outcome; {@code brokenRules} when denied (the owner's reason when denied by the owner), the grant when granted. */
    public record Outcome(DataTokenId child, OrganizationAlias owner, Status status, List<String> brokenRules,
                          Optional<GrantRecord> grant) {
    }
}
