package io.datatoken.domain.op;

import java.util.List;
import java.util.Optional;

import io.datatoken.domain.content.Cid;

/**
 * The ledger's register of trusted ops. Only the platform admin (the organization ledger's
 * operator) publishes and deprecates; refusals surface as
 * {@link io.datatoken.domain.organization.LedgerRefusal}, outages as
 * {@link io.datatoken.domain.organization.LedgerUnavailable}.
 */
public interface OpLedger {

    /** Publishes a new op; its hash and its (name, version) must both be new. */
    void publish(OpHash opHash, String name, String version, Cid codeCid);

    /** Stops the op from being used; it stays readable. */
    void deprecate(OpHash opHash);

    Optional<TrustedOp> find(OpHash opHash);

    /** True if the op is published and not deprecated. */
    boolean isUsable(OpHash opHash);

    /** The most recently published, not deprecated op of that name. */
    Optional<TrustedOp> latestVersionOf(String name);

    /** Every published op, deprecated ones included, in the order they were published. */
    List<TrustedOp> all();
}
