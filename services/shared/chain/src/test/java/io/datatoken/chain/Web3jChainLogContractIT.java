package io.datatoken.chain;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.ledger.ChainLog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain log contract against the web3j adapter on anvil, read through a service's
 * {@link ChainReaders}: the fixture's deployment puts events in many blocks (anvil mines one per
 * transaction).
 */
class Web3jChainLogContractIT extends ChainLogContract {

    @TempDir
    static Path dir;

    private static LedgerFixture chain;
    private static ChainReaders readers;

    @BeforeAll
    static void startChain() {
        chain = new LedgerFixture();
        chain.deploy();
        chain.register(chain.bankA, AssetKind.DATA);
        readers = ChainReaders.open(chain.anvil.rpcUrl(), AnvilProcess.CHAIN_ID, DeploymentRecord.write(chain, dir));
    }

    @AfterAll
    static void stopChain() {
        if (readers != null) {
            readers.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    @Override
    protected ChainLog chain() {
        return readers.chainLog();
    }
}
