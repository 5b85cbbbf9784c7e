package io.datatoken.job.market;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the task market. */
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
}
