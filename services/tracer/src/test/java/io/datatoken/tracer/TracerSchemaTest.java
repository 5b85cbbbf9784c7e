package io.datatoken.tracer;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import io.datatoken.tracer.index.Indexer;
import io.datatoken.tracer.index.IndexerSettings;
import io.datatoken.tracer.index.TransactionalIndexStore;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The tracer's migrated schema on a real PostgreSQL, with the index's store and plain reads of its tables. */
public abstract class TracerSchemaTest extends MigratedSchemaTestBase {

    /** Every confirmed block applied at once: for queries, where confirmations do not matter. */
    protected static final IndexerSettings AT_THE_HEAD = new IndexerSettings(0, 500, 64);

    @Override
    protected String schema() {
        return "tracer";
    }

    /**
     * A transaction on the tracer's schema by default, as the service's data source sets it
     * (currentSchema), which the test base's does not.
     */
    protected void inTracerSchema(Consumer<EntityManager> work) {
        inTransaction(em -> {
            em.createNativeQuery("select set_config('search_path', 'tracer', true)").getSingleResult();
            work.accept(em);
        });
    }

    protected TransactionalIndexStore store() {
        return new TransactionalIndexStore(this::inTracerSchema);
    }

    /** Applies every block of the chain. */
    protected int index(InMemoryChainLog chain) {
        return new Indexer(chain, store(), AT_THE_HEAD).catchUp();
    }

    /** Empties the index: its events, and through their foreign keys every row derived from them. */
    protected void emptyIndex() {
        inTracerSchema(em -> em.createNativeQuery("truncate chain_event, index_cursor, indexed_block cascade")
                .executeUpdate());
    }

    protected List<List<Object>> rows(String sql) {
        Object[] result = new Object[1];
        inTracerSchema(em -> result[0] = em.createNativeQuery(sql).getResultList().stream()
                .map(row -> row instanceof Object[] columns ? Arrays.asList(columns) : List.of(row))
                .toList());
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) result[0];
        return rows;
    }
}
