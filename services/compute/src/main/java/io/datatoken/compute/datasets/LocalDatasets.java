package io.datatoken.compute.datasets;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the node's dataset bindings. */
@ApplicationScoped
public class LocalDatasets {

    @PersistenceContext(unitName = "compute")
    EntityManager entities;

    public List<DatasetBinding> boundFor(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from DatasetBinding e where e.ownerOrganization = :org order by e.boundAt desc",
                        DatasetBinding.class)
                .setParameter("org", organization.value())
                .getResultList();
    }
}
