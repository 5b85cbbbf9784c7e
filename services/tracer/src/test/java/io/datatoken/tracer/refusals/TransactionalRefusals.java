package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real refusal store and log on the test database, each call in a transaction of its own (as the
 * container's {@code @Transactional}), and an intake wired to them.
 */
public final class TransactionalRefusals {

    private final Consumer<Consumer<EntityManager>> transactions;

    /** @param transactions runs work in one transaction on the tracer's schema */
    public TransactionalRefusals(Consumer<Consumer<EntityManager>> transactions) {
        this.transactions = transactions;
    }

    public RefusalStore store() {
        return new RefusalStore() {
            @Override
            public Kept keep(OrganizationAlias organization, ChainAddress signer, ReportedRefusal refusal,
                             String signature, Instant receivedAt) {
                return inTransaction(em -> {
                    RefusalStore store = new RefusalStore();
                    store.entities = em;
                    return store.keep(organization, signer, refusal, signature, receivedAt);
                });
            }
        };
    }

    public RefusalLog log() {
        return new RefusalLog() {
            @Override
            public List<RefusalView> ofDataToken(String dt) {
                return read(log -> log.ofDataToken(dt));
            }

            @Override
            public List<RefusalView> ofOrganization(String orgAlias, int limit, Instant before) {
                return read(log -> log.ofOrganization(orgAlias, limit, before));
            }

            @Override
            public List<RefusalView> concerning(Optional<String> orgAlias, int limit, Instant before) {
                return read(log -> log.concerning(orgAlias, limit, before));
            }

            @Override
            public Optional<RefusalView> find(String orgAlias, UUID id) {
                return read(log -> log.find(orgAlias, id));
            }
        };
    }

    public RefusalIntake intake(ReportingRights rights) {
        RefusalIntake intake = new RefusalIntake();
        intake.rights = rights;
        intake.store = store();
        return intake;
    }

    private <T> T read(Function<RefusalLog, T> work) {
        return inTransaction(em -> {
            RefusalLog log = new RefusalLog();
            log.entities = em;
            return work.apply(log);
        });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        Object[] result = new Object[1];
        transactions.accept(em -> result[0] = work.apply(em));
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}
