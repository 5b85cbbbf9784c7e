package io.datatoken.tracer.workflow;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** The real {@link EdgeOps} on the test database, in a transaction (as the container's {@code @Transactional}). */
public class TransactionalEdgeOps extends EdgeOps {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    public TransactionalEdgeOps(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<Edge, EdgeOp> of(Collection<Edge> edges) {
        Object[] result = new Object[1];
        transactions.accept(em -> {
            EdgeOps ops = new EdgeOps();
            ops.entities = em;
            result[0] = ops.of(edges);
        });
        @SuppressWarnings("unchecked")
        Map<Edge, EdgeOp> ops = (Map<Edge, EdgeOp>) result[0];
        return ops;
    }
}
