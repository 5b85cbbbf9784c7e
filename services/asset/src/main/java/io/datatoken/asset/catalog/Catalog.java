package io.datatoken.asset.catalog;

import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The searchable copy of registered assets. The chain stays the source of truth: an entry is
 * written only after the chain accepted the registration, and recording it again is harmless.
 */
@ApplicationScoped
public class Catalog {

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    public List<CatalogEntry> ownedBy(OrganizationAlias organization) {
        return entities.createQuery(
                        "select e from CatalogEntry e where e.ownerOrganization = :org order by e.registeredAt desc, e.dt",
                        CatalogEntry.class)
                .setParameter("org", organization.value())
                .getResultList();
    }

    public Optional<CatalogEntry> find(String dt) {
        return Optional.ofNullable(entities.find(CatalogEntry.class, dt));
    }

    /** Entries matching every given criterion, newest first. */
    public List<CatalogEntry> search(CatalogQuery query) {
        List<String> where = new ArrayList<>();
        if (query.text() != null) {
            where.add("(lower(e.title) like :text escape '!' or lower(e.description) like :text escape '!')");
        }
        if (query.kind() != null) {
            where.add("e.kind = :kind");
        }
        if (query.owner() != null) {
            where.add("e.ownerOrganization = :owner");
        }
        if (query.opHash() != null) {
            where.add(":op member of e.supportedOps");
        }
        String jpql = "select e from CatalogEntry e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.registeredAt desc, e.dt";
        TypedQuery<CatalogEntry> typed = entities.createQuery(jpql, CatalogEntry.class);
        if (query.text() != null) {
            typed.setParameter("text", "%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.kind() != null) {
            typed.setParameter("kind", query.kind().name());
        }
        if (query.owner() != null) {
            typed.setParameter("owner", query.owner().value());
        }
        if (query.opHash() != null) {
            typed.setParameter("op", query.opHash());
        }
        return typed.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    /** Adds the entry unless the catalog has its dt already (a retry, or a recovery). */
    @Transactional
    public CatalogEntry record(CatalogEntry entry) {
        CatalogEntry existing = entities.find(CatalogEntry.class, entry.dt());
        if (existing != null) {
            return existing;
        }
        entities.persist(entry);
        return entry;
    }

    /**
     * Points an entry at a new version of its DDO and returns it, recorded anew if the catalog had
     * lost it. Use the returned entry: an earlier read in the same request may be cached.
     */
    @Transactional
    public CatalogEntry redescribe(CatalogEntry current) {
        CatalogEntry entry = entities.find(CatalogEntry.class, current.dt());
        if (entry == null) {
            entities.persist(current);
            return current;
        }
        entry.describe(current.title(), current.description(), current.ddoCid(), current.proof(),
                new LinkedHashSet<>(current.supportedOps()));
        return entry;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
