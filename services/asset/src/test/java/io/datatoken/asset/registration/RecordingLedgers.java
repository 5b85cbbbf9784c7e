package io.datatoken.asset.registration;

import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledgers over one in-memory chain: reads as the operator, writes by each organization's own
 * account, and a record of every write attempted (applied or not), to show what was not sent.
 */
final class RecordingLedgers implements DataTokenLedgers {

    private static final Set<String> WRITES = Set.of("register", "updateMetadata", "grant", "revoke");

    private final InMemoryDataTokenLedger.Chain chain;
    private final List<String> attempts = new CopyOnWriteArrayList<>();

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
                    if (WRITES.contains(method.getName())) {
                        attempts.add(method.getName() + " " + args[0]);
                    }
                    try {
                        return method.invoke(ledger, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The writes attempted for one token, e.g. {@code [register]}, in order. */
    List<String> writesFor(String dt) {
        return attempts.stream().filter(a -> a.endsWith(" " + dt)).map(a -> a.substring(0, a.indexOf(' '))).toList();
    }
}
