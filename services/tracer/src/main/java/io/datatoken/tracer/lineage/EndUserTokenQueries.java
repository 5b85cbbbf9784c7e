package io.datatoken.tracer.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * An end user's own DTs from the index (token_end_user next to token), each with what its receipts
 * say of its use, in one statement. No page: an end user registers a token per dataset at their device,
 * a handful, not a catalog.
 */
@ApplicationScoped
public class EndUserTokenQueries {

    /**
     * dt, kind, registered block, tx hash, block time, distinct jobs with a receipt naming the DT, the newest
     * receipt's block time. Receipts through usage_dt, the user's rows through token_end_user_user.
     */
    private static final String OWN_TOKENS = "select t.dt, t.kind, t.registered_block, t.tx_hash, c.block_time, "
            + "s.jobs, s.last_used from token_end_user e join token t on t.dt = e.dt "
            + "left join chain_event c on c.tx_hash = t.tx_hash and c.log_index = t.log_index "
            + "cross join lateral (select count(distinct u.job) as jobs, max(uc.block_time) as last_used from usage u "
            + "left join chain_event uc on uc.tx_hash = u.tx_hash and uc.log_index = u.log_index where u.dt = t.dt) s "
            + "where e.owner_org = ?1 and e.end_user = ?2 order by t.registered_block desc, t.log_index desc";

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /**
     * The DTs of end user {@code endUser} of {@code organization}, both as the index spells them (the
     * alias, the id's text), the newest registration first.
     */
    @Transactional
    public List<OwnTokenView> of(String organization, String endUser) {
        List<?> rows = entities.createNativeQuery(OWN_TOKENS).setParameter(1, organization).setParameter(2, endUser)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(EndUserTokenQueries::token).toList();
    }

    private static OwnTokenView token(Object[] row) {
        return new OwnTokenView((String) row[0], (String) row[1], ((Number) row[2]).longValue(), (String) row[3],
                instant(row[4]), ((Number) row[5]).intValue(), instant(row[6]));
    }

    private static Instant instant(Object unixSeconds) {
        return unixSeconds == null ? null : Instant.ofEpochSecond(((Number) unixSeconds).longValue());
    }
}
