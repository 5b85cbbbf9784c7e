package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static io.datatoken.chain.LedgerFixture.randomProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;

/**
 * What every {@link DataTokenLedger} does, the web3j adapter on a real chain and the in-memory
 * fake alike: ownership by organization, the provider role of each kind, the rules of children,
 * grants and revocations, the hierarchical activation rule (every grant live and every owner
 * active, all the way down), and end users' own tokens (only the end user consents to their use).
 * Refusals are compared by their reason (the contract's custom error) and by what their message
 * names.
 *
 * <p>Each test starts on an empty register with four organizations (aliases that the web3j
 * fixture's own organizations do not use).
 */
abstract class DataTokenLedgerContract {

    /** A data provider. */
    static final OrganizationAlias CLINIC = OrganizationAlias.of("clinic-e");
    /** A data and compute provider. */
    static final OrganizationAlias BANK = OrganizationAlias.of("bank-f");
    /** An algorithm provider. */
    static final OrganizationAlias STUDIO = OrganizationAlias.of("studio-g");
    /** A data user: no provider role at all. */
    static final OrganizationAlias USER = OrganizationAlias.of("user-h");

    static final EndUserId U1 = EndUserId.of("u-0001");
    static final EndUserId U2 = EndUserId.of("u-0002");

    private static final Proof ZERO_PROOF = Proof.of("0x" + "0".repeat(64));

    protected DataTokenLedger clinic;
    protected DataTokenLedger bank;
    protected DataTokenLedger studio;
    protected DataTokenLedger user;

    /** An empty register (and no organizations), before each test. */
    protected abstract void startFresh();

    /** Registers a new, active organization with these roles; answers an account acting for it. */
    protected abstract DataTokenLedger organization(OrganizationAlias alias, Set<PlatformRole> roles);

    /** One more account of an organization made by {@link #organization}. */
    protected abstract DataTokenLedger anotherAccountOf(OrganizationAlias alias);

    /** An account of no organization (the platform operator's, say). */
    protected abstract DataTokenLedger outsider();

    /** Withdraws every role of the organization, as the organization ledger's suspension does. */
    protected abstract void suspend(OrganizationAlias alias);

    /** Lifts a suspension made by {@link #suspend}. */
    protected abstract void reinstate(OrganizationAlias alias);

    /** Removes the organization for good, as the organization ledger's removal does. */
    protected abstract void remove(OrganizationAlias alias);

    /**
     * The organization (by an account made by {@link #organization}) registers an end user with a
     * new account; answers an account acting as that end user.
     */
    protected abstract DataTokenLedger endUser(OrganizationAlias alias, EndUserId id);

    /** The organization removes its end user. */
    protected abstract void removeEndUser(OrganizationAlias alias, EndUserId id);

    /** The ledger's time now: the latest block's. */
    protected abstract Instant now();

    /** Moves the ledger's clock forward. */
    protected abstract void advanceTime(Duration by);

    @BeforeEach
    void fourOrganizations() {
        startFresh();
        clinic = organization(CLINIC, Set.of(PlatformRole.DATA_PROVIDER));
        bank = organization(BANK, Set.of(PlatformRole.DATA_PROVIDER, PlatformRole.COMPUTE_PROVIDER));
        studio = organization(STUDIO, Set.of(PlatformRole.ALGORITHM_PROVIDER));
        user = organization(USER, Set.of(PlatformRole.DATA_USER));
    }

    // ---- register -------------------------------------------------------------------------

    @Test
    void registers_a_leaf_owned_by_the_callers_organization_and_active_at_once() {
        DataTokenId id = newId();
        Cid cid = randomCid();
        Proof proof = randomProof();

        TransactionHash tx = clinic.register(id, AssetKind.DATA, cid, proof, List.of());

        assertThat(tx).isNotNull();
        DataToken expected = new DataToken(id, CLINIC, AssetKind.DATA, cid, proof, List.of(), now());
        assertThat(clinic.find(id)).contains(expected);
        assertThat(outsider().find(id)).as("anyone reads").contains(expected);
        assertThat(clinic.isActive(id)).isTrue();
    }

    @Test
    void every_change_of_metadata_answers_its_own_transaction() {
        DataTokenId first = newId();
        DataTokenId second = newId();

        TransactionHash registeredFirst = clinic.register(first, AssetKind.DATA, randomCid(), randomProof(), List.of());
        TransactionHash registeredSecond = clinic.register(second, AssetKind.DATA, randomCid(), randomProof(), List.of());
        TransactionHash updated = clinic.updateMetadata(first, randomCid(), randomProof());

        assertThat(List.of(registeredFirst, registeredSecond, updated)).doesNotHaveDuplicates();
    }

    @Test
    void each_kind_needs_its_provider_role() {
        DataTokenId compute = register(bank, AssetKind.COMPUTE);
        DataTokenId algorithm = register(studio, AssetKind.ALGORITHM, compute);

        assertThat(bank.find(compute)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(AssetKind.COMPUTE);
            assertThat(t.owner()).isEqualTo(BANK);
        });
        assertThat(bank.find(algorithm)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(AssetKind.ALGORITHM);
            assertThat(t.owner()).isEqualTo(STUDIO);
            assertThat(t.children()).containsExactly(compute);
        });
        assertRegistrationRefused(clinic, AssetKind.COMPUTE, "NotProvider", "provider of asset kind 1");
        assertRegistrationRefused(studio, AssetKind.DATA, "NotProvider", "provider of asset kind 0");
        assertRegistrationRefused(bank, AssetKind.ALGORITHM, "NotProvider", "provider of asset kind 2");
        assertRegistrationRefused(user, AssetKind.DATA, "NotProvider", "provider of asset kind 0");
        assertRegistrationRefused(outsider(), AssetKind.DATA, "NotProvider", "provider of asset kind 0");
    }

    @Test
    void the_owner_is_the_organization_and_any_of_its_accounts_acts_for_it() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenLedger otherAccount = anotherAccountOf(CLINIC);
        Cid cid = randomCid();
        Proof proof = randomProof();

        otherAccount.updateMetadata(dt1, cid, proof);
        otherAccount.grant(dt1, dt2);

        assertThat(clinic.find(dt1)).hasValueSatisfying(t -> {
            assertThat(t.owner()).isEqualTo(CLINIC);
            assertThat(t.storagePath()).isEqualTo(cid);
            assertThat(t.proof()).isEqualTo(proof);
        });
        assertThat(clinic.isActive(dt2)).isTrue();
        clinic.revoke(dt1, dt2);
        assertThat(clinic.isActive(dt2)).isFalse();
    }

    @Test
    void refuses_a_second_registration_of_the_same_id() {
        DataTokenId id = newId();
        Cid cid = randomCid();
        Proof proof = randomProof();
        clinic.register(id, AssetKind.DATA, cid, proof, List.of());

        assertRefused(() -> clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of()),
                "TokenExists", id.value());
        assertRefused(() -> bank.register(id, AssetKind.COMPUTE, cid, proof, List.of()), "TokenExists", id.value());
        assertThat(clinic.find(id)).hasValueSatisfying(t -> {
            assertThat(t.owner()).isEqualTo(CLINIC);
            assertThat(t.kind()).isEqualTo(AssetKind.DATA);
            assertThat(t.storagePath()).isEqualTo(cid);
        });
    }

    @Test
    void refuses_a_zero_proof() {
        DataTokenId id = newId();
        assertRefused(() -> clinic.register(id, AssetKind.DATA, randomCid(), ZERO_PROOF, List.of()), "ZeroProof", "proof");
        assertThat(clinic.find(id)).isEmpty();

        DataTokenId registered = register(clinic, AssetKind.DATA);
        assertRefused(() -> clinic.updateMetadata(registered, randomCid(), ZERO_PROOF), "ZeroProof", "proof");
    }

    @Test
    void refuses_unknown_self_and_duplicate_children() {
        DataTokenId child = register(clinic, AssetKind.DATA);
        DataTokenId unknown = newId();
        DataTokenId fresh = newId();

        assertRefused(() -> studio.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(), List.of(child, unknown)),
                "UnknownToken", unknown.value());
        assertRefused(() -> studio.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(), List.of(child, fresh)),
                "SelfChild", fresh.value());
        assertRefused(() -> studio.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(), List.of(child, child)),
                "DuplicateChild", child.value());
        assertThat(studio.find(fresh)).isEmpty();
        assertThat(studio.isPartOf(child, fresh)).isFalse();
    }

    @Test
    void bounds_the_number_of_children_the_depth_and_the_size_of_a_composition() {
        List<DataTokenId> leaves = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            leaves.add(register(clinic, AssetKind.DATA));
        }
        assertRefused(() -> studio.register(newId(), AssetKind.ALGORITHM, randomCid(), randomProof(), leaves),
                "TooManyChildren", "17 children, at most 16");

        // a chain of 9 tokens is 8 levels deep: allowed; one more level is not
        DataTokenId top = leaves.get(0);
        for (int level = 1; level <= 8; level++) {
            top = register(clinic, AssetKind.DATA, top);
        }
        DataTokenId deepest = top;
        assertRefused(() -> clinic.register(newId(), AssetKind.DATA, randomCid(), randomProof(), List.of(deepest)),
                "TooDeep", "9 levels deep, at most 8");

        // four parents of the same 15 leaves span 16 tokens each; one over all four spans 65
        List<DataTokenId> fifteen = leaves.subList(1, 16);
        List<DataTokenId> parents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parents.add(register(clinic, AssetKind.DATA, fifteen.toArray(DataTokenId[]::new)));
        }
        assertRefused(() -> studio.register(newId(), AssetKind.ALGORITHM, randomCid(), randomProof(), parents),
                "TreeTooLarge", "65 tokens, at most 64");
        DataTokenId largest = register(studio, AssetKind.ALGORITHM, parents.subList(0, 3).toArray(DataTokenId[]::new));
        assertThat(studio.find(largest)).isPresent();
    }

    // ---- metadata -------------------------------------------------------------------------

    @Test
    void the_owner_points_a_token_at_a_new_document_and_nothing_else_changes() {
        DataTokenId child = register(bank, AssetKind.COMPUTE);
        DataTokenId id = register(studio, AssetKind.ALGORITHM, child);
        Instant registeredAt = now();
        advanceTime(Duration.ofMinutes(1));
        Cid cid = randomCid();
        Proof proof = randomProof();

        studio.updateMetadata(id, cid, proof);

        assertThat(studio.find(id)).contains(new DataToken(id, STUDIO, AssetKind.ALGORITHM, cid, proof, List.of(child),
                registeredAt));
    }

    @Test
    void only_the_owner_changes_the_metadata_of_a_known_token() {
        DataTokenId id = register(clinic, AssetKind.DATA);
        DataTokenId unknown = newId();
        DataToken before = clinic.find(id).orElseThrow();

        assertRefused(() -> bank.updateMetadata(id, randomCid(), randomProof()), "NotOwner", id.value());
        assertRefused(() -> outsider().updateMetadata(id, randomCid(), randomProof()), "NotOwner", id.value());
        assertRefused(() -> clinic.updateMetadata(unknown, randomCid(), randomProof()), "UnknownToken", unknown.value());
        assertThat(clinic.find(id)).contains(before);
        assertThat(clinic.find(unknown)).isEmpty();
    }

    @Test
    void a_suspended_organization_cannot_register_update_or_grant_but_can_still_revoke() {
        DataTokenId dt1 = register(bank, AssetKind.DATA);
        DataTokenId dt2 = register(clinic, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(clinic, AssetKind.DATA, dt1);
        bank.grant(dt1, dt2);

        suspend(BANK);

        assertRegistrationRefused(bank, AssetKind.DATA, "NotProvider", "provider of asset kind 0");
        assertRefused(() -> bank.updateMetadata(dt1, randomCid(), randomProof()), "OrganizationInactive",
                "bank-f is suspended");
        assertRefused(() -> bank.grant(dt1, dt3), "OrganizationInactive", "bank-f is suspended");
        bank.revoke(dt1, dt2);
        assertThat(bank.isActive(dt2)).isFalse();
        assertThat(bank.find(dt1)).hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo(BANK));
    }

    // ---- grants and activation ------------------------------------------------------------

    @Test
    void a_composed_token_is_active_only_once_every_child_granted_it() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId compute = register(bank, AssetKind.COMPUTE);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2, compute);

        assertThat(user.isActive(dt1)).isTrue();
        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();

        clinic.grant(dt1, dt2);
        assertThat(user.isActive(dt2)).isTrue();
        assertThat(user.isActive(dt3)).isFalse();

        bank.grant(dt2, dt3);
        assertThat(user.isActive(dt3)).as("compute child not granted yet").isFalse();

        bank.grant(compute, dt3);
        assertThat(user.isActive(dt3)).isTrue();
        assertThat(user.grantOf(compute, dt3)).contains(new Grant(compute, dt3, now(), null, false));
    }

    @Test
    void revoking_a_grant_two_levels_down_deactivates_everything_above() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        clinic.grant(dt1, dt2);
        bank.grant(dt2, dt3);
        assertThat(user.isActive(dt3)).isTrue();

        clinic.revoke(dt1, dt2);

        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();
        assertThat(user.isActive(dt1)).isTrue();
        assertThat(user.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
        assertThat(user.grantOf(dt2, dt3)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());

        clinic.grant(dt1, dt2);
        assertThat(user.isActive(dt3)).as("granted again").isTrue();
        assertThat(user.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());
    }

    @Test
    void an_expired_grant_two_levels_down_deactivates_everything_above() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        Instant expiry = now().plusSeconds(3600);
        clinic.grant(dt1, dt2, expiry);
        bank.grant(dt2, dt3);

        assertThat(user.isActive(dt3)).isTrue();
        assertThat(user.grantOf(dt1, dt2)).hasValueSatisfying(g -> {
            assertThat(g.expiresAt()).isEqualTo(expiry);
            assertThat(g.revoked()).isFalse();
        });

        advanceTime(Duration.ofSeconds(3600));

        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();
        assertThat(user.grantOf(dt1, dt2)).hasValueSatisfying(g -> {
            assertThat(g.revoked()).isFalse();
            assertThat(g.isLiveAt(now())).isFalse();
        });

        clinic.grant(dt1, dt2, now().plusSeconds(60));
        assertThat(user.isActive(dt3)).as("renewed").isTrue();
        clinic.grant(dt1, dt2);
        assertThat(user.grantOf(dt1, dt2)).as("replaced by a grant that never expires")
                .hasValueSatisfying(g -> assertThat(g.expiresAt()).isNull());
    }

    @Test
    void a_suspended_owner_deactivates_its_tokens_and_everything_above_until_reinstated() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        clinic.grant(dt1, dt2);
        bank.grant(dt2, dt3);
        assertThat(user.isActive(dt3)).isTrue();

        suspend(CLINIC);

        assertThat(user.isActive(dt1)).as("a leaf of a suspended owner").isFalse();
        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();
        assertThat(user.grantOf(dt1, dt2)).as("its grant stays recorded, unrevoked")
                .hasValueSatisfying(g -> assertThat(g.isLiveAt(now())).isTrue());
        assertThat(user.isPartOf(dt1, dt3)).isTrue();

        reinstate(CLINIC);

        assertThat(user.isActive(dt1)).isTrue();
        assertThat(user.isActive(dt3)).as("the recorded grant counts again").isTrue();
    }

    @Test
    void a_suspended_owner_in_the_middle_deactivates_what_is_above_it_not_what_is_below() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        clinic.grant(dt1, dt2);
        bank.grant(dt2, dt3);

        suspend(BANK);

        assertThat(user.isActive(dt1)).isTrue();
        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();

        reinstate(BANK);
        assertThat(user.isActive(dt3)).isTrue();
    }

    @Test
    void a_suspended_owner_at_the_top_deactivates_its_own_composition() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt1);
        clinic.grant(dt1, dt3);

        suspend(STUDIO);

        assertThat(user.isActive(dt3)).isFalse();
        assertThat(user.isActive(dt1)).isTrue();
    }

    @Test
    void a_removed_owners_tokens_and_everything_above_them_are_inactive_for_good() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        DataTokenId unused = register(bank, AssetKind.DATA, dt1);
        DataTokenLedger otherAccount = anotherAccountOf(CLINIC);
        clinic.grant(dt1, dt2);
        bank.grant(dt2, dt3);
        assertThat(user.isActive(dt3)).isTrue();

        remove(CLINIC);

        assertThat(user.isActive(dt1)).isFalse();
        assertThat(user.isActive(dt2)).isFalse();
        assertThat(user.isActive(dt3)).isFalse();
        assertThat(user.find(dt1)).as("still on record, owned by the removed organization")
                .hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo(CLINIC));
        assertThat(user.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());
        // its former accounts act for nobody: nothing they do can bring the tokens back
        assertRefused(() -> clinic.revoke(dt1, dt2), "NotOwner", dt1.value());
        assertRefused(() -> otherAccount.grant(dt1, unused), "NotOwner", dt1.value());
        assertRefused(() -> clinic.updateMetadata(dt1, randomCid(), randomProof()), "NotOwner", dt1.value());
        assertRegistrationRefused(clinic, AssetKind.DATA, "NotProvider", "provider of asset kind 0");
        advanceTime(Duration.ofDays(1));
        assertThat(user.isActive(dt3)).isFalse();
    }

    @Test
    void a_token_is_part_of_every_composition_above_it() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId dt3 = register(studio, AssetKind.ALGORITHM, dt2);
        DataTokenId stranger = register(clinic, AssetKind.DATA);

        assertThat(user.isPartOf(dt1, dt3)).isTrue();
        assertThat(user.isPartOf(dt2, dt3)).isTrue();
        assertThat(user.isPartOf(dt3, dt3)).isTrue();
        assertThat(user.isPartOf(dt3, dt1)).as("not upwards").isFalse();
        assertThat(user.isPartOf(stranger, dt3)).isFalse();
        assertThat(user.isPartOf(dt1, newId())).as("unknown root").isFalse();
    }

    @Test
    void a_token_used_by_two_parents_is_granted_to_each_separately() {
        DataTokenId shared = register(clinic, AssetKind.DATA);
        DataTokenId first = register(studio, AssetKind.ALGORITHM, shared);
        DataTokenId second = register(studio, AssetKind.ALGORITHM, shared);

        clinic.grant(shared, first);

        assertThat(user.isActive(first)).isTrue();
        assertThat(user.isActive(second)).isFalse();
        assertThat(user.grantOf(shared, second)).isEmpty();
    }

    @Test
    void only_the_childs_owner_grants_and_revokes_and_only_to_a_parent_listing_it() {
        DataTokenId dt1 = register(clinic, AssetKind.DATA);
        DataTokenId dt2 = register(bank, AssetKind.DATA, dt1);
        DataTokenId other = register(bank, AssetKind.DATA);
        DataTokenId unknown = newId();
        Instant now = now();

        assertRefused(() -> bank.grant(dt1, dt2), "NotOwner", dt1.value());
        assertRefused(() -> outsider().grant(dt1, dt2), "NotOwner", dt1.value());
        assertRefused(() -> clinic.grant(dt1, other), "NotAChild", dt1.value() + " is not a child of " + other.value());
        assertRefused(() -> clinic.grant(unknown, dt2), "UnknownToken", unknown.value());
        assertRefused(() -> clinic.grant(dt1, dt2, now), "ExpiryInPast", Long.toString(now.getEpochSecond()));
        assertRefused(() -> clinic.revoke(dt1, dt2), "NoLiveGrant", dt1.value());
        assertRefused(() -> clinic.revoke(dt1, other), "NotAChild", other.value());
        assertRefused(() -> clinic.revoke(unknown, dt2), "UnknownToken", unknown.value());
        assertThat(clinic.grantOf(dt1, dt2)).isEmpty();
        assertThat(clinic.isActive(dt2)).isFalse();

        clinic.grant(dt1, dt2);
        assertRefused(() -> bank.revoke(dt1, dt2), "NotOwner", dt1.value());
        assertThat(clinic.isActive(dt2)).isTrue();
        clinic.revoke(dt1, dt2);
        assertRefused(() -> clinic.revoke(dt1, dt2), "NoLiveGrant", dt1.value());
    }

    // ---- end users' own tokens (scenario S2) -----------------------------------------------

    @Test
    void an_end_user_registers_a_data_leaf_of_their_own_under_their_organization() {
        DataTokenLedger u1 = endUser(CLINIC, U1);
        DataTokenId id = newId();
        Cid cid = randomCid();
        Proof proof = randomProof();

        TransactionHash tx = u1.registerAsEndUser(id, cid, proof);

        assertThat(tx).isNotNull();
        DataToken expected = new DataToken(id, CLINIC, AssetKind.DATA, cid, proof, List.of(), now(), Optional.of(U1));
        assertThat(outsider().find(id)).contains(expected);
        assertThat(u1.isActive(id)).isTrue();
        assertThat(clinic.find(register(clinic, AssetKind.DATA))).as("an organization's own token has no end user")
                .hasValueSatisfying(t -> assertThat(t.endUser()).isEmpty());
    }

    @Test
    void only_the_end_user_consents_to_the_use_of_their_token_not_their_organization() {
        DataTokenLedger u1 = endUser(CLINIC, U1);
        DataTokenLedger u2 = endUser(CLINIC, U2);
        DataTokenId own = newId();
        u1.registerAsEndUser(own, randomCid(), randomProof());
        DataTokenId union = register(clinic, AssetKind.DATA, own);
        DataTokenLedger otherAccount = anotherAccountOf(CLINIC);

        for (DataTokenLedger other : List.of(clinic, otherAccount, u2, bank, outsider())) {
            assertRefused(() -> other.grant(own, union), "NotEndUserOwner", "owned by end user u-0001");
            assertRefused(() -> other.updateMetadata(own, randomCid(), randomProof()), "NotEndUserOwner",
                    own.value());
        }
        assertThat(clinic.isActive(union)).isFalse();

        u1.grant(own, union);
        assertThat(clinic.isActive(union)).isTrue();
        assertRefused(() -> clinic.revoke(own, union), "NotEndUserOwner", "owned by end user u-0001");
        assertRefused(() -> otherAccount.revoke(own, union), "NotEndUserOwner", own.value());
        assertThat(clinic.isActive(union)).isTrue();

        Cid cid = randomCid();
        u1.updateMetadata(own, cid, randomProof());
        assertThat(clinic.find(own)).hasValueSatisfying(t -> assertThat(t.storagePath()).isEqualTo(cid));
        u1.revoke(own, union);
        assertThat(clinic.isActive(union)).isFalse();
    }

    @Test
    void only_an_end_user_of_an_active_data_provider_registers_a_token_of_their_own() {
        DataTokenLedger u1 = endUser(CLINIC, U1);
        DataTokenLedger customer = endUser(USER, U1);
        DataTokenId taken = register(clinic, AssetKind.DATA);

        assertEndUserRegistrationRefused(customer, "NotProviderOrganization",
                "organization user-h does not hold the provider role of asset kind 0");
        assertEndUserRegistrationRefused(clinic, "NotEndUser", "is no end user");
        assertEndUserRegistrationRefused(outsider(), "NotEndUser", "is no end user");
        assertRegistrationRefused(u1, AssetKind.DATA, "NotProvider", "provider of asset kind 0");
        assertRefused(() -> u1.registerAsEndUser(taken, randomCid(), randomProof()), "TokenExists", taken.value());
        assertRefused(() -> u1.registerAsEndUser(newId(), randomCid(), ZERO_PROOF), "ZeroProof", "proof");

        suspend(CLINIC);
        assertEndUserRegistrationRefused(u1, "OrganizationInactive", "clinic-e is suspended");
        reinstate(CLINIC);
        u1.registerAsEndUser(newId(), randomCid(), randomProof());
    }

    @Test
    void the_organization_only_ever_withdraws_the_use_of_an_end_users_token() {
        DataTokenLedger u1 = endUser(CLINIC, U1);
        DataTokenId own = newId();
        u1.registerAsEndUser(own, randomCid(), randomProof());
        DataTokenId union = register(clinic, AssetKind.DATA, own);
        u1.grant(own, union);

        suspend(CLINIC);
        assertThat(clinic.isActive(own)).isFalse();
        assertThat(clinic.isActive(union)).isFalse();
        assertRefused(() -> u1.grant(own, union), "OrganizationInactive", "clinic-e is suspended");
        reinstate(CLINIC);
        assertThat(clinic.isActive(union)).as("the user's grant counts again").isTrue();

        removeEndUser(CLINIC, U1);

        assertThat(clinic.isActive(own)).as("a removed user's token").isFalse();
        assertThat(clinic.isActive(union)).isFalse();
        assertThat(clinic.find(own)).hasValueSatisfying(t -> assertThat(t.endUser()).contains(U1));
        assertRefused(() -> u1.updateMetadata(own, randomCid(), randomProof()), "NotEndUserOwner", own.value());
        // the organization gives the id to an account it holds: that account is not the owner
        DataTokenLedger impostor = endUser(CLINIC, U1);
        assertRefused(() -> impostor.revoke(own, union), "NotEndUserOwner", own.value());
        assertRefused(() -> impostor.grant(own, union), "NotEndUserOwner", own.value());
        assertThat(clinic.isActive(union)).isFalse();
        // taking consent back is never blocked, even for a removed user
        u1.revoke(own, union);
        assertThat(clinic.grantOf(own, union)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
    }

    @Test
    void an_end_users_token_of_a_removed_organization_is_inactive_for_good_but_its_grant_can_be_revoked() {
        DataTokenLedger u1 = endUser(CLINIC, U1);
        DataTokenId own = newId();
        u1.registerAsEndUser(own, randomCid(), randomProof());
        DataTokenId algorithm = register(studio, AssetKind.ALGORITHM, own);
        u1.grant(own, algorithm);
        assertThat(studio.isActive(algorithm)).isTrue();

        remove(CLINIC);

        assertThat(studio.isActive(own)).isFalse();
        assertThat(studio.isActive(algorithm)).isFalse();
        assertRefused(() -> u1.grant(own, algorithm), "NotEndUserOwner", own.value());
        u1.revoke(own, algorithm);
        assertThat(studio.grantOf(own, algorithm)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
    }

    // ---- reads ----------------------------------------------------------------------------

    @Test
    void unknown_tokens_and_grants_are_absent_and_inactive() {
        DataTokenId unknown = newId();

        assertThat(user.find(unknown)).isEmpty();
        assertThat(user.isActive(unknown)).isFalse();
        assertThat(user.grantOf(unknown, unknown)).isEmpty();
        assertThat(user.isPartOf(unknown, unknown)).isFalse();
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Registers a token as {@code owner} with a fresh id, CID and proof. */
    static DataTokenId register(DataTokenLedger owner, AssetKind kind, DataTokenId... children) {
        DataTokenId id = newId();
        owner.register(id, kind, randomCid(), randomProof(), List.of(children));
        return id;
    }

    static DataTokenId newId() {
        return DataTokenId.of(randomHex32());
    }

    /** The change is refused with this reason, and its message names {@code messagePart}. */
    static void assertRefused(ThrowingCallable change, String reason, String messagePart) {
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    private static void assertEndUserRegistrationRefused(DataTokenLedger as, String reason, String messagePart) {
        DataTokenId id = newId();
        assertRefused(() -> as.registerAsEndUser(id, randomCid(), randomProof()), reason, messagePart);
        assertThat(as.find(id)).as("refused registration of " + id).isEmpty();
    }

    private static void assertRegistrationRefused(DataTokenLedger as, AssetKind kind, String reason, String messagePart) {
        DataTokenId id = newId();
        assertRefused(() -> as.register(id, kind, randomCid(), randomProof(), List.of()), reason, messagePart);
        assertThat(as.find(id)).as("refused registration of " + id).isEmpty();
    }
}
