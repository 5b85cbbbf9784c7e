package io.datatoken.verifier.terms;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the published terms. */
@ApplicationScoped
public class TermsBook {

    @PersistenceContext(unitName = "verifier")
    EntityManager entities;

    public List<TermsEntry> publishedBy(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from TermsEntry e where e.ownerOrganization = :org order by e.publishedAt desc",
                        TermsEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }
}
