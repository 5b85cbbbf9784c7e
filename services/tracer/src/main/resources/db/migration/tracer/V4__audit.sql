-- Who acted and when, and which organizations each event concerns, for the audit views.
--
-- The index is derived from the chain: rather than leaving earlier events without the block time and
-- the sender this version adds, it empties the index (every derived row cascades) and the indexer
-- applies the chain again from block 0.
TRUNCATE chain_event, index_cursor, indexed_block CASCADE;

-- unix seconds of the event's block, and the account that sent its transaction (lower case)
ALTER TABLE chain_event ADD COLUMN block_time BIGINT NOT NULL;
ALTER TABLE chain_event ADD COLUMN sender VARCHAR(42) NOT NULL;
CREATE INDEX chain_event_newest ON chain_event (block_number DESC, log_index DESC);
CREATE INDEX chain_event_sender ON chain_event (sender);

-- The organization an account was added to or removed from (OrganizationRegistered, AccountAdded,
-- AccountRemoved; EndUserRegistered, EndUserRemoved for the end users an organization keeps).
CREATE TABLE account_change (
    account      VARCHAR(42) NOT NULL,
    org          VARCHAR(66) NOT NULL,
    kind         VARCHAR(12) NOT NULL CHECK (kind IN ('ORGANIZATION', 'END_USER')),
    change       VARCHAR(8)  NOT NULL CHECK (change IN ('ADDED', 'REMOVED')),
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX account_change_account ON account_change (account, block_number DESC, log_index DESC);

-- A task and the organization that posted it (TaskCreated).
CREATE TABLE task (
    task      VARCHAR(66) PRIMARY KEY,
    owner_org VARCHAR(66) NOT NULL,
    tx_hash   VARCHAR(66) NOT NULL,
    log_index INTEGER     NOT NULL,
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX task_event ON task (tx_hash, log_index);

-- The organizations an event concerns, and how: ACTOR (its transaction was sent, or its "by" field
-- names, an account of the organization at the time), OWNER (it names a DT, job or task the
-- organization owns), PARTY (it names the organization itself).
CREATE TABLE event_subject (
    org          VARCHAR(66) NOT NULL,
    relation     VARCHAR(8)  NOT NULL CHECK (relation IN ('ACTOR', 'OWNER', 'PARTY')),
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    PRIMARY KEY (tx_hash, log_index, org, relation),
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
CREATE INDEX event_subject_org ON event_subject (org, block_number DESC, log_index DESC);

-- The session-1 placeholder for uses, never filled: the index's projections replace it.
DROP TABLE usage_event;
