package io.datatoken.tracer.lineage;

import io.datatoken.domain.token.DataTokenId;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The real {@link LineageQueries} on the test database, each call in a transaction of its own (as the container's {@code @Transactional}). */
public class TransactionalLineageQueries extends LineageQueries {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    public TransactionalLineageQueries(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<LineageView> lineage(DataTokenId dt, Direction direction, int depth) {
        return inTransaction(queries -> queries.lineage(dt, direction, depth));
    }

    @Override
    public Optional<UsageView> usage(DataTokenId dt) {
        return inTransaction(queries -> queries.usage(dt));
    }

    private <T> T inTransaction(Function<LineageQueries, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> {
            LineageQueries queries = new LineageQueries();
            queries.entities = em;
            result[0] = work.apply(queries);
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}
