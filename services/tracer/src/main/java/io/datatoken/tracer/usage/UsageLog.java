package io.datatoken.tracer.usage;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads recorded uses of assets. */
@ApplicationScoped
public class UsageLog {

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    public List<UsageEntry> ofAssetsOwnedBy(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from UsageEntry e where e.ownerOrganization = :org order by e.occurredAt desc",
                        UsageEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }

    public List<UsageEntry> all() {
        return entities.createQuery("select e from UsageEntry e order by e.occurredAt desc", UsageEntry.class)
                .getResultList();
    }
}
