package io.datatoken.tracer.refusals;

import io.datatoken.chain.NodeMessages;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Takes a refusal a compute node reports, trusting only its signature and the chain: the signer must
 * be an account of an active organization, and that organization must own the refused DT (a node
 * reports on its own organization's assets only). Kept once; the same report again is a retry.
 */
@ApplicationScoped
public class RefusalIntake {

    /** How far ahead of the tracer's clock a node's may be. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    ReportingRights rights;

    @Inject
    RefusalStore store;

    Clock clock = Clock.systemUTC();

    /** The refusal as kept, with its signer's organization. */
    public record Taken(RefusalStore.Kept kept, OrganizationAlias organization, ChainAddress signer) {
    }

    /**
     * @throws RefusalRejected {@code MALFORMED} if no signer can be recovered or the refusal is dated in the
     *                         future; {@code NOT_ALLOWED} if the signer may not report on the DT
     */
    public Taken take(ReportedRefusal refusal, String signature) {
        Instant now = clock.instant();
        if (refusal.refusedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new RefusalRejected(RefusalRejected.Kind.MALFORMED, "refused-in-the-future", "refusedAt "
                    + refusal.refusedAt() + " is more than " + CLOCK_TOLERANCE.toMinutes() + " minutes ahead of the "
                    + "tracer's clock (" + now + "): set the node's clock right and report it again");
        }
        ChainAddress signer;
        try {
            signer = NodeMessages.signerOf(refusal.signedBytes(), signature);
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            throw new RefusalRejected(RefusalRejected.Kind.MALFORMED, "bad-signature", "'signature' must be the node's "
                    + "EIP-191 signature (0x + 65 bytes in hex) over the refusal's signed text: "
                    + (signature == null ? "it is absent" : unreadable.getMessage()));
        }
        OrganizationAlias organization = rights.organizationOf(signer).orElseThrow(() -> new RefusalRejected(
                RefusalRejected.Kind.NOT_ALLOWED, "not-an-account", "the refusal is signed by " + signer + ", which "
                + "is no organization's account on chain: a node reports with the key its organization added as "
                + "an account (or the signed text differs from what the node signed)"));
        if (!rights.isActive(organization)) {
            throw new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED, "organization-not-active", "the refusal is "
                    + "signed by " + signer + " of '" + organization + "', which is suspended: it reports nothing "
                    + "until it is reinstated");
        }
        OrganizationAlias owner = rights.ownerOf(refusal.dt()).orElseThrow(() -> new RefusalRejected(
                RefusalRejected.Kind.NOT_ALLOWED, "unknown-asset", "no DT " + refusal.dt() + " is registered on chain; "
                + "a refusal is kept only for a registered DT, reported by its owner's node"));
        if (!owner.equals(organization)) {
            throw new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED, "not-the-owner", refusal.dt() + " belongs to '"
                    + owner + "', but the refusal is signed by " + signer + " of '" + organization + "': a DT's "
                    + "refusals are reported by its owner's nodes only");
        }
        return new Taken(store.keep(organization, signer, refusal, signature, now), organization, signer);
    }
}
