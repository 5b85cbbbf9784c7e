package io.datatoken.compute.refusals;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.NodeMessages;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's account with a generated key, signing as the real one does (NodeMessages); its
 * registration on chain is counted, and can be made to fail as when the asset service is down.
 */
final class KeyNodeAccount implements NodeAccount {

    private final ChainAccounts.NewAccount account = ChainAccounts.generate();
    final AtomicInteger registrations = new AtomicInteger();
    volatile boolean registrarDown;

    @Override
    public ChainAddress address() {
        return account.address();
    }

    @Override
    public void ensureRegistered() {
        registrations.incrementAndGet();
        if (registrarDown) {
            throw new IllegalStateException("the asset service cannot be reached");
        }
    }

    @Override
    public String sign(byte[] message) {
        return NodeMessages.sign(message, account.privateKey());
    }

    @Override
    public DataTokenLedger tokens() {
        throw new UnsupportedOperationException("refusals write no token");
    }

    @Override
    public void recordReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result) {
        throw new UnsupportedOperationException("refusals record no receipt");
    }
}
