package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import io.datatoken.contracts.generated.OpRegistry;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;

/**
 * The trusted-op ledger against a real anvil chain: every function, every custom error as a
 * LedgerRefusal, the events, and that its admin is the organization registry's admin.
 */
class Web3jOpLedgerIT {

    private static LedgerFixture chain;

    private Web3jOpLedger ops;

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
        ops = chain.opRegistry;
    }

    @Test
    void the_admin_publishes_an_op_that_is_then_usable() throws Exception {
        OpHash hash = OpHash.of(randomHex32());
        Cid cid = randomCid();

        ops.publish(hash, "psi-intersection", "1.0.0", cid);

        assertThat(ops.find(hash)).contains(new TrustedOp(hash, "psi-intersection", "1.0.0", cid, false, chain.chainNow()));
        assertThat(chain.ops(chain.bankA).isUsable(hash)).isTrue();
        assertThat(OpRegistry.getOpPublishedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.opHash)).isEqualTo(hash.value());
            assertThat(e.name).isEqualTo("psi-intersection");
            assertThat(e.version).isEqualTo("1.0.0");
            assertThat(e.codeCid).isEqualTo(cid.value());
        });
        assertThat(ops.contract().organizations().send()).isEqualToIgnoringCase(chain.organizations.registryAddress().value());
    }

    @Test
    void the_latest_version_is_the_last_published_one_not_deprecated() throws Exception {
        OpHash v1 = OpHash.of(randomHex32());
        OpHash v2 = OpHash.of(randomHex32());
        ops.publish(v1, "sum", "1", randomCid());
        ops.publish(v2, "sum", "2", randomCid());
        ops.publish(OpHash.of(randomHex32()), "other", "3", randomCid());

        assertThat(ops.latestVersionOf("sum")).hasValueSatisfying(op -> assertThat(op.opHash()).isEqualTo(v2));

        ops.deprecate(v2);

        assertThat(ops.isUsable(v2)).isFalse();
        assertThat(ops.find(v2)).hasValueSatisfying(op -> assertThat(op.deprecated()).isTrue());
        assertThat(OpRegistry.getOpDeprecatedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(Numeric.toHexString(e.opHash)).isEqualTo(v2.value()));
        assertThat(ops.latestVersionOf("sum")).hasValueSatisfying(op -> assertThat(op.version()).isEqualTo("1"));
        assertThat(ops.contract().versionsOf("sum").send()).hasSize(2);
        ops.deprecate(v1);
        assertThat(ops.latestVersionOf("sum")).isEmpty();
        assertThat(ops.latestVersionOf("never-published")).isEmpty();
    }

    @Test
    void unknown_ops_are_absent_and_unusable() {
        OpHash unknown = OpHash.of(randomHex32());

        assertThat(ops.find(unknown)).isEmpty();
        assertThat(ops.isUsable(unknown)).isFalse();
    }

    @Test
    void only_the_organization_registrys_admin_changes_ops_even_after_a_hand_over() {
        OpHash hash = OpHash.of(randomHex32());
        chain.assertRefused(() -> chain.ops(chain.bankA).publish(hash, "psi", "1", randomCid()), "NotAdmin",
                chain.bankA.account().value());
        ops.publish(hash, "psi", "1", randomCid());
        chain.assertRefused(() -> chain.ops(chain.bankA).deprecate(hash), "NotAdmin", chain.bankA.account().value());

        chain.organizations.submit("transfer admin",
                chain.organizations.contract().transferAdmin(chain.outsider.account().value()));
        Web3jOrganizationLedger successor = new Web3jOrganizationLedger(chain.outsider, chain.organizations.registryAddress());
        successor.submit("accept admin", successor.contract().acceptAdmin());

        chain.assertRefused(() -> ops.deprecate(hash), "NotAdmin", chain.admin.account().value());
        chain.ops(chain.outsider).deprecate(hash);
        assertThat(ops.isUsable(hash)).isFalse();
    }

    @Test
    void refuses_duplicates_and_malformed_ops() {
        OpHash hash = OpHash.of(randomHex32());
        ops.publish(hash, "psi", "1.0.0", randomCid());
        OpHash fresh = OpHash.of(randomHex32());
        byte[] raw = Numeric.hexStringToByteArray(fresh.value());
        String cid = randomCid().value();

        chain.assertRefused(() -> ops.publish(hash, "psi", "2.0.0", randomCid()), "OpExists", hash.value());
        chain.assertRefused(() -> ops.publish(fresh, "psi", "1.0.0", randomCid()), "VersionExists",
                "op psi version 1.0.0 is already published");
        chain.assertRefused(() -> ops.submit("publish", ops.contract().publish(new byte[32], "x", "1", cid)),
                "ZeroOpHash", "must not be zero");
        chain.assertRefused(() -> ops.publish(fresh, "", "1", randomCid()), "EmptyField", "name must not be empty");
        chain.assertRefused(() -> ops.publish(fresh, "x", "", randomCid()), "EmptyField", "version must not be empty");
        chain.assertRefused(() -> ops.submit("publish", ops.contract().publish(raw, "x", "1", "")), "EmptyField",
                "codeCid must not be empty");
        chain.assertRefused(() -> ops.publish(fresh, "n".repeat(65), "1", randomCid()), "FieldTooLong",
                "name has 65 bytes, at most 64");
        chain.assertRefused(() -> ops.publish(fresh, "x", "v".repeat(33), randomCid()), "FieldTooLong",
                "version has 33 bytes, at most 32");
        chain.assertRefused(() -> ops.submit("publish", ops.contract().publish(raw, "x", "1", "c".repeat(129))),
                "FieldTooLong", "codeCid has 129 bytes, at most 128");
        chain.assertRefused(() -> ops.deprecate(fresh), "UnknownOp", fresh.value());
        ops.deprecate(hash);
        chain.assertRefused(() -> ops.deprecate(hash), "AlreadyDeprecated", hash.value());
    }

    @Test
    void refuses_to_deploy_over_no_organization_registry() {
        assertThatThrownBy(() -> Web3jOpLedger.deploy(chain.admin, ChainAddress.of("0x" + "0".repeat(40))))
                .isInstanceOf(LedgerUnavailable.class).hasMessageContaining("OpRegistry");
    }
}
