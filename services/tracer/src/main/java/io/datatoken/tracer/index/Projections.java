package io.datatoken.tracer.index;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.ledger.LedgerEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Derives the lineage and usage tables from one applied event, in its transaction: tokens and their
 * edges (TokenRegistered), the end user of a token an end user registered (EndUserTokenRegistered),
 * grant changes (Granted, Revoked), jobs and their state changes (JobSubmitted, JobStateChanged) and
 * receipts (ReceiptRecorded), and where each DT's document is (TokenRegistered, MetadataUpdated).
 * Every row references its event, so a rollback's cascade undoes it; other events derive nothing.
 */
final class Projections {

    /** TaskMarket.JobState, by its uint8 value. */
    private static final List<String> JOB_STATES =
            List.of("NONE", "SUBMITTED", "AUTHORIZED", "RUNNING", "SUCCEEDED", "FAILED", "REVOKED");

    private final EntityManager entities;

    Projections(EntityManager entities) {
        this.entities = entities;
    }

    /** Projects an event just inserted into chain_event (never one already held: it was projected then). */
    void project(LedgerEvent event) {
        switch (event.contract() + "." + event.event()) {
            case "DataTokenRegistry.TokenRegistered" -> tokenRegistered(event);
            case "DataTokenRegistry.EndUserTokenRegistered" -> insert("insert into token_end_user (dt, owner_org, "
                    + "end_user, account, tx_hash, log_index) values (?3, ?4, ?5, ?6, ?1, ?2) on conflict (dt) do nothing",
                    event, hex(event, "dt"), OrganizationIdText.of(field(event, "owner")),
                    EndUserIdText.of(field(event, "endUser")), hex(event, "account"));
            case "DataTokenRegistry.Granted" -> grantChanged(event, "GRANTED", hex(event, "child"),
                    hex(event, "parent"), unixSeconds(field(event, "expiresAt")), hex(event, "grantedBy"));
            case "DataTokenRegistry.MetadataUpdated" -> metadata(event, hex(event, "dt"));
            case "DataTokenRegistry.Revoked" -> grantChanged(event, "REVOKED", hex(event, "child"),
                    hex(event, "parent"), null, hex(event, "revokedBy"));
            case "TaskMarket.JobSubmitted" -> insert("insert into job (job, task, algorithm, owner_org, submitted_block, "
                    + "tx_hash, log_index) values (?3, ?4, ?5, ?6, ?7, ?1, ?2)", event,
                    hex(event, "jobId"), hex(event, "taskId"), hex(event, "algorithmDt"),
                    OrganizationIdText.of(field(event, "owner")), event.blockNumber());
            case "TaskMarket.JobStateChanged" -> insert("insert into job_state_change (job, from_state, to_state, "
                    + "by_account, block_number, tx_hash, log_index) values (?3, ?4, ?5, ?6, ?7, ?1, ?2)", event,
                    hex(event, "jobId"), jobState(field(event, "from")), jobState(field(event, "to")),
                    hex(event, "by"), event.blockNumber());
            case "TaskMarket.ReceiptRecorded" -> insert("insert into usage (job, dt, op, result_hash, party_org, "
                    + "block_number, tx_hash, log_index) values (?3, ?4, ?5, ?6, ?7, ?8, ?1, ?2)", event,
                    hex(event, "jobId"), hex(event, "dt"), hex(event, "opHash"), hex(event, "resultHash"),
                    OrganizationIdText.of(field(event, "party")), event.blockNumber());
            default -> {
                // no projection: organizations, ops and tasks only stay in chain_event
            }
        }
    }

    private void tokenRegistered(LedgerEvent event) {
        String dt = hex(event, "dt");
        insert("insert into token (dt, owner_org, kind, registered_block, tx_hash, log_index) "
                        + "values (?3, ?4, ?5, ?6, ?1, ?2) on conflict (dt) do nothing", event,
                dt, OrganizationIdText.of(field(event, "owner")), kind(field(event, "kind")), event.blockNumber());
        // children: a JSON array of bytes32 hex (the chain module's text form of bytes32[])
        insert("insert into lineage_edge (parent, child, tx_hash, log_index) "
                        + "select ?3, lower(child), ?1, ?2 from jsonb_array_elements_text(cast(?4 as jsonb)) child "
                        + "on conflict (parent, child) do nothing", event,
                dt, event.fields().getOrDefault("children", "[]"));
        metadata(event, dt);
    }

    /**
     * Where the DT's document now is and its proof; for a composition (a token with children) also the
     * reading of its document still to do, which io.datatoken.tracer.workflow takes up after this
     * transaction (it reads IPFS, which an index transaction must not wait for).
     */
    private void metadata(LedgerEvent event, String dt) {
        // text refuses NUL, which a string field may hold: it must not stall the index
        insert("insert into token_metadata (dt, storage_path, proof, block_number, tx_hash, log_index) "
                        + "values (?3, ?4, ?5, ?6, ?1, ?2)", event,
                dt, field(event, "storagePath").replace('\0', '\uFFFD'), hex(event, "proof"), event.blockNumber());
        insert("insert into metadata_read (tx_hash, log_index, state, attempts) select ?1, ?2, 'PENDING', 0 "
                + "where exists (select 1 from lineage_edge where parent = ?3)", event, dt);
    }

    private void grantChanged(LedgerEvent event, String change, String child, String parent, Long expiresAt,
                              String by) {
        Query insert = entities.createNativeQuery("insert into grant_change (child, parent, change, expires_at, "
                        + "by_account, block_number, tx_hash, log_index) "
                        + "values (?3, ?4, ?5, cast(?6 as bigint), ?7, ?8, ?1, ?2)")
                .setParameter(1, event.txHash()).setParameter(2, event.logIndex())
                .setParameter(3, child).setParameter(4, parent).setParameter(5, change)
                .setParameter(6, expiresAt == null ? null : expiresAt.toString())
                .setParameter(7, by).setParameter(8, event.blockNumber());
        insert.executeUpdate();
    }

    /** Runs an insert with the event's key as ?1, ?2 and these values as ?3 on. */
    private void insert(String sql, LedgerEvent event, Object... values) {
        Query insert = entities.createNativeQuery(sql)
                .setParameter(1, event.txHash()).setParameter(2, event.logIndex());
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 3, values[i]);
        }
        insert.executeUpdate();
    }

    private static String field(LedgerEvent event, String name) {
        String value = event.fields().get(name);
        if (value == null) {
            throw new IllegalStateException(event.contract() + "." + event.event() + " of transaction "
                    + event.txHash() + " has no field " + name + "; the decoder does not match the projections");
        }
        return value;
    }

    /** Ids, hashes and addresses in their one spelling (lower case), as the chain module writes them. */
    private static String hex(LedgerEvent event, String name) {
        return field(event, name).toLowerCase(Locale.ROOT);
    }

    /** A uint64 time; one past a signed long (no real date is) is kept as the largest long. */
    private static Long unixSeconds(String value) {
        BigInteger seconds = new BigInteger(value);
        return seconds.bitLength() < Long.SIZE ? seconds.longValue() : Long.MAX_VALUE;
    }

    private static String kind(String value) {
        int kind = Integer.parseInt(value);
        return kind >= 0 && kind < AssetKind.values().length ? AssetKind.values()[kind].name() : "KIND_" + kind;
    }

    private static String jobState(String value) {
        int state = Integer.parseInt(value);
        return state >= 0 && state < JOB_STATES.size() ? JOB_STATES.get(state) : "STATE_" + state;
    }
}
