package io.datatoken.chain;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.datatoken.domain.op.OpLedger;

/** The op ledger contract against the web3j adapter on anvil, with fresh contracts per test. */
class Web3jOpLedgerContractIT extends OpLedgerContract {

    private static LedgerFixture chain;

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

    @Override
    protected void startFresh() {
        chain.deploy();
    }

    @Override
    protected OpLedger admin() {
        return chain.opRegistry;
    }

    @Override
    protected OpLedger nonAdmin() {
        return chain.ops(chain.bankA);
    }

    @Override
    protected Instant now() {
        return chain.chainNow();
    }
}
