package io.datatoken.asset.ops;

import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.LedgerRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Publishes trusted ops. The code package goes to the content store first: it is addressed by its
 * content, so storing it again is harmless, and nothing refers to it until the chain does. The chain
 * write is the commit point; the op exists exactly when the ledger knows it.
 */
@ApplicationScoped
public class OpRegistration {

    @Inject
    ContentStore content;

    @Inject
    OpLedger ledger;

    public TrustedOp publish(String name, String version, byte[] codePackage) {
        OpHash opHash = OpHash.sha256Of(codePackage);
        ledger.find(opHash).ifPresent(existing -> {
            throw new LedgerRefusal("OpExists", "this code package is published already as " + existing.name()
                    + " " + existing.version() + " (" + opHash + ")");
        });
        Cid cid = content.put(codePackage);
        ledger.publish(opHash, name, version, cid);
        return ledger.find(opHash).orElseThrow(() -> new IllegalStateException("op " + opHash + " not readable after publishing"));
    }

    public Optional<TrustedOp> find(OpHash opHash) {
        return ledger.find(opHash);
    }

    /** Every op the ledger holds, deprecated ones included, by name and then version. */
    public List<TrustedOp> all() {
        return ledger.all().stream()
                .sorted(Comparator.comparing(TrustedOp::name).thenComparing(TrustedOp::version, VersionOrder.INSTANCE))
                .toList();
    }

    public TrustedOp deprecate(OpHash opHash) {
        ledger.deprecate(opHash);
        return ledger.find(opHash).orElseThrow();
    }
}
