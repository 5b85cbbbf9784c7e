package io.datatoken.compute.device;

import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.verification.Denial;
import io.datatoken.domain.verification.TermsRule;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device node's end user registering their data and consenting with their own key, over the
 * ledger and content store fakes (which pass the real adapters' contract tests) and the real DDO
 * codec and terms verifier. Whatever is refused leaves nothing on chain.
 */
class EndUserDeviceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final OrganizationAlias VENDOR = OrganizationAlias.of("vendor-a");
    private static final OrganizationAlias MEDCO = OrganizationAlias.of("medco-b");
    private static final EndUserId U1 = EndUserId.of("u1");
    private static final String TRAIN = OpHash.sha256Of(bytes("edge-train 1.0.0")).value();
    private static final String AVERAGE = OpHash.sha256Of(bytes("fed-avg 1.0.0")).value();
    private static final String PURPOSE = "heart-risk model";
    private static final DdoCodec CODEC = new DdoCodec();

    private InMemoryDataTokenLedger.Chain chain;
    private InMemoryContentStore content;
    private DeviceAccount account;
    private EndUserAssets assets;
    private EndUserConsents consents;

    @BeforeEach
    void wire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        chain = new InMemoryDataTokenLedger.Chain(clock);
        chain.addOrganization(VENDOR, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(MEDCO, Set.of(ALGORITHM_PROVIDER));
        InMemoryOpLedger ops = new InMemoryOpLedger(clock);
        ops.publish(OpHash.of(TRAIN), "edge-train", "1.0.0", Cid.of(bytes("train code")));
        ops.publish(OpHash.of(AVERAGE), "fed-avg", "1.0.0", Cid.of(bytes("average code")));
        content = new InMemoryContentStore();
        account = new DeviceAccount(chain.addEndUser(VENDOR, U1));
        NodeParty party = NodeParty.of(VENDOR, Optional.of(U1));

        assets = new EndUserAssets();
        assets.party = party;
        assets.account = account;
        assets.tokens = chain.operator();
        assets.ops = ops.asNonAdmin();
        assets.content = content;
        assets.codec = CODEC;

        consents = new EndUserConsents();
        consents.party = party;
        consents.account = account;
        consents.tokens = chain.operator();
        consents.ops = ops.asNonAdmin();
        consents.content = content;
        consents.ddos = new DdoVerifier(CODEC);
        consents.clock = clock;
    }

    @Test
    void the_user_registers_their_data_as_their_own_token_and_the_same_document_again_writes_nothing() {
        DataTokenId dt = dt('1');
        byte[] document = CODEC.canonicalBytes(usersData(dt, VENDOR, AssetKind.DATA, null));

        EndUserAssets.Registration first = assets.register(document);
        EndUserAssets.Registration again = assets.register(document);

        assertThat(first.created()).isTrue();
        assertThat(first.tx()).isPresent();
        assertThat(chain.operator().find(dt)).hasValueSatisfying(t -> {
            assertThat(t.owner()).isEqualTo(VENDOR);
            assertThat(t.endUser()).contains(U1);
            assertThat(t.proof()).isEqualTo(first.proof());
        });
        assertThat(content.get(first.cid())).isEqualTo(document);
        assertThat(again.created()).isFalse();
        assertThat(again.tx()).isEmpty();
    }

    @Test
    void what_an_end_user_may_not_register_is_refused_before_anything_is_written() {
        assertRefused(() -> assets.register(CODEC.canonicalBytes(usersData(dt('2'), MEDCO, AssetKind.DATA, null))),
                "not-your-organization");
        assertRefused(() -> assets.register(CODEC.canonicalBytes(usersData(dt('3'), VENDOR, AssetKind.COMPUTE, null))),
                "end-user-data-only");
        assertRefused(() -> assets.register(CODEC.canonicalBytes(usersData(dt('4'), VENDOR, AssetKind.DATA, 3))),
                "max-uses-unsupported");
        account.registered = false;
        assertThatThrownBy(() -> assets.register(CODEC.canonicalBytes(usersData(dt('5'), VENDOR, AssetKind.DATA, null))))
                .isInstanceOf(NodeAccount.NotRegistered.class);

        for (char c : "2345".toCharArray()) {
            assertThat(chain.operator().find(dt(c))).isEmpty();
        }
    }

    @Test
    void the_device_consents_only_to_a_composition_that_meets_the_users_terms_and_withdraws_at_will() {
        DataTokenId mine = registeredByTheUser(dt('1'));
        DataTokenId union = registeredByTheVendor(dt('a'), mine, PURPOSE);
        DataTokenId advertising = registeredByTheVendor(dt('b'), mine, "advertising");

        assertThatThrownBy(() -> consents.give(mine, advertising, Optional.empty()))
                .isInstanceOfSatisfying(DeviceRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo("terms-not-met");
                    assertThat(((io.datatoken.domain.verification.ChildVerdict) e.report()).denials())
                            .extracting(Denial::rule).containsExactly(TermsRule.PURPOSE);
                });
        assertThat(chain.operator().grantOf(mine, advertising)).isEmpty();

        EndUserConsents.Consent given = consents.give(mine, union, Optional.of(NOW.plus(Duration.ofDays(7))));
        assertThat(given.created()).isTrue();
        assertThat(given.verdict().passed()).isTrue();
        assertThat(chain.operator().grantOf(mine, union)).hasValueSatisfying(g -> assertThat(g.isLiveAt(NOW)).isTrue());
        assertThat(consents.give(mine, union, Optional.of(NOW.plus(Duration.ofDays(7)))).created())
                .as("the same consent stands").isFalse();

        consents.withdraw(mine, union);
        assertThat(chain.operator().grantOf(mine, union)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
        assertRefused(() -> consents.withdraw(mine, union), "no-consent");
    }

    @Test
    void the_device_consents_for_its_own_users_tokens_only_and_only_to_a_parent_of_them() {
        DataTokenId mine = registeredByTheUser(dt('1'));
        DataTokenId union = registeredByTheVendor(dt('a'), mine, PURPOSE);
        DataTokenId vendors = dt('c');
        register(chain.actingAs(VENDOR), usersData(vendors, VENDOR, AssetKind.DATA, null));
        DataTokenId other = registeredByTheVendor(dt('d'), vendors, PURPOSE);

        assertRefused(() -> consents.give(vendors, other, Optional.empty()), "not-your-asset");
        assertRefused(() -> consents.give(mine, other, Optional.empty()), "not-a-child");
        assertRefused(() -> consents.give(mine, dt('e'), Optional.empty()), "unknown-asset");
        assertThat(chain.operator().grantOf(mine, union)).isEmpty();
    }

    private DataTokenId registeredByTheUser(DataTokenId dt) {
        assets.register(CODEC.canonicalBytes(usersData(dt, VENDOR, AssetKind.DATA, null)));
        return dt;
    }

    /** The vendor's union over the child and an aggregator of its own, edge-train on the child, for the purpose. */
    private DataTokenId registeredByTheVendor(DataTokenId dt, DataTokenId child, String purpose) {
        DataTokenId aggregator = DataTokenId.of("0x" + dt.value().substring(2, 65) + "f");
        register(chain.actingAs(VENDOR), new Ddo(aggregator.value(), AssetKind.COMPUTE, "Aggregator", "", VENDOR,
                List.of(new AssetService("compute-node", "https://vendor-a.example/c2d", List.of(), List.of(AVERAGE),
                        Workflow.NONE, new Terms(Map.of(AVERAGE, Map.of()), List.of(), purpose, null, null, null), Map.of()))));
        register(chain.actingAs(VENDOR), new Ddo(dt.value(), AssetKind.COMPUTE, "Union", "", VENDOR,
                List.of(new AssetService("data-union", "https://vendor-a.example/c2d", List.of(child.value(), aggregator.value()),
                        List.of(), new Workflow(Map.of(child.value(), TRAIN, aggregator.value(), AVERAGE), Map.of()),
                        new Terms(Map.of(), List.of(MEDCO), purpose, null, null, null), Map.of()))));
        return dt;
    }

    private void register(DataTokenLedger owner, Ddo ddo) {
        byte[] canonical = CODEC.canonicalBytes(ddo);
        owner.register(DataTokenId.of(ddo.dt()), ddo.kind(), content.put(canonical), CODEC.proofOf(canonical),
                ddo.children().stream().map(DataTokenId::of).toList());
    }

    private static Ddo usersData(DataTokenId dt, OrganizationAlias owner, AssetKind kind, Integer maxUses) {
        return new Ddo(dt.value(), kind, "u1's rows", "", owner, List.of(new AssetService("compute-to-data",
                "https://u1.example/compute/api", List.of(), List.of(TRAIN), Workflow.NONE,
                new Terms(Map.of(TRAIN, Map.of()), List.of(), PURPOSE, NOW.plus(Duration.ofDays(30)), maxUses, null),
                Map.of())));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DeviceRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static DataTokenId dt(char digit) {
        return DataTokenId.of("0x" + String.valueOf(digit).repeat(64));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The user's account on the fake chain; registered by the organization unless told otherwise. */
    private static final class DeviceAccount implements NodeAccount {

        private final DataTokenLedger ledger;
        volatile boolean registered = true;

        DeviceAccount(DataTokenLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public ChainAddress address() {
            return ChainAddress.of("0x" + "1".repeat(40));
        }

        @Override
        public void ensureRegistered() {
            if (!registered) {
                throw new NotRegistered("not registered by the organization");
            }
        }

        @Override
        public DataTokenLedger tokens() {
            return ledger;
        }

        @Override
        public String sign(byte[] message) {
            throw new UnsupportedOperationException("the device's business signs on chain only");
        }

        @Override
        public void recordReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result) {
            throw new UnsupportedOperationException("no receipts here");
        }
    }
}
