-- Refusals the compute nodes report: an execution request or a transfer a node refused, signed
-- (EIP-191) by the node's chain account and kept only if that account acts for the active
-- organization that owns the DT (refusals.RefusalIntake).
-- NOT derived from chain events, so NOT part of the index's rebuild: no foreign key to chain_event,
-- a reorganization's rollback leaves these rows alone, and rebuilding the index means emptying
-- chain_event, index_cursor and indexed_block (their projections cascade), never this table; the
-- chain cannot give these rows back (the nodes' audit trails are the only other copy).
-- Uses no other migration's tables.
CREATE TABLE refusal (
    -- the reporting organization, which owns the DT: its alias, as the index names organizations
    reporter_org VARCHAR(66)  NOT NULL,
    -- the node's id for the refusal (for an execution request, its id in the node's audit trail)
    id           UUID         NOT NULL,
    -- null when the refused request named no job, or no op
    job          VARCHAR(66),
    dt           VARCHAR(66)  NOT NULL,
    op           VARCHAR(66),
    -- one or more refusal codes separated by one space (job-not-running, replayed, ...)
    code         VARCHAR(256) NOT NULL,
    detail       TEXT         NOT NULL,
    -- by the node's clock
    refused_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the node's account (lower-case hex) and its signature, so the report can be checked again
    signer       VARCHAR(42)  NOT NULL,
    signature    VARCHAR(132) NOT NULL,
    -- sha-256 of the signed text: the same id with another hash is another refusal, refused
    content_hash VARCHAR(66)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reporter_org, id)
);
CREATE INDEX refusal_dt ON refusal (dt, refused_at);
CREATE INDEX refusal_reporter_org ON refusal (reporter_org, refused_at);
