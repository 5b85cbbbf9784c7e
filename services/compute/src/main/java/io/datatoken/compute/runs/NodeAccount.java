package io.datatoken.compute.runs;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;

/**
 * The node's own chain account, an account of its organization (on a device node, its end user's
 * account): it signs what the node sends other nodes and records the node's receipts. Its key stays
 * in the node (a mounted secret).
 */
public interface NodeAccount {

    ChainAddress address();

    /**
     * Makes sure the chain counts this account as one of the node's organization (asking for it to
     * be added if not), so other nodes accept what it signs and the chain its receipts. A device
     * node's account must be its end user's, which only the organization can register.
     *
     * @throws NotRegistered on a device node whose account is not its end user's on chain
     */
    void ensureRegistered();

    /** The Data Token registry, written as this account: a device node's end user registers and consents with it. */
    DataTokenLedger tokens();

    /** Signs a message for another node (EIP-191 personal signature). */
    String sign(byte[] message);

    /**
     * Records on chain that this node's organization ran {@code op} on {@code dt} for the job; a
     * receipt already there for (job, dt, op) counts as recorded (a retried run).
     */
    void recordReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result);

    /** The chain does not count this device node's account as its end user's: the organization must register it. */
    final class NotRegistered extends RunFailed {
        public NotRegistered(String message) {
            super(message);
        }
    }
}
