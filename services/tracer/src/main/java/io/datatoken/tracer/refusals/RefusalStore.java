package io.datatoken.tracer.refusals;

import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps reported refusals in table {@code refusal}, each once per (reporting organization, node's id):
 * the same report again changes nothing, another with the same id is told apart by its content hash.
 */
@ApplicationScoped
public class RefusalStore {

    /** What became of a report. */
    public enum Kept { NEW, SAME, CONFLICTING }

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    @Transactional
    public Kept keep(OrganizationAlias organization, ChainAddress signer, ReportedRefusal refusal, String signature,
                     Instant receivedAt) {
        // job and op may be null: typed in the statement, as a null parameter carries no type
        int inserted = entities.createNativeQuery("insert into refusal (reporter_org, id, job, dt, op, code, detail, "
                        + "refused_at, signer, signature, content_hash, received_at) values (?1, cast(?2 as uuid), "
                        + "cast(?3 as varchar), ?4, cast(?5 as varchar), ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                        + "on conflict (reporter_org, id) do nothing")
                .setParameter(1, organization.value())
                .setParameter(2, refusal.id().toString())
                .setParameter(3, refusal.job() == null ? null : refusal.job().value())
                .setParameter(4, refusal.dt().value())
                .setParameter(5, refusal.op() == null ? null : refusal.op().value())
                .setParameter(6, refusal.code())
                .setParameter(7, refusal.detail())
                .setParameter(8, OffsetDateTime.ofInstant(refusal.refusedAt(), ZoneOffset.UTC))
                .setParameter(9, signer.value())
                .setParameter(10, signature)
                .setParameter(11, refusal.contentHash())
                .setParameter(12, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 1) {
            return Kept.NEW;
        }
        Object kept = entities.createNativeQuery("select content_hash from refusal where reporter_org = ?1 "
                        + "and id = cast(?2 as uuid)")
                .setParameter(1, organization.value()).setParameter(2, refusal.id().toString())
                .getSingleResult();
        return refusal.contentHash().equals(kept) ? Kept.SAME : Kept.CONFLICTING;
    }
}
