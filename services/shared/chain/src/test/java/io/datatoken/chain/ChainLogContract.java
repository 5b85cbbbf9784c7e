package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChainLog} must do, the fake as the web3j adapter: subclasses give a chain with
 * events in at least two blocks above genesis.
 */
abstract class ChainLogContract {

    protected abstract ChainLog chain();

    @Test
    void has_the_head_and_no_block_above_it() {
        ChainLog chain = chain();
        long head = chain.head();
        assertThat(chain.block(head)).hasValueSatisfying(b -> assertThat(b.number()).isEqualTo(head));
        assertThat(chain.block(head + 1)).isEmpty();
    }

    @Test
    void blocks_link_to_their_parents() {
        ChainLog chain = chain();
        for (long n = 1; n <= chain.head(); n++) {
            BlockRef block = chain.block(n).orElseThrow();
            assertThat(block.number()).isEqualTo(n);
            assertThat(block.parentHash()).isEqualTo(chain.block(n - 1).orElseThrow().hash());
            assertThat(block.timestamp()).isGreaterThanOrEqualTo(chain.block(n - 1).orElseThrow().timestamp());
        }
    }

    @Test
    void events_are_ordered_and_carry_the_hash_of_their_block() {
        ChainLog chain = chain();
        List<LedgerEvent> events = chain.events(0, chain.head());
        assertThat(events.stream().map(LedgerEvent::blockNumber).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).isSortedAccordingTo(
                Comparator.comparingLong(LedgerEvent::blockNumber).thenComparingInt(LedgerEvent::logIndex));
        assertThat(events).allSatisfy(e -> {
            BlockRef block = chain.block(e.blockNumber()).orElseThrow();
            assertThat(e.blockHash()).isEqualTo(block.hash());
            assertThat(e.blockTime()).isEqualTo(block.timestamp());
            assertThat(e.sender()).matches("0x[0-9a-f]{40}");
            assertThat(LedgerEvent.CONTRACTS).contains(e.contract());
        });
    }

    @Test
    void a_range_holds_exactly_the_events_of_its_blocks() {
        ChainLog chain = chain();
        List<LedgerEvent> all = chain.events(0, chain.head());
        long first = all.getFirst().blockNumber();
        assertThat(chain.events(first, first)).isEqualTo(all.stream().filter(e -> e.blockNumber() == first).toList());
        assertThat(chain.events(first + 1, chain.head()))
                .isEqualTo(all.stream().filter(e -> e.blockNumber() > first).toList());
    }
}
