package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.ALGO_C;
import static io.datatoken.chain.LedgerFixture.BANK_A;
import static io.datatoken.chain.LedgerFixture.HOSPITAL_B;
import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static io.datatoken.chain.LedgerFixture.randomProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.Grant;

/**
 * The Data Token ledger against a real anvil chain: every function, every custom error as a
 * LedgerRefusal, the events each change leaves, and the hierarchical activation rule — a
 * composed token is never active with a missing, revoked or expired grant, or a suspended or
 * removed owner, anywhere below it.
 */
class Web3jDataTokenLedgerIT {

    private static LedgerFixture chain;

    private Web3jDataTokenLedger bankA;
    private Web3jDataTokenLedger hospitalB;
    private Web3jDataTokenLedger algoC;

    @BeforeAll
    static void startChain() {
        chain = new LedgerFixture();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @BeforeEach
    void deploy() {
        chain.deploy();
        bankA = chain.tokens(chain.bankA);
        hospitalB = chain.tokens(chain.hospitalB);
        algoC = chain.tokens(chain.algoC);
    }

    // ---- register -------------------------------------------------------------------------

    @Test
    void kind_codes_match_the_contract() throws Exception {
        DataTokenRegistry contract = bankA.contract();
        assertThat(contract.DATA().send()).isEqualTo(Web3jDataTokenLedger.kindCode(AssetKind.DATA));
        assertThat(contract.COMPUTE().send()).isEqualTo(Web3jDataTokenLedger.kindCode(AssetKind.COMPUTE));
        assertThat(contract.ALGORITHM().send()).isEqualTo(Web3jDataTokenLedger.kindCode(AssetKind.ALGORITHM));
        assertThat(contract.organizations().send()).isEqualToIgnoringCase(chain.organizations.registryAddress().value());
    }

    @Test
    void registers_a_leaf_owned_by_the_callers_organization_and_active_at_once() {
        DataTokenId id = DataTokenId.of(randomHex32());
        Cid cid = randomCid();
        Proof proof = randomProof();

        bankA.register(id, AssetKind.DATA, cid, proof, List.of());

        Instant now = chain.chainNow();
        assertThat(bankA.find(id)).contains(new DataToken(id, BANK_A, AssetKind.DATA, cid, proof, List.of(), now));
        assertThat(bankA.isActive(id)).isTrue();
        assertThat(DataTokenRegistry.getTokenRegisteredEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.dt)).isEqualTo(id.value());
            assertThat(OrganizationIds.toAlias(e.owner)).isEqualTo(BANK_A);
            assertThat(e.kind).isEqualTo(BigInteger.ZERO);
            assertThat(e.storagePath).isEqualTo(cid.value());
            assertThat(Numeric.toHexString(e.proof)).isEqualTo(proof.value());
            assertThat(e.children).isEmpty();
        });
    }

    @Test
    void each_kind_needs_its_provider_role() {
        DataTokenId compute = chain.register(chain.bankA, AssetKind.COMPUTE);
        DataTokenId algorithm = chain.register(chain.algoC, AssetKind.ALGORITHM, compute);

        assertThat(bankA.find(compute)).hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo(AssetKind.COMPUTE));
        assertThat(bankA.find(algorithm)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(AssetKind.ALGORITHM);
            assertThat(t.owner()).isEqualTo(ALGO_C);
            assertThat(t.children()).containsExactly(compute);
        });
        chain.assertRefused(() -> hospitalB.register(DataTokenId.of(randomHex32()), AssetKind.COMPUTE, randomCid(),
                randomProof(), List.of()), "NotProvider", chain.hospitalB.account().value());
        chain.assertRefused(() -> algoC.register(DataTokenId.of(randomHex32()), AssetKind.DATA, randomCid(),
                randomProof(), List.of()), "NotProvider", "provider of asset kind 0");
        chain.assertRefused(() -> chain.tokens(chain.outsider).register(DataTokenId.of(randomHex32()), AssetKind.DATA,
                randomCid(), randomProof(), List.of()), "NotProvider", chain.outsider.account().value());
        chain.assertRefused(() -> chain.tokens(chain.admin).register(DataTokenId.of(randomHex32()), AssetKind.DATA,
                randomCid(), randomProof(), List.of()), "NotProvider", chain.admin.account().value());
    }

    @Test
    void a_suspended_organization_cannot_register() {
        chain.organizations.suspend(BANK_A);

        chain.assertRefused(() -> bankA.register(DataTokenId.of(randomHex32()), AssetKind.DATA, randomCid(),
                randomProof(), List.of()), "NotProvider", chain.bankA.account().value());
    }

    @Test
    void refuses_malformed_registrations() {
        DataTokenId existing = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId fresh = DataTokenId.of(randomHex32());
        byte[] id = Numeric.hexStringToByteArray(fresh.value());
        byte[] proof = Numeric.hexStringToByteArray(randomProof().value());
        DataTokenRegistry contract = bankA.contract();

        chain.assertRefused(() -> bankA.register(existing, AssetKind.DATA, randomCid(), randomProof(), List.of()),
                "TokenExists", existing.value());
        chain.assertRefused(() -> bankA.submit("register", contract.register(new byte[32], BigInteger.ZERO,
                randomCid().value(), proof, List.of())), "ZeroTokenId", "must not be zero");
        chain.assertRefused(() -> bankA.submit("register", contract.register(id, BigInteger.valueOf(3),
                randomCid().value(), proof, List.of())), "InvalidKind", "3 is not an asset kind");
        chain.assertRefused(() -> bankA.submit("register", contract.register(id, BigInteger.ZERO, "", proof,
                List.of())), "EmptyStoragePath", "storage path");
        chain.assertRefused(() -> bankA.submit("register", contract.register(id, BigInteger.ZERO, "b".repeat(129),
                proof, List.of())), "StoragePathTooLong", "129 bytes, at most 128");
        chain.assertRefused(() -> bankA.submit("register", contract.register(id, BigInteger.ZERO,
                randomCid().value(), new byte[32], List.of())), "ZeroProof", "proof");
    }

    @Test
    void refuses_unknown_self_and_duplicate_children() {
        DataTokenId child = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId unknown = DataTokenId.of(randomHex32());
        DataTokenId fresh = DataTokenId.of(randomHex32());

        chain.assertRefused(() -> algoC.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(),
                List.of(child, unknown)), "UnknownToken", unknown.value());
        chain.assertRefused(() -> algoC.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(),
                List.of(child, fresh)), "SelfChild", fresh.value());
        chain.assertRefused(() -> algoC.register(fresh, AssetKind.ALGORITHM, randomCid(), randomProof(),
                List.of(child, child)), "DuplicateChild", child.value());
        assertThat(algoC.find(fresh)).isEmpty();
    }

    @Test
    void bounds_the_number_of_children_the_depth_and_the_size_of_a_composition() {
        List<DataTokenId> leaves = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            leaves.add(chain.register(chain.bankA, AssetKind.DATA));
        }
        chain.assertRefused(() -> algoC.register(DataTokenId.of(randomHex32()), AssetKind.ALGORITHM, randomCid(),
                randomProof(), leaves), "TooManyChildren", "17 children, at most 16");

        // a chain of 9 tokens is 8 levels deep: allowed; one more level is not
        DataTokenId top = leaves.get(0);
        for (int level = 1; level <= 8; level++) {
            top = chain.register(chain.bankA, AssetKind.DATA, top);
        }
        DataTokenId deepest = top;
        chain.assertRefused(() -> bankA.register(DataTokenId.of(randomHex32()), AssetKind.DATA, randomCid(),
                randomProof(), List.of(deepest)), "TooDeep", "9 levels deep, at most 8");

        // four parents of the same 15 leaves span 16 tokens each; one over all four spans 65
        List<DataTokenId> fifteen = leaves.subList(1, 16);
        List<DataTokenId> parents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parents.add(chain.register(chain.bankA, AssetKind.DATA, fifteen.toArray(DataTokenId[]::new)));
        }
        chain.assertRefused(() -> algoC.register(DataTokenId.of(randomHex32()), AssetKind.ALGORITHM, randomCid(),
                randomProof(), parents), "TreeTooLarge", "65 tokens, at most 64");
        DataTokenId largest = chain.register(chain.algoC, AssetKind.ALGORITHM, parents.subList(0, 3)
                .toArray(DataTokenId[]::new));
        assertThat(algoC.find(largest)).isPresent();
    }

    // ---- metadata -------------------------------------------------------------------------

    @Test
    void any_account_of_the_owner_updates_the_metadata() {
        DataTokenId id = chain.register(chain.bankA, AssetKind.DATA);
        Cid cid = randomCid();
        Proof proof = randomProof();

        chain.tokens(chain.bankA2).updateMetadata(id, cid, proof);

        assertThat(bankA.find(id)).hasValueSatisfying(t -> {
            assertThat(t.storagePath()).isEqualTo(cid);
            assertThat(t.proof()).isEqualTo(proof);
        });
        assertThat(DataTokenRegistry.getMetadataUpdatedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.dt)).isEqualTo(id.value());
            assertThat(e.storagePath).isEqualTo(cid.value());
            assertThat(Numeric.toHexString(e.proof)).isEqualTo(proof.value());
        });
    }

    @Test
    void refuses_metadata_updates_by_others_of_unknown_tokens_or_while_suspended() {
        DataTokenId id = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId unknown = DataTokenId.of(randomHex32());
        DataTokenRegistry contract = bankA.contract();
        byte[] raw = Numeric.hexStringToByteArray(id.value());

        chain.assertRefused(() -> hospitalB.updateMetadata(id, randomCid(), randomProof()), "NotOwner",
                chain.hospitalB.account().value());
        chain.assertRefused(() -> bankA.updateMetadata(unknown, randomCid(), randomProof()), "UnknownToken",
                unknown.value());
        chain.assertRefused(() -> bankA.submit("update", contract.updateMetadata(raw, "",
                Numeric.hexStringToByteArray(randomProof().value()))),
                "EmptyStoragePath", "storage path");
        chain.assertRefused(() -> bankA.submit("update", contract.updateMetadata(raw, randomCid().value(),
                new byte[32])), "ZeroProof", "proof");
        chain.organizations.suspend(BANK_A);
        chain.assertRefused(() -> bankA.updateMetadata(id, randomCid(), randomProof()), "OrganizationInactive",
                "bank-a is suspended");
    }

    // ---- grants and activation ------------------------------------------------------------

    @Test
    void a_composed_token_is_active_only_once_every_child_granted_it() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId compute = chain.register(chain.bankA, AssetKind.COMPUTE);
        DataTokenId dt3 = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2, compute);

        assertThat(bankA.isActive(dt1)).isTrue();
        assertThat(bankA.isActive(dt2)).isFalse();
        assertThat(bankA.isActive(dt3)).isFalse();

        bankA.grant(dt1, dt2);
        assertThat(bankA.isActive(dt2)).isTrue();
        assertThat(bankA.isActive(dt3)).isFalse();

        hospitalB.grant(dt2, dt3);
        assertThat(bankA.isActive(dt3)).as("compute child not granted yet").isFalse();

        chain.tokens(chain.bankA2).grant(compute, dt3);
        assertThat(bankA.isActive(dt3)).isTrue();
        assertThat(DataTokenRegistry.getGrantedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.child)).isEqualTo(compute.value());
            assertThat(Numeric.toHexString(e.parent)).isEqualTo(dt3.value());
            assertThat(e.expiresAt).isEqualTo(BigInteger.ZERO);
            assertThat(e.grantedBy).isEqualToIgnoringCase(chain.bankA2.account().value());
        });
        assertThat(bankA.grantOf(compute, dt3)).contains(new Grant(compute, dt3, chain.chainNow(), null, false));
    }

    @Test
    void revoking_a_grant_two_levels_down_deactivates_everything_above() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId dt3 = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2);
        bankA.grant(dt1, dt2);
        hospitalB.grant(dt2, dt3);
        assertThat(bankA.isActive(dt3)).isTrue();

        bankA.revoke(dt1, dt2);

        assertThat(bankA.isActive(dt2)).isFalse();
        assertThat(bankA.isActive(dt3)).isFalse();
        assertThat(bankA.isActive(dt1)).isTrue();
        assertThat(bankA.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
        assertThat(bankA.grantOf(dt2, dt3)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());
        assertThat(DataTokenRegistry.getRevokedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.child)).isEqualTo(dt1.value());
            assertThat(Numeric.toHexString(e.parent)).isEqualTo(dt2.value());
            assertThat(e.revokedBy).isEqualToIgnoringCase(chain.bankA.account().value());
        });

        bankA.grant(dt1, dt2);
        assertThat(bankA.isActive(dt3)).as("granted again").isTrue();
    }

    @Test
    void an_expired_grant_two_levels_down_deactivates_everything_above() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId dt3 = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2);
        Instant expiry = chain.chainNow().plusSeconds(3600);
        bankA.grant(dt1, dt2, expiry);
        hospitalB.grant(dt2, dt3);

        assertThat(bankA.isActive(dt3)).isTrue();
        assertThat(DataTokenRegistry.getGrantedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(e.expiresAt).isEqualTo(BigInteger.ZERO));
        assertThat(bankA.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.expiresAt()).isEqualTo(expiry));

        chain.anvil.advanceTime(3600);

        assertThat(bankA.isActive(dt2)).isFalse();
        assertThat(bankA.isActive(dt3)).isFalse();
        assertThat(bankA.grantOf(dt1, dt2)).hasValueSatisfying(g -> {
            assertThat(g.revoked()).isFalse();
            assertThat(g.isLiveAt(chain.chainNow())).isFalse();
        });

        bankA.grant(dt1, dt2, chain.chainNow().plusSeconds(60));
        assertThat(bankA.isActive(dt3)).as("renewed").isTrue();
    }

    @Test
    void a_token_is_part_of_every_composition_above_it() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId dt3 = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2);
        DataTokenId stranger = chain.register(chain.bankA, AssetKind.DATA);

        assertThat(bankA.isPartOf(dt1, dt3)).isTrue();
        assertThat(bankA.isPartOf(dt2, dt3)).isTrue();
        assertThat(bankA.isPartOf(dt3, dt3)).isTrue();
        assertThat(bankA.isPartOf(dt3, dt1)).as("not upwards").isFalse();
        assertThat(bankA.isPartOf(stranger, dt3)).isFalse();
        assertThat(bankA.isPartOf(dt1, DataTokenId.of(randomHex32()))).as("unknown root").isFalse();
    }

    @Test
    void a_token_used_by_two_parents_is_granted_to_each_separately() {
        DataTokenId shared = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId first = chain.register(chain.algoC, AssetKind.ALGORITHM, shared);
        DataTokenId second = chain.register(chain.algoC, AssetKind.ALGORITHM, shared);

        bankA.grant(shared, first);

        assertThat(bankA.isActive(first)).isTrue();
        assertThat(bankA.isActive(second)).isFalse();
        assertThat(bankA.grantOf(shared, second)).isEmpty();
    }

    @Test
    void refuses_grants_and_revocations_that_break_the_rules() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId other = chain.register(chain.hospitalB, AssetKind.DATA);
        DataTokenId unknown = DataTokenId.of(randomHex32());
        Instant now = chain.chainNow();

        chain.assertRefused(() -> hospitalB.grant(dt1, dt2), "NotOwner", chain.hospitalB.account().value());
        chain.assertRefused(() -> chain.tokens(chain.outsider).grant(dt1, dt2), "NotOwner", dt1.value());
        chain.assertRefused(() -> bankA.grant(dt1, other), "NotAChild", dt1.value() + " is not a child of " + other.value());
        chain.assertRefused(() -> bankA.grant(unknown, dt2), "UnknownToken", unknown.value());
        chain.assertRefused(() -> bankA.grant(dt1, dt2, now), "ExpiryInPast", Long.toString(now.getEpochSecond()));
        chain.assertRefused(() -> bankA.revoke(dt1, dt2), "NoLiveGrant", dt1.value());
        chain.assertRefused(() -> bankA.revoke(dt1, other), "NotAChild", other.value());
        chain.assertRefused(() -> bankA.revoke(unknown, dt2), "UnknownToken", unknown.value());
        bankA.grant(dt1, dt2);
        chain.assertRefused(() -> hospitalB.revoke(dt1, dt2), "NotOwner", chain.hospitalB.account().value());
        bankA.revoke(dt1, dt2);
        chain.assertRefused(() -> bankA.revoke(dt1, dt2), "NoLiveGrant", dt1.value());
    }

    @Test
    void a_suspended_owner_cannot_grant_but_can_still_revoke() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId dt3 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        bankA.grant(dt1, dt2);
        chain.organizations.suspend(BANK_A);

        chain.assertRefused(() -> bankA.grant(dt1, dt3), "OrganizationInactive", "bank-a is suspended");
        bankA.revoke(dt1, dt2);

        assertThat(bankA.isActive(dt2)).isFalse();
    }

    @Test
    void the_owners_standing_in_the_organization_registry_decides_activation_all_the_way_up() {
        DataTokenId dt1 = chain.register(chain.bankA, AssetKind.DATA);
        DataTokenId dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        DataTokenId dt3 = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2);
        bankA.grant(dt1, dt2);
        hospitalB.grant(dt2, dt3);

        chain.organizations.suspend(HOSPITAL_B);
        assertThat(bankA.isActive(dt1)).isTrue();
        assertThat(bankA.isActive(dt2)).isFalse();
        assertThat(bankA.isActive(dt3)).isFalse();
        chain.organizations.reinstate(HOSPITAL_B);
        assertThat(bankA.isActive(dt3)).isTrue();

        chain.organizations.remove(BANK_A);

        assertThat(hospitalB.isActive(dt1)).isFalse();
        assertThat(hospitalB.isActive(dt3)).isFalse();
        assertThat(hospitalB.grantOf(dt1, dt2)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());
        chain.assertRefused(() -> bankA.revoke(dt1, dt2), "NotOwner", chain.bankA.account().value());
        chain.assertRefused(() -> chain.tokens(chain.bankA2).grant(dt1, dt2), "NotOwner",
                chain.bankA2.account().value());
    }

    // ---- end users' own tokens (scenario S2) -----------------------------------------------

    private static final EndUserId U1 = EndUserId.of("u-0001");

    @Test
    void an_end_users_token_records_and_announces_the_user_and_the_account_that_consents() throws Exception {
        chain.organizations(chain.hospitalB).registerEndUser(U1, chain.user.account());
        Web3jDataTokenLedger user = chain.tokens(chain.user);
        DataTokenId own = DataTokenId.of(randomHex32());
        Cid cid = randomCid();
        Proof proof = randomProof();

        user.registerAsEndUser(own, cid, proof);

        var registration = chain.lastReceipt();
        assertThat(DataTokenRegistry.getTokenRegisteredEvents(registration)).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.dt)).isEqualTo(own.value());
            assertThat(OrganizationIds.toAlias(e.owner)).isEqualTo(HOSPITAL_B);
            assertThat(e.kind).isEqualTo(BigInteger.ZERO);
            assertThat(e.storagePath).isEqualTo(cid.value());
            assertThat(e.children).isEmpty();
        });
        assertThat(DataTokenRegistry.getEndUserTokenRegisteredEvents(registration)).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.dt)).isEqualTo(own.value());
            assertThat(OrganizationIds.toAlias(e.owner)).isEqualTo(HOSPITAL_B);
            assertThat(EndUserIds.toUserId(e.endUser)).isEqualTo(U1);
            assertThat(e.account).isEqualToIgnoringCase(chain.user.account().value());
        });
        DataTokenRegistry.DataToken raw = hospitalB.contract().tokenOf(Numeric.hexStringToByteArray(own.value())).send();
        assertThat(raw.endUserAccount).isEqualToIgnoringCase(chain.user.account().value());
        assertThat(raw.registeredAt).isEqualTo(BigInteger.valueOf(chain.chainNow().getEpochSecond()));

        DataTokenId union = chain.register(chain.hospitalB, AssetKind.DATA, own);
        user.grant(own, union);
        assertThat(DataTokenRegistry.getGrantedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(e.grantedBy).isEqualToIgnoringCase(chain.user.account().value()));
        chain.assertRefused(() -> hospitalB.revoke(own, union), "NotEndUserOwner",
                chain.hospitalB.account().value() + " does not act for data token " + own.value()
                        + ": it is owned by end user u-0001");
        assertThat(hospitalB.isActive(union)).isTrue();
    }

    @Test
    void an_end_user_registered_again_with_the_same_account_has_their_token_back() {
        Web3jOrganizationLedger vendor = chain.organizations(chain.hospitalB);
        vendor.registerEndUser(U1, chain.user.account());
        Web3jDataTokenLedger user = chain.tokens(chain.user);
        DataTokenId own = DataTokenId.of(randomHex32());
        user.registerAsEndUser(own, randomCid(), randomProof());
        DataTokenId union = chain.register(chain.hospitalB, AssetKind.DATA, own);
        user.grant(own, union);

        vendor.removeEndUser(U1);
        assertThat(hospitalB.isActive(union)).isFalse();
        chain.assertRefused(() -> user.registerAsEndUser(DataTokenId.of(randomHex32()), randomCid(), randomProof()),
                "NotEndUser", chain.user.account().value());

        vendor.registerEndUser(U1, chain.user.account());
        assertThat(hospitalB.isActive(union)).as("the same user with the same account: the grant counts again")
                .isTrue();
    }

    @Test
    void refuses_malformed_end_user_registrations_and_any_under_an_organization_that_is_no_data_provider() {
        Web3jOrganizationLedger vendor = chain.organizations(chain.hospitalB);
        vendor.registerEndUser(U1, chain.user.account());
        Web3jDataTokenLedger user = chain.tokens(chain.user);
        byte[] proof = Numeric.hexStringToByteArray(randomProof().value());
        byte[] id = Numeric.hexStringToByteArray(randomHex32());

        chain.assertRefused(() -> user.submit("register", user.contract().registerAsEndUser(new byte[32],
                randomCid().value(), proof)), "ZeroTokenId", "must not be zero");
        chain.assertRefused(() -> user.submit("register", user.contract().registerAsEndUser(id, "", proof)),
                "EmptyStoragePath", "storage path");
        chain.assertRefused(() -> user.submit("register", user.contract().registerAsEndUser(id, "b".repeat(129),
                proof)), "StoragePathTooLong", "129 bytes, at most 128");

        vendor.removeEndUser(U1);
        chain.organizations(chain.algoC).registerEndUser(U1, chain.user.account());
        chain.assertRefused(() -> user.registerAsEndUser(DataTokenId.of(randomHex32()), randomCid(), randomProof()),
                "NotProviderOrganization", "organization algo-c does not hold the provider role of asset kind 0");
    }

    // ---- reads ----------------------------------------------------------------------------

    @Test
    void unknown_tokens_and_grants_are_absent_and_inactive() {
        DataTokenId unknown = DataTokenId.of(randomHex32());

        assertThat(bankA.find(unknown)).isEmpty();
        assertThat(bankA.isActive(unknown)).isFalse();
        assertThat(bankA.grantOf(unknown, unknown)).isEmpty();
    }

    @Test
    void refuses_to_deploy_over_no_organization_registry() {
        assertThatThrownBy(() -> Web3jDataTokenLedger.deploy(chain.admin,
                io.datatoken.domain.organization.ChainAddress.of("0x" + "0".repeat(40))))
                .isInstanceOf(LedgerUnavailable.class).hasMessageContaining("DataTokenRegistry");
    }
}
