package io.datatoken.compute.device;

import static io.datatoken.compute.device.DeviceRefused.Why.CONFLICT;
import static io.datatoken.compute.device.DeviceRefused.Why.FORBIDDEN;
import static io.datatoken.compute.device.DeviceRefused.Why.INVALID;
import static io.datatoken.compute.device.DeviceRefused.Why.NOT_FOUND;

import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;
import io.datatoken.domain.verification.Child;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.OpStatus;
import io.datatoken.domain.verification.TermsVerifier;
import io.datatoken.domain.verification.VerificationReport;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The end user's consent to a composition's use of their token, and its withdrawal, each signed by
 * the user's key. Before consenting the node verifies the composition against the user's terms
 * itself, with the same rules as the platform's verifier but reading only the chain and the content
 * store: the user trusts no service to have checked for them.
 */
@ApplicationScoped
public class EndUserConsents {

    @Inject
    NodeParty party;

    @Inject
    NodeAccount account;

    @Inject
    DataTokenLedger tokens;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    DdoVerifier ddos;

    Clock clock = Clock.systemUTC();

    /**
     * Consents to {@code parent}'s use of the user's {@code child} (until {@code expiresAt}, if given)
     * if the composition meets the child's terms; a live consent already given stands.
     *
     * @throws DeviceRefused with the verdict if the terms are not met; nothing was granted
     */
    public Consent give(DataTokenId child, DataTokenId parent, Optional<Instant> expiresAt) {
        DataToken token = own(child);
        DataToken composition = tokens.find(parent).orElseThrow(() -> new DeviceRefused(NOT_FOUND, "unknown-asset",
                "no asset is registered as " + parent));
        if (!composition.children().contains(child)) {
            throw new DeviceRefused(INVALID, "not-a-child", parent + " does not compose " + token.id()
                    + "; consent goes to a composition that lists the token as its child");
        }
        VerificationReport report = verify(composition);
        ChildVerdict verdict = report.verdictOn(child.value()).orElseThrow(() -> new DeviceRefused(INVALID,
                "not-a-child", parent + "'s document does not compose " + child));
        if (!verdict.passed()) {
            throw new DeviceRefused(CONFLICT, "terms-not-met", "the composition " + parent + " breaks "
                    + verdict.denials().size() + " rule(s) of your terms for " + child + "; nothing was consented", verdict);
        }
        Instant now = clock.instant();
        Optional<Grant> standing = tokens.grantOf(child, parent).filter(g -> g.isLiveAt(now));
        if (standing.isPresent() && expiresAt.map(e -> e.equals(standing.get().expiresAt())).orElse(true)) {
            return new Consent(child, parent, standing.get().expiresAt(), Optional.empty(), verdict, false);
        }
        account.ensureRegistered();
        TransactionHash tx = expiresAt.map(e -> account.tokens().grant(child, parent, e))
                .orElseGet(() -> account.tokens().grant(child, parent));
        return new Consent(child, parent, expiresAt.orElse(null), Optional.of(tx), verdict, true);
    }

    /**
     * Withdraws the user's live consent: from now on no job over {@code parent} is authorized, and a
     * running one stops at the nodes' next check.
     *
     * @throws DeviceRefused if there is no live consent to withdraw
     */
    public TransactionHash withdraw(DataTokenId child, DataTokenId parent) {
        own(child);
        if (tokens.grantOf(child, parent).filter(g -> g.isLiveAt(clock.instant())).isEmpty()) {
            throw new DeviceRefused(NOT_FOUND, "no-consent", "there is no live consent of " + child + " to " + parent
                    + " to withdraw");
        }
        account.ensureRegistered();
        return account.tokens().revoke(child, parent);
    }

    private DataToken own(DataTokenId dt) {
        DataToken token = tokens.find(dt).orElseThrow(() -> new DeviceRefused(NOT_FOUND, "unknown-asset",
                "no asset is registered as " + dt));
        if (!party.holds(token)) {
            throw new DeviceRefused(FORBIDDEN, "not-your-asset", party.whyNotHeld(token) + "; only its owner consents to "
                    + "its use");
        }
        return token;
    }

    /** The composition against every child's terms, each document proven against the chain. */
    private VerificationReport verify(DataToken composition) {
        Ddo parentDdo = verifiedDdoOf(composition);
        Map<String, Child> children = new LinkedHashMap<>();
        for (DataTokenId dt : composition.children()) {
            DataToken child = tokens.find(dt).orElseThrow(() -> new DeviceRefused(CONFLICT, "unknown-child",
                    composition.id() + " names " + dt + ", which is not on chain"));
            // uses so far do not matter: an end user's terms set no maxUses (EndUserAssets refuses them)
            children.put(dt.value(), new Child(verifiedDdoOf(child), 0));
        }
        try {
            return new TermsVerifier(clock).verify(parentDdo, children, OpStatus.in(ops));
        } catch (IllegalArgumentException inconsistent) {
            throw new DeviceRefused(CONFLICT, "inconsistent-composition", "the document of " + composition.id()
                    + " does not match its children on chain: " + inconsistent.getMessage());
        }
    }

    private Ddo verifiedDdoOf(DataToken token) {
        try {
            return ddos.verify(content.get(token.storagePath()), token.proof());
        } catch (DdoRejected | ContentNotFound | ContentTampered unreadable) {
            throw new DeviceRefused(CONFLICT, "ddo-rejected", "the stored document of " + token.id()
                    + " is not the one the chain vouches for, so it cannot be verified: " + unreadable.getMessage());
        }
    }

    /**
     * A consent on chain: to whom, until when ({@code null}: until withdrawn), the transaction if this
     * call sent it, and the verdict it was given on.
     */
    public record Consent(DataTokenId child, DataTokenId parent, Instant expiresAt, Optional<TransactionHash> tx,
                          ChildVerdict verdict, boolean created) {
    }
}
