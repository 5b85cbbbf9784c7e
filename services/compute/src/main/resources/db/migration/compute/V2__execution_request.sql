-- Every execution request this node received, accepted or refused with its reasons: the node's
-- audit trail. A nonce is spent once a request with it is accepted (the partial unique index makes
-- a concurrent replay fail rather than run twice).
CREATE TABLE execution_request (
    id          UUID        PRIMARY KEY,
    signer      VARCHAR(42) NOT NULL,
    nonce       VARCHAR(66) NOT NULL,
    job         VARCHAR(66) NOT NULL,
    dt          VARCHAR(66) NOT NULL,
    op          VARCHAR(66) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(16) NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    reasons     TEXT        NOT NULL
);
CREATE UNIQUE INDEX execution_request_spent_nonce ON execution_request (signer, nonce) WHERE outcome = 'ACCEPTED';
CREATE INDEX execution_request_job ON execution_request (job);
