package io.datatoken.compute.refusals;

import io.datatoken.support.persistence.MigratedSchemaTestBase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** The node's migrated schema on a real PostgreSQL, with the outbox as the container runs it and reads of its rows. */
abstract class OutboxSchemaTest extends MigratedSchemaTestBase {

    @Override
    protected String schema() {
        return "compute";
    }

    /** A transaction on the node's schema by default, as its data source sets it (currentSchema). */
    protected void inComputeSchema(Consumer<EntityManager> work) {
        inTransaction(em -> {
            em.createNativeQuery("select set_config('search_path', 'compute', true)").getSingleResult();
            work.accept(em);
        });
    }

    /** The real outbox, each call in a transaction of its own (as the container's {@code @Transactional}). */
    protected RefusalOutbox outbox() {
        return new RefusalOutbox() {
            @Override
            public void add(Refusal refusal) {
                run(outbox -> {
                    outbox.add(refusal);
                    return null;
                });
            }

            @Override
            public List<Pending> due(Instant now, int limit) {
                return run(outbox -> outbox.due(now, limit));
            }

            @Override
            public void reported(UUID id, Instant at) {
                run(outbox -> {
                    outbox.reported(id, at);
                    return null;
                });
            }

            @Override
            public void retryAt(UUID id, Instant next, String error) {
                run(outbox -> {
                    outbox.retryAt(id, next, error);
                    return null;
                });
            }

            @Override
            public void gaveUp(UUID id, String verdict) {
                run(outbox -> {
                    outbox.gaveUp(id, verdict);
                    return null;
                });
            }
        };
    }

    /** The refusal's row: state, attempts, last error. */
    protected List<Object> row(UUID id) {
        List<List<Object>> rows = rows("select state, attempts, last_error from refusal_report where id = '" + id
                + "'");
        return rows.isEmpty() ? List.of() : rows.getFirst();
    }

    protected List<List<Object>> rows(String sql) {
        Object[] result = new Object[1];
        inComputeSchema(em -> result[0] = em.createNativeQuery(sql).getResultList().stream()
                .map(r -> r instanceof Object[] columns ? Arrays.asList(columns) : List.of(r))
                .toList());
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) result[0];
        return rows;
    }

    private <T> T run(Function<RefusalOutbox, T> work) {
        Object[] result = new Object[1];
        inComputeSchema(em -> {
            RefusalOutbox outbox = new RefusalOutbox();
            outbox.entities = em;
            result[0] = work.apply(outbox);
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}
