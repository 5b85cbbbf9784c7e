package io.datatoken.asset.grants;

import io.datatoken.asset.registration.DataTokenLedgers;
import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledgers over one in-memory chain: reads as the operator, writes by each organization's own
 * account, and a record of every grant or revocation attempted (applied or not) with the
 * organization whose account signed it, to show who signed and what was not sent.
 */
final class RecordingLedgers implements DataTokenLedgers {

    private static final Set<String> GRANT_WRITES = Set.of("grant", "revoke");

    private final InMemoryDataTokenLedger.Chain chain;
    private final List<Write> attempts = new CopyOnWriteArrayList<>();

    RecordingLedgers(InMemoryDataTokenLedger.Chain chain) {
        this.chain = chain;
    }

    @Override
    public DataTokenLedger reader() {
        return chain.operator();
    }

    @Override
    public DataTokenLedger signedBy(OrganizationAlias organization) {
        DataTokenLedger ledger = chain.actingAs(organization);
        return (DataTokenLedger) Proxy.newProxyInstance(DataTokenLedger.class.getClassLoader(),
                new Class<?>[] {DataTokenLedger.class}, (proxy, method, args) -> {
                    if (GRANT_WRITES.contains(method.getName())) {
                        attempts.add(new Write(organization, method.getName(), (DataTokenId) args[0],
                                (DataTokenId) args[1]));
                    }
                    try {
                        return method.invoke(ledger, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The grants and revocations attempted for one child, in order. */
    List<Write> writesFor(DataTokenId child) {
        return attempts.stream().filter(w -> w.child().equals(child)).toList();
    }

    /** One grant or revocation sent, and the organization whose account signed it. */
    record Write(OrganizationAlias signer, String what, DataTokenId child, DataTokenId parent) {
    }
}
