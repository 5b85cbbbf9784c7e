package io.datatoken.job.market;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The service's copy of the task market: tasks and jobs as last seen on chain. */
@ApplicationScoped
public class TaskBoard {

    @PersistenceContext(unitName = "job")
    EntityManager entities;

    public List<TaskEntry> postedBy(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from TaskEntry e where e.initiatorOrganization = :org order by e.createdAt desc",
                        TaskEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }

    /** The task recorded under its chain id, if any. */
    public Optional<TaskEntry> task(String chainId) {
        return entities.createQuery("select e from TaskEntry e where e.chainId = :id", TaskEntry.class)
                .setParameter("id", chainId).getResultStream().findFirst();
    }

    @Transactional
    public TaskEntry record(TaskEntry task) {
        entities.persist(task);
        return task;
    }

    /** Records the job, or moves the recorded one to the chain's state. */
    @Transactional
    public JobEntry record(JobEntry seen) {
        JobEntry existing = entities.find(JobEntry.class, seen.chainId());
        if (existing == null) {
            entities.persist(seen);
            return seen;
        }
        existing.moved(seen.state(), seen.updatedAt());
        return existing;
    }

    /**
     * The jobs last seen in the given state (e.g. RUNNING), oldest first. Transactional because the
     * orchestration reads it on its own thread, where Liberty's entity manager needs a transaction.
     */
    @Transactional
    public List<JobEntry> jobsIn(String state) {
        return entities.createQuery("select j from JobEntry j where j.state = :state order by j.submittedAt", JobEntry.class)
                .setParameter("state", state)
                .getResultList();
    }

    public List<JobEntry> jobsOf(OrganizationAlias organization) {
        return entities.createQuery(
                        "select j from JobEntry j where j.ownerOrganization = :org order by j.submittedAt desc", JobEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }
}
