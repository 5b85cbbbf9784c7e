package io.datatoken.chain;

import static io.datatoken.chain.InMemoryChainLog.log;
import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.domain.ledger.LedgerEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryChainLogTest extends ChainLogContract {

    @Override
    protected ChainLog chain() {
        InMemoryChainLog chain = new InMemoryChainLog();
        chain.append(log("0x01", "OpRegistry", "OpPublished", Map.of("opHash", "0xaa")));
        chain.mine(1);
        chain.append(log("0x02", "DataTokenRegistry", "Granted", Map.of("child", "0x0a")),
                log("0x02", "DataTokenRegistry", "Revoked", Map.of("child", "0x0a")));
        chain.mine(2);
        return chain;
    }

    @Test
    void a_fork_replaces_the_tail_with_blocks_of_other_hashes() {
        InMemoryChainLog chain = new InMemoryChainLog();
        chain.mine(3);
        BlockRef kept = chain.block(1).orElseThrow();
        BlockRef replaced = chain.block(2).orElseThrow();
        chain.fork(2);
        chain.mine(3);
        assertThat(chain.head()).isEqualTo(4);
        assertThat(chain.block(1)).contains(kept);
        assertThat(chain.block(2).orElseThrow().hash()).isNotEqualTo(replaced.hash());
        assertThat(chain.block(2).orElseThrow().parentHash()).isEqualTo(kept.hash());
    }
}
