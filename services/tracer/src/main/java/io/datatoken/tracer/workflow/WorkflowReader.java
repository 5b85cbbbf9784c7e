package io.datatoken.tracer.workflow;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentException;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentStoreUnavailable;
import io.datatoken.metadata.DdoVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the documents of compositions' metadata events the index has applied: fetches each from the
 * content store by its CID, verifies it against the proof the event records and keeps the op its
 * workflow sets for each child. A document the store cannot give is tried again later ({@link Retries});
 * one that is no valid DDO or not the one the proof vouches for is rejected for good, with the reason.
 */
public class WorkflowReader {

    private static final Logger LOG = Logger.getLogger(WorkflowReader.class.getName());

    /** Events fetched from the database at a time. */
    static final int BATCH = 50;

    private enum Outcome { READ, REJECTED, UNAVAILABLE, STORE_DOWN }

    private WorkflowStore store;
    private ContentStore content;
    private DdoVerifier verifier;
    private Clock clock;
    private Retries retries;
    /** Whether the last run found the content store down: an outage is logged when it starts and ends. */
    private volatile boolean storeDown;

    public WorkflowReader(WorkflowStore store, ContentStore content, DdoVerifier verifier, Clock clock,
                          Retries retries) {
        this.store = Objects.requireNonNull(store, "store");
        this.content = Objects.requireNonNull(content, "content");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retries = Objects.requireNonNull(retries, "retries");
    }

    /** For CDI's client proxy only. */
    protected WorkflowReader() {
    }

    /**
     * Reads every document due now. While the content store is down it stops at the first document
     * (the others would fail alike), so an outage costs one request per run.
     *
     * @return the number of documents read
     */
    public int readDue() {
        int read = 0;
        while (true) {
            List<MetadataPointer> due = store.due(clock.instant(), BATCH);
            for (MetadataPointer event : due) {
                Outcome outcome = read(event);
                if (outcome == Outcome.READ) {
                    read++;
                } else if (outcome == Outcome.STORE_DOWN) {
                    return read;
                }
            }
            // every event of a full batch now has an outcome or a later attempt: the next batch is new
            if (due.size() < BATCH) {
                return read;
            }
        }
    }

    private Outcome read(MetadataPointer event) {
        Cid cid;
        Proof proof;
        try {
            cid = Cid.parse(event.storagePath());
            proof = Proof.of(event.proof());
        } catch (IllegalArgumentException e) {
            return reject(event, "the metadata event's storage path or proof is malformed: " + e.getMessage());
        }
        byte[] document;
        try {
            document = content.get(cid);
            if (storeDown) {
                LOG.info("the content store is available again");
                storeDown = false;
            }
        } catch (ContentStoreUnavailable e) {
            if (!storeDown) {
                LOG.warning(() -> "the content store is unavailable, documents are read when it is back: "
                        + e.getMessage());
                storeDown = true;
            }
            retry(event, "the content store is unavailable: " + e.getMessage());
            return Outcome.STORE_DOWN;
        } catch (ContentException e) {
            // not found, or a node answering other bytes: the document itself may still turn up
            retry(event, e.getMessage());
            return Outcome.UNAVAILABLE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading " + cid + " failed unexpectedly", e);
            retry(event, "reading " + cid + " failed: " + e);
            return Outcome.UNAVAILABLE;
        }
        Ddo ddo;
        try {
            ddo = verifier.verify(document, proof);
        } catch (DdoRejected e) {
            return reject(event, e.getMessage());
        } catch (RuntimeException e) {
            // the same bytes would fail the same way: not worth trying again
            LOG.log(Level.WARNING, "verifying " + cid + " failed unexpectedly", e);
            return reject(event, "the document could not be verified: " + e);
        }
        if (!ddo.dt().equals(event.dt())) {
            return reject(event, "the document describes " + ddo.dt() + ", not " + event.dt());
        }
        store.read(event, WorkflowOps.of(ddo));
        return Outcome.READ;
    }

    private Outcome reject(MetadataPointer event, String reason) {
        LOG.info(() -> "metadata of " + event.dt() + " (transaction " + event.txHash() + ") rejected: " + reason);
        store.rejected(event, reason);
        return Outcome.REJECTED;
    }

    private void retry(MetadataPointer event, String reason) {
        store.unavailable(event, reason, retries.next(event.attempts() + 1, clock.instant()));
    }
}
