package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.LedgerUnavailable;

/** The fake obeys the contract; and its outage switches do what services' tests rely on. */
class InMemoryOpLedgerTest extends OpLedgerContract {

    private InMemoryOpLedger ops;

    @Override
    protected void startFresh() {
        ops = new InMemoryOpLedger(Clock.fixed(Instant.parse("2026-03-01T09:30:00.250Z"), ZoneOffset.UTC));
    }

    @Override
    protected OpLedger admin() {
        return ops;
    }

    @Override
    protected OpLedger nonAdmin() {
        return ops.asNonAdmin();
    }

    @Override
    protected Instant now() {
        return ops.now();
    }

    @Test
    void a_failed_write_is_not_applied_and_a_lost_answer_is() {
        OpHash failed = newHash();
        OpHash lost = newHash();

        ops.failNextWrite();
        assertThatThrownBy(() -> ops.publish(failed, "psi", "1", randomCid())).isInstanceOf(LedgerUnavailable.class);
        ops.loseNextWriteAnswer();
        assertThatThrownBy(() -> ops.publish(lost, "psi", "2", randomCid())).isInstanceOf(LedgerUnavailable.class);

        assertThat(ops.find(failed)).isEmpty();
        assertThat(ops.find(lost)).hasValueSatisfying(op -> assertThat(op.publishedAt())
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z")));
    }

    @Test
    void a_ledger_that_is_down_answers_nothing_until_it_comes_back() {
        OpHash hash = newHash();
        ops.publish(hash, "psi", "1", randomCid());
        ops.goDown();

        assertThatThrownBy(() -> ops.isUsable(hash)).isInstanceOf(LedgerUnavailable.class);
        assertThatThrownBy(() -> ops.asNonAdmin().latestVersionOf("psi")).isInstanceOf(LedgerUnavailable.class);
        assertThatThrownBy(() -> ops.deprecate(hash)).isInstanceOf(LedgerUnavailable.class);

        ops.comeBack();
        assertThat(ops.isUsable(hash)).isTrue();
    }
}
