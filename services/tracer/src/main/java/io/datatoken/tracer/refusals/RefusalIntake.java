package io.datatoken.tracer.refusals;

import io.datatoken.chain.NodeMessages;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a refusal a compute node reports, trusting only its signature and the chain. The signer must
 * be, on chain now, one of:
 * <ul>
 *   <li>an account of an active organization that owns the refused DT: an organization's node, for
 *       any token its organization owns, its end users' included (it refuses requests for those, as
 *       only the user's device runs them, and reports that it did);</li>
 *   <li>the account of an end user of an active organization, when the DT is that end user's own
 *       token (owner that organization, end user that id): a device node (decision 0021), which
 *       reports refusals of its own user's tokens only, neither the organization's nor another
 *       user's. A removed end user's account is no one's.</li>
 * </ul>
 * Either way the refusal is kept for the owning organization, with its signer (the user's account for
 * a device), so it shows where the organization's own nodes' do. Kept once; the same report again is a
 * retry.
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

    /**
     * The refusal as kept, with the organization it is kept for and its signer.
     *
     * @param endUser the end user whose device node signed it; empty if an organization's account did
     */
    public record Taken(RefusalStore.Kept kept, OrganizationAlias organization, ChainAddress signer,
                        Optional<EndUserId> endUser) {
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
        Optional<OrganizationAlias> organization = rights.organizationOf(signer);
        if (organization.isPresent()) {
            return fromOrganization(organization.get(), signer, refusal, signature, now);
        }
        EndUser endUser = rights.endUserOf(signer).orElseThrow(() -> new RefusalRejected(
                RefusalRejected.Kind.NOT_ALLOWED, "not-an-account", "the refusal is signed by " + signer + ", which "
                + "is no organization's account and no end user's on chain: a node reports with the key its "
                + "organization added as an account, a device node with the key of the end user it acts for while "
                + "the organization keeps that user (or the signed text differs from what the node signed)"));
        return fromDevice(endUser, signer, refusal, signature, now);
    }

    /** An organization's node: any DT its organization owns, end users' included. */
    private Taken fromOrganization(OrganizationAlias organization, ChainAddress signer, ReportedRefusal refusal,
                                   String signature, Instant now) {
        requireActive(organization, signer + " of '" + organization + "'");
        ReportingRights.Owner owner = ownerOf(refusal.dt());
        if (!owner.organization().equals(organization)) {
            throw new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED, "not-the-owner", refusal.dt() + " belongs to "
                    + describe(owner) + ", but the refusal is signed by " + signer + " of '" + organization + "': a "
                    + "DT's refusals are reported by its owner's nodes only");
        }
        return new Taken(store.keep(organization, signer, refusal, signature, now), organization, signer,
                Optional.empty());
    }

    /** A device node: its own end user's DTs only, kept for the user's organization. */
    private Taken fromDevice(EndUser endUser, ChainAddress signer, ReportedRefusal refusal, String signature,
                             Instant now) {
        String device = signer + ", the device node of end user '" + endUser.id() + "' of '" + endUser.organization()
                + "'";
        requireActive(endUser.organization(), device);
        ReportingRights.Owner owner = ownerOf(refusal.dt());
        if (!owner.equals(ReportingRights.Owner.endUser(endUser.organization(), endUser.id()))) {
            throw new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED, "not-the-owner", refusal.dt() + " belongs to "
                    + describe(owner) + ", but the refusal is signed by " + device + ": a device node reports "
                    + "refusals of its own user's tokens only");
        }
        return new Taken(store.keep(endUser.organization(), signer, refusal, signature, now),
                endUser.organization(), signer, Optional.of(endUser.id()));
    }

    /** @param signedBy who signed, as the rejection names them, e.g. "0x… of 'bank-a'" */
    private void requireActive(OrganizationAlias organization, String signedBy) {
        if (!rights.isActive(organization)) {
            throw new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED, "organization-not-active", "the refusal is "
                    + "signed by " + signedBy + ": '" + organization + "' is suspended and reports nothing until it "
                    + "is reinstated");
        }
    }

    private ReportingRights.Owner ownerOf(DataTokenId dt) {
        return rights.ownerOf(dt).orElseThrow(() -> new RefusalRejected(RefusalRejected.Kind.NOT_ALLOWED,
                "unknown-asset", "no DT " + dt + " is registered on chain; a refusal is kept only for a registered "
                + "DT, reported by its owner's node"));
    }

    private static String describe(ReportingRights.Owner owner) {
        return owner.endUser().map(id -> "end user '" + id + "' of '" + owner.organization() + "'")
                .orElse("'" + owner.organization() + "'");
    }
}
