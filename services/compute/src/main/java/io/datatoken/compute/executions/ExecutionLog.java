package io.datatoken.compute.executions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The node's audit trail of execution requests, and its book of spent nonces. */
@ApplicationScoped
public class ExecutionLog {

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

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

    public List<ExecutionRecord> ofJob(String job) {
        return entities.createQuery("select r from ExecutionRecord r where r.job = :job order by r.receivedAt desc",
                ExecutionRecord.class).setParameter("job", job).getResultList();
    }
}
