package io.datatoken.compute.executions;

import io.datatoken.compute.refusals.Refusal;
import io.datatoken.compute.refusals.RefusalOutbox;
import io.datatoken.domain.market.ExecutionRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The node's audit trail of execution requests, and its book of spent nonces; refusals also go to the tracer. */
@ApplicationScoped
public class ExecutionLog {

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    @Inject
    RefusalOutbox outbox;

    public boolean spent(String signer, String nonce) {
        return !entities.createQuery("select r.id from ExecutionRecord r where r.signer = :signer and r.nonce = :nonce "
                        + "and r.outcome = 'ACCEPTED'", UUID.class)
                .setParameter("signer", signer).setParameter("nonce", nonce).setMaxResults(1).getResultList().isEmpty();
    }

    /** Records the decision; an accepted request whose nonce another one spent meanwhile fails here. */
    @Transactional
    public ExecutionRecord record(ExecutionRecord record) {
        entities.persist(record);
        entities.flush();
        return record;
    }

    /**
     * Records a refused request and, in the same transaction, queues its refusal for the tracer under
     * the request's id, with every reason's words.
     */
    @Transactional
    public ExecutionRecord recordRefused(ExecutionRecord record, List<ExecutionRefusal> refusals) {
        record(record);
        outbox.add(new Refusal(record.id(), record.job(), record.dt(), record.op(), record.reasons(),
                refusals.stream().map(r -> r.reason().code() + ": " + r.detail()).collect(Collectors.joining("; ")),
                record.receivedAt().toInstant()));
        return record;
    }

    public List<ExecutionRecord> ofJob(String job) {
        return entities.createQuery("select r from ExecutionRecord r where r.job = :job order by r.receivedAt desc",
                ExecutionRecord.class).setParameter("job", job).getResultList();
    }
}
