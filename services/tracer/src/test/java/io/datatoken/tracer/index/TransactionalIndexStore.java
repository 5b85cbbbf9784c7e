package io.datatoken.tracer.index;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real {@link IndexStore} on the test database, each call in a transaction of its own: what the
 * container's {@code @Transactional} does, which is not active outside it. A crash can be set for the
 * n-th batch: it is written, then the transaction fails and rolls back.
 */
public class TransactionalIndexStore extends IndexStore {

    private final Consumer<Consumer<EntityManager>> transactions;
    private int batches;
    private int crashOnBatch = -1;

    /** @param transactions runs work in one transaction and commits it (MigratedSchemaTestBase#inTransaction) */
    public TransactionalIndexStore(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    TransactionalIndexStore crashingOnBatch(int n) {
        crashOnBatch = n;
        return this;
    }

    @Override
    public Optional<AppliedBlock> cursor() {
        return inTransaction(IndexStore::cursor);
    }

    @Override
    public List<AppliedBlock> keptBlocks() {
        return inTransaction(IndexStore::keptBlocks);
    }

    @Override
    public int apply(Batch batch) {
        boolean crash = ++batches == crashOnBatch;
        return inTransaction(store -> {
            int applied = store.apply(batch);
            if (crash) {
                throw new IllegalStateException("crash after writing batch " + batches);
            }
            return applied;
        });
    }

    @Override
    public void rollBack(AppliedBlock from, AppliedBlock forkPoint) {
        inTransaction(store -> {
            store.rollBack(from, forkPoint);
            return null;
        });
    }

    private <T> T inTransaction(Function<IndexStore, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> {
            IndexStore store = new IndexStore();
            store.entities = em;
            result[0] = work.apply(store);
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}
