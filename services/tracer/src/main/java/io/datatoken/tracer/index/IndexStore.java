package io.datatoken.tracer.index;

import io.datatoken.domain.ledger.LedgerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The index in the tracer's schema (chain_event, index_cursor, indexed_block, and the lineage, usage
 * and audit tables derived from chain_event). A batch and its cursor commit together, so a crash between batches
 * leaves the index at the last whole batch. Every method, reads too, runs in a transaction: the indexer
 * will run on a thread of its own.
 */
@ApplicationScoped
public class IndexStore {

    @PersistenceContext(unitName = "tracer")
    EntityManager entities;

    /** The last applied block; empty before the first batch. */
    @Transactional
    public Optional<AppliedBlock> cursor() {
        List<?> rows = entities.createNativeQuery("select block_number, block_hash from index_cursor")
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst()
                .map(row -> new AppliedBlock(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** The kept hashes of applied blocks, newest first. */
    @Transactional
    public List<AppliedBlock> keptBlocks() {
        List<?> rows = entities.createNativeQuery("select number, hash from indexed_block order by number desc")
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new AppliedBlock(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /**
     * Applies a batch: its events (one already held is not applied again) with the lineage and usage
     * rows derived from them ({@link Projections}), its block hashes, its cursor, and forgets hashes older
     * than the kept window.
     *
     * @return the number of events applied
     * @throws IllegalStateException when the cursor is no longer the one the batch follows (another
     *                               indexer moved it); nothing is applied then
     */
    @Transactional
    public int apply(Batch batch) {
        moveCursor(batch.after(), batch.cursor());
        int applied = 0;
        Projections projections = new Projections(entities);
        AuditProjections audit = new AuditProjections(entities);
        for (LedgerEvent event : batch.events()) {
            int inserted = entities.createNativeQuery("insert into chain_event (tx_hash, log_index, block_number, "
                            + "block_hash, contract, event, fields, block_time, sender) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9) "
                            + "on conflict (tx_hash, log_index) do nothing")
                    .setParameter(1, event.txHash()).setParameter(2, event.logIndex())
                    .setParameter(3, event.blockNumber()).setParameter(4, event.blockHash())
                    .setParameter(5, event.contract()).setParameter(6, event.event())
                    .setParameter(7, JsonFields.of(event.fields()))
                    .setParameter(8, event.blockTime()).setParameter(9, event.sender())
                    .executeUpdate();
            if (inserted == 1) {
                projections.project(event);
                audit.project(event);
            }
            applied += inserted;
        }
        for (AppliedBlock block : batch.blocks()) {
            entities.createNativeQuery("insert into indexed_block (number, hash) values (?1, ?2) "
                            + "on conflict (number) do update set hash = excluded.hash")
                    .setParameter(1, block.number()).setParameter(2, block.hash())
                    .executeUpdate();
        }
        entities.createNativeQuery("delete from indexed_block where number <= ?1")
                .setParameter(1, batch.cursor().number() - batch.keptBlocks())
                .executeUpdate();
        return applied;
    }

    /**
     * Undoes everything above the fork point (events, and through their foreign keys the rows derived
     * from them; kept hashes) and moves the cursor back to it.
     *
     * @throws IllegalStateException when the cursor is no longer {@code from}
     */
    @Transactional
    public void rollBack(AppliedBlock from, AppliedBlock forkPoint) {
        moveCursor(Optional.of(from), forkPoint);
        entities.createNativeQuery("delete from chain_event where block_number > ?1")
                .setParameter(1, forkPoint.number()).executeUpdate();
        entities.createNativeQuery("delete from indexed_block where number > ?1")
                .setParameter(1, forkPoint.number()).executeUpdate();
    }

    /** Compare-and-set of the single cursor row, so two indexers never both apply a range. */
    private void moveCursor(Optional<AppliedBlock> expected, AppliedBlock next) {
        int moved = expected.isEmpty()
                ? entities.createNativeQuery("insert into index_cursor (block_number, block_hash) values (?1, ?2) "
                                + "on conflict (id) do nothing")
                        .setParameter(1, next.number()).setParameter(2, next.hash())
                        .executeUpdate()
                : entities.createNativeQuery("update index_cursor set block_number = ?1, block_hash = ?2 "
                                + "where block_number = ?3 and block_hash = ?4")
                        .setParameter(1, next.number()).setParameter(2, next.hash())
                        .setParameter(3, expected.get().number()).setParameter(4, expected.get().hash())
                        .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("the index cursor is no longer " + expected
                    .map(c -> "block " + c.number() + " " + c.hash()).orElse("unset") + "; another indexer moved it");
        }
    }
}
