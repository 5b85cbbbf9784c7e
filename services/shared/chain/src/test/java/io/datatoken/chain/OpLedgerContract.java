package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.LedgerRefusal;

/**
 * What every {@link OpLedger} does, the web3j adapter on a real chain and the in-memory fake
 * alike: only the admin publishes and deprecates, hashes and (name, version) pairs are unique,
 * deprecated ops stay readable but unusable, the latest version skips deprecated ones, and the
 * whole register can be listed.
 */
abstract class OpLedgerContract {

    /** An empty register, before each test. */
    protected abstract void startFresh();

    /** The ledger acting as the platform admin. */
    protected abstract OpLedger admin();

    /** The same register, acting as an account that is not the admin. */
    protected abstract OpLedger nonAdmin();

    /** The ledger's time now: the latest block's. */
    protected abstract Instant now();

    @BeforeEach
    void emptyRegister() {
        startFresh();
    }

    @Test
    void the_admin_publishes_an_op_that_is_then_usable_and_readable_by_anyone() {
        OpHash hash = newHash();
        Cid cid = randomCid();

        admin().publish(hash, "psi-intersection", "1.0.0", cid);

        TrustedOp expected = new TrustedOp(hash, "psi-intersection", "1.0.0", cid, false, now());
        assertThat(admin().find(hash)).contains(expected);
        assertThat(nonAdmin().find(hash)).contains(expected);
        assertThat(nonAdmin().isUsable(hash)).isTrue();
        assertThat(nonAdmin().latestVersionOf("psi-intersection")).contains(expected);
    }

    @Test
    void the_latest_version_is_the_last_published_one_not_deprecated() {
        OpHash v1 = newHash();
        OpHash v2 = newHash();
        admin().publish(v1, "sum", "1", randomCid());
        admin().publish(v2, "sum", "2", randomCid());
        admin().publish(newHash(), "other", "3", randomCid());

        assertThat(admin().latestVersionOf("sum")).hasValueSatisfying(op -> assertThat(op.opHash()).isEqualTo(v2));

        admin().deprecate(v2);

        assertThat(admin().latestVersionOf("sum")).hasValueSatisfying(op -> assertThat(op.version()).isEqualTo("1"));
        admin().deprecate(v1);
        assertThat(admin().latestVersionOf("sum")).isEmpty();
        assertThat(admin().latestVersionOf("never-published")).isEmpty();
    }

    @Test
    void a_deprecated_op_stays_readable_but_is_not_usable() {
        OpHash hash = newHash();
        Cid cid = randomCid();
        admin().publish(hash, "mean", "2.1.0", cid);
        Instant publishedAt = now();

        admin().deprecate(hash);

        assertThat(nonAdmin().isUsable(hash)).isFalse();
        assertThat(nonAdmin().find(hash)).contains(new TrustedOp(hash, "mean", "2.1.0", cid, true, publishedAt));
    }

    @Test
    void unknown_ops_are_absent_and_unusable() {
        OpHash unknown = newHash();

        assertThat(admin().find(unknown)).isEmpty();
        assertThat(admin().isUsable(unknown)).isFalse();
    }

    @Test
    void only_the_admin_publishes_and_deprecates() {
        OpHash hash = newHash();

        assertRefused(() -> nonAdmin().publish(hash, "psi", "1", randomCid()), "NotAdmin", "administrator");
        assertThat(admin().find(hash)).isEmpty();
        admin().publish(hash, "psi", "1", randomCid());
        assertRefused(() -> nonAdmin().deprecate(hash), "NotAdmin", "administrator");
        assertThat(admin().isUsable(hash)).isTrue();
    }

    @Test
    void refuses_a_hash_or_a_name_and_version_published_already() {
        OpHash hash = newHash();
        admin().publish(hash, "psi", "1.0.0", randomCid());
        OpHash fresh = newHash();

        assertRefused(() -> admin().publish(hash, "psi", "2.0.0", randomCid()), "OpExists", hash.value());
        assertRefused(() -> admin().publish(fresh, "psi", "1.0.0", randomCid()), "VersionExists",
                "op psi version 1.0.0 is already published");
        assertThat(admin().find(fresh)).isEmpty();
        assertThat(admin().latestVersionOf("psi")).hasValueSatisfying(op -> assertThat(op.opHash()).isEqualTo(hash));
    }

    @Test
    void refuses_empty_and_overlong_names_and_versions_counted_in_utf8_bytes() {
        OpHash fresh = newHash();

        assertRefused(() -> admin().publish(fresh, "", "1", randomCid()), "EmptyField", "name must not be empty");
        assertRefused(() -> admin().publish(fresh, "x", "", randomCid()), "EmptyField", "version must not be empty");
        assertRefused(() -> admin().publish(fresh, "n".repeat(65), "1", randomCid()), "FieldTooLong",
                "name has 65 bytes, at most 64");
        assertRefused(() -> admin().publish(fresh, "é".repeat(33), "1", randomCid()), "FieldTooLong",
                "name has 66 bytes, at most 64");
        assertRefused(() -> admin().publish(fresh, "x", "v".repeat(33), randomCid()), "FieldTooLong",
                "version has 33 bytes, at most 32");
        assertThat(admin().find(fresh)).isEmpty();

        admin().publish(fresh, "é".repeat(32), "v".repeat(32), randomCid());
        assertThat(admin().find(fresh)).hasValueSatisfying(op -> assertThat(op.name()).isEqualTo("é".repeat(32)));
    }

    @Test
    void refuses_to_deprecate_an_unknown_or_deprecated_op() {
        OpHash hash = newHash();
        OpHash unknown = newHash();
        admin().publish(hash, "psi", "1", randomCid());

        assertRefused(() -> admin().deprecate(unknown), "UnknownOp", unknown.value());
        admin().deprecate(hash);
        assertRefused(() -> admin().deprecate(hash), "AlreadyDeprecated", hash.value());
    }

    @Test
    void lists_every_published_op_in_publishing_order_deprecated_ones_included() {
        assertThat(nonAdmin().all()).isEmpty();
        OpHash sum = newHash();
        OpHash psi = newHash();
        OpHash mean = newHash();
        Cid psiCid = randomCid();
        admin().publish(sum, "sum", "2", randomCid());
        admin().publish(psi, "psi", "1.0.0", psiCid);
        Instant psiPublishedAt = now();
        assertRefused(() -> admin().publish(newHash(), "psi", "1.0.0", randomCid()), "VersionExists", "psi");
        admin().publish(mean, "mean", "1", randomCid());

        admin().deprecate(psi);

        assertThat(nonAdmin().all()).extracting(TrustedOp::opHash).containsExactly(sum, psi, mean);
        assertThat(nonAdmin().all()).filteredOn(op -> op.opHash().equals(psi))
                .containsExactly(new TrustedOp(psi, "psi", "1.0.0", psiCid, true, psiPublishedAt));
        assertThat(admin().all()).filteredOn(TrustedOp::deprecated).extracting(TrustedOp::opHash).containsExactly(psi);
    }

    static OpHash newHash() {
        return OpHash.of(randomHex32());
    }

    static void assertRefused(ThrowingCallable change, String reason, String messagePart) {
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }
}
