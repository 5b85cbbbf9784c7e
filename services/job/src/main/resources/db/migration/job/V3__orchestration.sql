-- The job service's orchestration of running jobs, so that a restarted service can resume it: when
-- it began dispatching a job (the completion timeout runs from there) and why it ended it, and for
-- each party (an asset and the op its composition's workflow sets for it) the owner, the compute
-- node asked and how that stands. Receipts are not copied: the chain has them.
CREATE TABLE job_run (
    job_id   VARCHAR(66)   PRIMARY KEY,
    began_at TIMESTAMP WITH TIME ZONE NOT NULL,
    detail   VARCHAR(2000) NOT NULL DEFAULT ''
);

CREATE TABLE job_party (
    job_id     VARCHAR(66)   NOT NULL REFERENCES job_run (job_id),
    dt         VARCHAR(66)   NOT NULL,
    op         VARCHAR(66)   NOT NULL,
    owner_org  VARCHAR(63)   NOT NULL,
    node       VARCHAR(2048),
    state      VARCHAR(16)   NOT NULL
        CHECK (state IN ('DISPATCHING', 'MANUAL', 'ACCEPTED', 'REFUSED', 'UNREACHABLE', 'FAILED', 'DONE')),
    attempts   INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    reasons    VARCHAR(400)  NOT NULL DEFAULT '',
    detail     VARCHAR(2000) NOT NULL DEFAULT '',
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, dt, op)
);
