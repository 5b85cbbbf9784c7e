package io.datatoken.tracer.lineage;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real {@link EndUserTokenQueries} on the test database, each call in a transaction of its own (as the
 * container's {@code @Transactional}).
 */
public class TransactionalEndUserTokenQueries extends EndUserTokenQueries {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    public TransactionalEndUserTokenQueries(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<OwnTokenView> of(String organization, String endUser) {
        Object[] result = new Object[1];
        transactions.accept(em -> {
            EndUserTokenQueries queries = new EndUserTokenQueries();
            queries.entities = em;
            result[0] = queries.of(organization, endUser);
        });
        @SuppressWarnings("unchecked")
        List<OwnTokenView> tokens = (List<OwnTokenView>) result[0];
        return tokens;
    }
}
