package io.datatoken.asset.catalog;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the catalog. */
@ApplicationScoped
public class Catalog {

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    public List<CatalogEntry> ownedBy(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from CatalogEntry e where e.ownerOrganization = :org order by e.registeredAt desc",
                        CatalogEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }
}
