package io.datatoken.asset.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.TrustedOp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list of trusted ops over the ledger's fake (which passes the web3j adapter's contract test). */
class OpRegistrationTest {

    private static final Cid CID = Cid.of("code".getBytes(StandardCharsets.UTF_8));

    private InMemoryOpLedger ledger;
    private OpRegistration registration;

    @BeforeEach
    void emptyRegister() {
        ledger = new InMemoryOpLedger();
        registration = new OpRegistration();
        registration.ledger = ledger;
    }

    @Test
    void lists_nothing_before_anything_is_published() {
        assertThat(registration.all()).isEmpty();
    }

    @Test
    void lists_every_op_by_name_then_version_as_people_read_versions_deprecated_ones_included() {
        OpHash sum10 = publish("secure-sum", "1.10.0");
        OpHash mean = publish("secure-mean", "2.0.0");
        OpHash sum9 = publish("secure-sum", "1.9.0");
        OpHash sum2 = publish("secure-sum", "2");
        OpHash psi = publish("psi-intersection", "1.0.0-rc1");
        ledger.deprecate(sum9);

        List<TrustedOp> all = registration.all();

        assertThat(all).extracting(TrustedOp::opHash).containsExactly(psi, mean, sum9, sum10, sum2);
        assertThat(all).filteredOn(TrustedOp::deprecated).extracting(TrustedOp::opHash).containsExactly(sum9);
    }

    @Test
    void versions_compare_part_by_part_numbers_by_value() {
        assertThat(Stream.of("1.10", "1.2", "1.2.0", "1.02.1", "1.a", "0.9", "10").sorted(VersionOrder.INSTANCE))
                .containsExactly("0.9", "1.2", "1.2.0", "1.02.1", "1.10", "1.a", "10");
    }

    private OpHash publish(String name, String version) {
        OpHash hash = OpHash.sha256Of((name + " " + version).getBytes(StandardCharsets.UTF_8));
        ledger.publish(hash, name, version, CID);
        return hash;
    }
}
