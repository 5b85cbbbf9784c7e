package io.datatoken.tracer.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The workflow reader's rows in the tracer's schema: the metadata events of compositions still to read
 * (metadata_read PENDING, or UNAVAILABLE and due), and the outcome of each read with the ops it found
 * (edge_op). Each call is a transaction of its own, so no transaction waits for the content store. An
 * outcome is only recorded while the event is still pending: one a rollback removed meanwhile, or
 * another reader recorded, is left as it is.
 */
@ApplicationScoped
public class WorkflowStore {

    /** Longest reason kept: a document's violations can be many. */
    static final int REASON_CHARS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /** Up to {@code limit} events to read now, the newest first (their ops are the current ones). */
    @Transactional
    public List<MetadataPointer> due(Instant now, int limit) {
        List<?> rows = entities.createNativeQuery("select m.tx_hash, m.log_index, m.dt, m.storage_path, m.proof, "
                        + "r.attempts from metadata_read r join token_metadata m "
                        + "on m.tx_hash = r.tx_hash and m.log_index = r.log_index "
                        + "where r.state in ('PENDING', 'UNAVAILABLE') "
                        + "and (r.next_attempt_at is null or r.next_attempt_at <= cast(?1 as timestamptz)) "
                        + "order by m.block_number desc, m.log_index desc limit ?2")
                .setParameter(1, now.toString()).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new MetadataPointer((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                        (String) row[3], (String) row[4], ((Number) row[5]).intValue()))
                .toList();
    }

    /** The document was read: its ops, for the children it sets one for. */
    @Transactional
    public void read(MetadataPointer event, List<ChildOp> ops) {
        if (outcome(event, "READ", null, null) == 0) {
            return;
        }
        for (ChildOp op : ops) {
            entities.createNativeQuery("insert into edge_op (parent, child, op_hash, params, tx_hash, log_index) "
                            + "values (?3, ?4, ?5, cast(?6 as jsonb), ?1, ?2) on conflict do nothing")
                    .setParameter(1, event.txHash()).setParameter(2, event.logIndex())
                    .setParameter(3, event.dt()).setParameter(4, op.child()).setParameter(5, op.opHash())
                    .setParameter(6, json(op))
                    .executeUpdate();
        }
    }

    /** The content store could not give the document: tried again from {@code nextAttempt}. */
    @Transactional
    public void unavailable(MetadataPointer event, String reason, Instant nextAttempt) {
        outcome(event, "UNAVAILABLE", reason, nextAttempt);
    }

    /** The document is not a valid DDO or not the one the proof vouches for: never read again. */
    @Transactional
    public void rejected(MetadataPointer event, String reason) {
        outcome(event, "REJECTED", reason, null);
    }

    private int outcome(MetadataPointer event, String state, String reason, Instant nextAttempt) {
        // typed casts: a null parameter has no type of its own
        return entities.createNativeQuery("update metadata_read set state = ?3, reason = cast(?4 as text), "
                        + "attempts = attempts + 1, next_attempt_at = cast(?5 as timestamptz) "
                        + "where tx_hash = ?1 and log_index = ?2 and state in ('PENDING', 'UNAVAILABLE')")
                .setParameter(1, event.txHash()).setParameter(2, event.logIndex())
                .setParameter(3, state).setParameter(4, bounded(reason))
                .setParameter(5, nextAttempt == null ? null : nextAttempt.toString())
                .executeUpdate();
    }

    private static String bounded(String reason) {
        return reason == null || reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS - 1) + "…";
    }

    private static String json(ChildOp op) {
        try {
            return JSON.writeValueAsString(op.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
