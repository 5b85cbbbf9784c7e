package io.datatoken.asset.grants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** The record of authorizations given through the platform; written after the chain accepted them. */
@ApplicationScoped
public class GrantBook {

    @PersistenceContext(unitName = "asset")
    EntityManager entities;

    @Transactional
    public GrantRecord granted(String child, String parent, String by, OffsetDateTime at, OffsetDateTime until, String tx) {
        GrantRecord existing = entities.find(GrantRecord.class, new GrantRecord.Key(child, parent));
        if (existing == null) {
            GrantRecord record = new GrantRecord(child, parent, by, at, until, tx);
            entities.persist(record);
            return record;
        }
        existing.regrant(by, at, until, tx);
        return existing;
    }

    @Transactional
    public GrantRecord revoked(String child, String parent, OffsetDateTime at, String tx) {
        GrantRecord existing = entities.find(GrantRecord.class, new GrantRecord.Key(child, parent));
        if (existing != null) {
            existing.revoked(at, tx);
        }
        return existing;
    }

    /** Every authorization the child's owner gave, newest first (revoked and expired ones included). */
    public List<GrantRecord> of(String child) {
        return entities.createQuery("select g from GrantRecord g where g.key.childDt = :child order by g.grantedAt desc",
                GrantRecord.class).setParameter("child", child).getResultList();
    }

    /** Every authorization a parent received, newest first. */
    public List<GrantRecord> to(String parent) {
        return entities.createQuery("select g from GrantRecord g where g.key.parentDt = :parent order by g.grantedAt desc",
                GrantRecord.class).setParameter("parent", parent).getResultList();
    }
}
