-- The end user who registered a DT of their own (EndUserTokenRegistered, decision 0020), next to its
-- token row. A table of its own rather than columns of token: the end user comes from another event
-- than the token row, and a projected row is never updated in place but references its one event
-- ON DELETE CASCADE, so a rollback stays one delete. The chain never changes a token's end user.
-- Ids as the index spells them: the organization as in token.owner_org, the end user id as its text
-- (the ledger's bytes32 is the id, zero padded), or the id in hex when it is not one.
CREATE TABLE token_end_user (
    dt        VARCHAR(66) PRIMARY KEY,
    owner_org VARCHAR(66) NOT NULL,
    end_user  VARCHAR(66) NOT NULL,
    -- the end user's account, which registered the DT and alone grants, revokes and records its receipts
    account   VARCHAR(42) NOT NULL,
    tx_hash   VARCHAR(66) NOT NULL,
    log_index INTEGER     NOT NULL,
    FOREIGN KEY (tx_hash, log_index) REFERENCES chain_event (tx_hash, log_index) ON DELETE CASCADE
);
-- a user's tokens (end user ids are unique within their organization only)
CREATE INDEX token_end_user_user ON token_end_user (owner_org, end_user);
CREATE INDEX token_end_user_event ON token_end_user (tx_hash, log_index);

-- An index that already applied such events (a chain with decision 0020's contracts) holds them
-- without this projection: it empties, as V4 did, and the indexer applies the chain again from
-- block 0, so the projection's one spelling of ids stays in its code. Any other index stays.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM chain_event WHERE contract = 'DataTokenRegistry' AND event = 'EndUserTokenRegistered') THEN
        TRUNCATE chain_event, index_cursor, indexed_block CASCADE;
    END IF;
END
$$;
