package io.datatoken.asset.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.asset.ops.OpRegistrations;
import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.support.web.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/ops: the whole register, or its usable or deprecated part, over the ledger's fake. */
class OpsResourceListTest {

    private InMemoryOpLedger ledger;
    private OpsResource resource;

    @BeforeEach
    void registerWithTwoOps() {
        ledger = new InMemoryOpLedger();
        resource = new OpsResource();
        resource.registration = OpRegistrations.over(ledger);
        publish("secure-sum", "1.0.0");
        ledger.deprecate(publish("secure-mean", "1.0.0"));
    }

    @Test
    void lists_every_op_without_a_filter() {
        assertThat(resource.list(null)).extracting(TrustedOpView::name, TrustedOpView::deprecated)
                .containsExactly(tuple("secure-mean", true),
                        tuple("secure-sum", false));
        assertThat(resource.list(" ")).hasSize(2);
    }

    @Test
    void filters_on_deprecation() {
        assertThat(resource.list("false")).extracting(TrustedOpView::name).containsExactly("secure-sum");
        assertThat(resource.list("true")).extracting(TrustedOpView::name).containsExactly("secure-mean");
    }

    @Test
    void refuses_a_deprecation_filter_that_is_neither_true_nor_false() {
        assertThatThrownBy(() -> resource.list("yes"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/malformed-deprecated");
                    assertThat(e.problem().detail()).contains("'yes'", "true or false");
                });
    }

    private OpHash publish(String name, String version) {
        byte[] code = (name + " " + version).getBytes(StandardCharsets.UTF_8);
        OpHash hash = OpHash.sha256Of(code);
        ledger.publish(hash, name, version, Cid.of(code));
        return hash;
    }
}
