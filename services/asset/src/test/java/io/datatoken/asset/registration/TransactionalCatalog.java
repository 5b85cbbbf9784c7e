package io.datatoken.asset.registration;

import io.datatoken.asset.catalog.Catalog;
import io.datatoken.asset.catalog.CatalogEntry;
import io.datatoken.asset.catalog.CatalogQuery;
import io.datatoken.asset.catalog.Catalogs;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real {@link Catalog} on the test database, each call in a transaction of its own: what the
 * container's {@code @Transactional} does, which is not active outside it. A commit can be made to
 * fail once, after the entry was written or changed in the transaction (which is then rolled back).
 */
final class TransactionalCatalog extends Catalog {

    private final Consumer<Consumer<EntityManager>> transactions;
    private RuntimeException nextCommitFailure;

    /** @param transactions runs work in one transaction and commits it (MigratedSchemaTestBase#inTransaction) */
    TransactionalCatalog(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    /** The next {@link #record} or {@link #redescribe} writes, then fails with {@code failure} and rolls back. */
    synchronized void failNextWrite(RuntimeException failure) {
        nextCommitFailure = failure;
    }

    @Override
    public Optional<CatalogEntry> find(String dt) {
        return inTransaction(catalog -> catalog.find(dt));
    }

    @Override
    public List<CatalogEntry> ownedBy(OrganizationAlias organization) {
        return inTransaction(catalog -> catalog.ownedBy(organization));
    }

    @Override
    public List<CatalogEntry> search(CatalogQuery query) {
        return inTransaction(catalog -> catalog.search(query));
    }

    @Override
    public CatalogEntry record(CatalogEntry entry) {
        RuntimeException failure = takeCommitFailure();
        return inTransaction(catalog -> {
            CatalogEntry recorded = catalog.record(entry);
            if (failure != null) {
                throw failure;
            }
            return recorded;
        });
    }

    @Override
    public CatalogEntry redescribe(CatalogEntry current) {
        RuntimeException failure = takeCommitFailure();
        return inTransaction(catalog -> {
            CatalogEntry described = catalog.redescribe(current);
            if (failure != null) {
                throw failure;
            }
            return described;
        });
    }

    private synchronized RuntimeException takeCommitFailure() {
        RuntimeException failure = nextCommitFailure;
        nextCommitFailure = null;
        return failure;
    }

    private <T> T inTransaction(Function<Catalog, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> result[0] = work.apply(catalogOn(em)));
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private static Catalog catalogOn(EntityManager em) {
        return Catalogs.over(em);
    }
}
