package io.datatoken.compute.runs;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.token.DataTokenId;

/**
 * The node's own chain account, an account of its organization: it signs what the node sends
 * other nodes and records the node's receipts. Its key stays in the node (a mounted secret).
 */
public interface NodeAccount {

    ChainAddress address();

    /**
     * Makes sure the chain counts this account as one of the node's organization (asking for it to
     * be added if not), so other nodes accept what it signs and the chain its receipts.
     */
    void ensureRegistered();

    /** Signs a message for another node (EIP-191 personal signature). */
    String sign(byte[] message);

    /**
     * Records on chain that this node's organization ran {@code op} on {@code dt} for the job; a
     * receipt already there for (job, dt, op) counts as recorded (a retried run).
     */
    void recordReceipt(JobId job, DataTokenId dt, OpHash op, ResultHash result);
}
