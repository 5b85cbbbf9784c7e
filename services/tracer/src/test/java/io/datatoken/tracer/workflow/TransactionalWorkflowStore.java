package io.datatoken.tracer.workflow;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The real {@link WorkflowStore} on the test database, each call in a transaction of its own (as the container's {@code @Transactional}). */
class TransactionalWorkflowStore extends WorkflowStore {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    TransactionalWorkflowStore(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<MetadataPointer> due(Instant now, int limit) {
        return inTransaction(store -> store.due(now, limit));
    }

    @Override
    public void read(MetadataPointer event, List<ChildOp> ops) {
        inTransaction(store -> {
            store.read(event, ops);
            return null;
        });
    }

    @Override
    public void unavailable(MetadataPointer event, String reason, Instant nextAttempt) {
        inTransaction(store -> {
            store.unavailable(event, reason, nextAttempt);
            return null;
        });
    }

    @Override
    public void rejected(MetadataPointer event, String reason) {
        inTransaction(store -> {
            store.rejected(event, reason);
            return null;
        });
    }

    private <T> T inTransaction(Function<WorkflowStore, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> {
            WorkflowStore store = new WorkflowStore();
            store.entities = em;
            result[0] = work.apply(store);
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}
