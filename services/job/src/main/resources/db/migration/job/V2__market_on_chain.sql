-- Tasks and jobs mirror the chain's task market: the chain decides, these rows remember and list.
ALTER TABLE task ADD COLUMN chain_id VARCHAR(66) UNIQUE;
ALTER TABLE task ADD COLUMN created_tx VARCHAR(66);

CREATE TABLE job (
    chain_id      VARCHAR(66) PRIMARY KEY,
    task_chain_id VARCHAR(66) NOT NULL,
    algorithm_dt  VARCHAR(66) NOT NULL,
    owner_org     VARCHAR(63) NOT NULL,
    state         VARCHAR(16) NOT NULL
        CHECK (state IN ('SUBMITTED', 'AUTHORIZED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'REVOKED')),
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_owner_org ON job (owner_org);
CREATE INDEX job_task ON job (task_chain_id);

-- The job service's own chain account for each organization it acts for, its key sealed under
-- the service's key-encryption key (docs/decisions/0013). The asset service adds it on chain.
CREATE TABLE organization_account (
    organization  VARCHAR(32)  PRIMARY KEY,
    address       VARCHAR(42)  NOT NULL UNIQUE,
    encrypted_key VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
