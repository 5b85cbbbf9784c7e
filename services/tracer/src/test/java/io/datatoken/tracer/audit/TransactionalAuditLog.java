package io.datatoken.tracer.audit;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/** The real {@link AuditLog} on the test database, each call in a transaction of its own (as the container's). */
public class TransactionalAuditLog extends AuditLog {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    public TransactionalAuditLog(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public AuditPage page(AuditFilter filter) {
        AuditPage[] page = new AuditPage[1];
        transactions.accept(em -> {
            AuditLog log = new AuditLog();
            log.entities = em;
            page[0] = log.page(filter);
        });
        return page[0];
    }
}
