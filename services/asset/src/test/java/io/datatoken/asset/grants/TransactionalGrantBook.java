package io.datatoken.asset.grants;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real {@link GrantBook} on the test database, each call in a transaction of its own: what the
 * container's {@code @Transactional} does, which is not active outside it.
 */
final class TransactionalGrantBook extends GrantBook {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction and commits it (MigratedSchemaTestBase#inTransaction) */
    TransactionalGrantBook(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public GrantRecord granted(String child, String parent, String by, OffsetDateTime at, OffsetDateTime until,
                               String tx) {
        return inTransaction(book -> book.granted(child, parent, by, at, until, tx));
    }

    @Override
    public GrantRecord revoked(String child, String parent, OffsetDateTime at, String tx) {
        return inTransaction(book -> book.revoked(child, parent, at, tx));
    }

    @Override
    public List<GrantRecord> of(String child) {
        return inTransaction(book -> book.of(child));
    }

    @Override
    public List<GrantRecord> to(String parent) {
        return inTransaction(book -> book.to(parent));
    }

    private <T> T inTransaction(Function<GrantBook, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> result[0] = work.apply(bookOn(em)));
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private static GrantBook bookOn(EntityManager em) {
        GrantBook book = new GrantBook();
        book.entities = em;
        return book;
    }
}
