-- The op each level of a lineage applies. Ops are in no event: a composition's document (its DDO, on
-- IPFS) sets, in its services' workflows, the op run on each child. The index keeps where each DT's
-- document is (token_metadata, projected with its event); io.datatoken.tracer.workflow reads the
-- documents of compositions after their event is applied (metadata_read) and keeps their ops
-- (edge_op). Every row references its metadata event ON DELETE CASCADE, so rolling back a
-- reorganization removes it and a rebuild derives it again. The op of an edge is the one the parent's
-- latest metadata event sets; its name and version are read from the op's OpPublished event.

-- Where a DT's document is and its proof (TokenRegistered, MetadataUpdated); the latest is current.
CREATE TABLE token_metadata (
    dt           VARCHAR(66) NOT NULL,
    -- the CID text as the event carries it, checked only when the document is read
    storage_path TEXT        NOT NULL,
    proof        VARCHAR(66) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX token_metadata_latest ON token_metadata (dt, block_number DESC, log_index DESC);

-- Reading a composition's document for one metadata event: PENDING until tried; READ; UNAVAILABLE
-- (the content store is down or does not hold it: tried again from next_attempt_at); REJECTED (not a
-- valid DDO, or not the one the proof vouches for: final, as a CID always names the same bytes).
CREATE TABLE metadata_read (
    tx_hash         VARCHAR(66) NOT NULL,
    log_index       INTEGER     NOT NULL,
    state           VARCHAR(11) NOT NULL CHECK (state IN ('PENDING', 'READ', 'UNAVAILABLE', 'REJECTED')),
    -- why the document is unavailable or rejected; null otherwise
    reason          TEXT,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX metadata_read_due ON metadata_read (next_attempt_at) WHERE state IN ('PENDING', 'UNAVAILABLE');

-- The op the parent's document (of this metadata event) runs on the child, with its parameters (the
-- configuration of the workflow that sets it, a JSON object of strings).
CREATE TABLE edge_op (
    parent    VARCHAR(66) NOT NULL,
    child     VARCHAR(66) NOT NULL,
    op_hash   VARCHAR(66) NOT NULL,
    params    JSONB       NOT NULL,
    tx_hash   VARCHAR(66) NOT NULL,
    log_index INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index, child),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);

-- An op's name and version, from its OpPublished event (looked up when an edge's op is asked for).
CREATE INDEX chain_event_op_published ON chain_event (lower(fields ->> 'opHash'))
    WHERE contract = 'OpRegistry' AND event = 'OpPublished';

-- Events applied before this version: their pointers, and the compositions' documents still to read.
INSERT INTO token_metadata (dt, storage_path, proof, block_number, tx_hash, log_index)
SELECT lower(fields ->> 'dt'), fields ->> 'storagePath', lower(fields ->> 'proof'), block_number, tx_hash, log_index
FROM chain_event
WHERE contract = 'DataTokenRegistry' AND event IN ('TokenRegistered', 'MetadataUpdated');

INSERT INTO metadata_read (tx_hash, log_index, state, attempts)
SELECT m.tx_hash, m.log_index, 'PENDING', 0
FROM token_metadata m
WHERE EXISTS (SELECT 1 FROM lineage_edge e WHERE e.parent = m.dt);
