-- The contracts' events as applied by the indexer, each once (transaction hash, log index).
-- Rows derived from events must reference chain_event (tx_hash, log_index) ON DELETE CASCADE:
-- rolling back a reorganization deletes the events above the fork point and nothing else.
CREATE TABLE chain_event (
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    block_number BIGINT      NOT NULL,
    block_hash   VARCHAR(66) NOT NULL,
    contract     VARCHAR(32) NOT NULL,
    event        VARCHAR(64) NOT NULL,
    fields       JSONB       NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX chain_event_block_number ON chain_event (block_number);

-- The last applied block; no row before the first batch.
CREATE TABLE index_cursor (
    id           BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (id),
    block_number BIGINT      NOT NULL,
    block_hash   VARCHAR(66) NOT NULL
);

-- Hashes of the last applied blocks, to find the fork point after a reorganization.
CREATE TABLE indexed_block (
    number BIGINT      PRIMARY KEY,
    hash   VARCHAR(66) NOT NULL
);
