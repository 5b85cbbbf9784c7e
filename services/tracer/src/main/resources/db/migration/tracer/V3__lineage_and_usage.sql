-- Projections of chain_event for lineage and usage queries, written in the transaction that applies
-- their event. Each row references the event it comes from ON DELETE CASCADE, so rolling back a
-- reorganization removes it with the event; changes (grants, job states) are rows of their own for
-- the same reason: nothing is ever updated in place. Organizations are their alias as the ledger
-- spells it (the bytes32 id is the alias, zero padded), or the id in hex when it is not one.

-- A registered Data Token.
CREATE TABLE token (
    dt               VARCHAR(66) PRIMARY KEY,
    owner_org        VARCHAR(66) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    registered_block BIGINT      NOT NULL,
    tx_hash          VARCHAR(66) NOT NULL,
    log_index        INTEGER     NOT NULL,
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX token_owner_org ON token (owner_org);
CREATE INDEX token_event ON token (tx_hash, log_index);

-- The parent is composed of the child (from the parent's TokenRegistered children).
CREATE TABLE lineage_edge (
    parent    VARCHAR(66) NOT NULL,
    child     VARCHAR(66) NOT NULL,
    tx_hash   VARCHAR(66) NOT NULL,
    log_index INTEGER     NOT NULL,
    PRIMARY KEY (parent, child),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX lineage_edge_child ON lineage_edge (child);
CREATE INDEX lineage_edge_event ON lineage_edge (tx_hash, log_index);

-- A grant of the child's use to the parent, or its revocation (Granted / Revoked).
CREATE TABLE grant_change (
    child        VARCHAR(66) NOT NULL,
    parent       VARCHAR(66) NOT NULL,
    change       VARCHAR(8)  NOT NULL CHECK (change IN ('GRANTED', 'REVOKED')),
    -- unix seconds, 0 for until revoked; null for a revocation
    expires_at   BIGINT,
    by_account   VARCHAR(42) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX grant_change_child_parent ON grant_change (child, parent);

-- A job submitted to a task with an algorithm DT (JobSubmitted).
CREATE TABLE job (
    job             VARCHAR(66) PRIMARY KEY,
    task            VARCHAR(66) NOT NULL,
    algorithm       VARCHAR(66) NOT NULL,
    owner_org       VARCHAR(66) NOT NULL,
    submitted_block BIGINT      NOT NULL,
    tx_hash         VARCHAR(66) NOT NULL,
    log_index       INTEGER     NOT NULL,
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX job_algorithm ON job (algorithm);
CREATE INDEX job_event ON job (tx_hash, log_index);

-- Every state change of a job (JobStateChanged); its state is the last one.
CREATE TABLE job_state_change (
    job          VARCHAR(66) NOT NULL,
    from_state   VARCHAR(16) NOT NULL,
    to_state     VARCHAR(16) NOT NULL,
    by_account   VARCHAR(42) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX job_state_change_job ON job_state_change (job, block_number, log_index);

-- A party's execution receipt: its op ran on its DT for a job (ReceiptRecorded). The event does
-- not carry the recording account (only the transaction's sender would), so neither does the row.
CREATE TABLE usage (
    job          VARCHAR(66) NOT NULL,
    dt           VARCHAR(66) NOT NULL,
    op           VARCHAR(66) NOT NULL,
    result_hash  VARCHAR(66) NOT NULL,
    party_org    VARCHAR(66) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX usage_dt ON usage (dt);
CREATE INDEX usage_job ON usage (job);
