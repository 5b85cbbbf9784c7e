-- A DATA binding may carry the party's private weights W (ss-share computes X W); an ALGORITHM
-- binding holds the algorithm owner's labels, used to train a model on a job's result.
ALTER TABLE dataset_binding ADD COLUMN weights_location TEXT;

-- One run per (job, asset, op) on this node, whatever number of requests asked for it: a retried
-- request finds its run here instead of running the op twice.
CREATE TABLE op_run (
    job         VARCHAR(66) NOT NULL,
    dt          VARCHAR(66) NOT NULL,
    op          VARCHAR(66) NOT NULL,
    op_name     VARCHAR(64) NOT NULL,
    request_id  UUID        NOT NULL REFERENCES execution_request (id),
    state       VARCHAR(16) NOT NULL CHECK (state IN ('WAITING', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    result_hash VARCHAR(66),
    detail      TEXT        NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job, dt, op)
);

-- What other nodes sent this one for a job (additive shares, partial sums), each signed by the
-- sending node's chain account; one per (job, receiving asset, sending asset).
CREATE TABLE run_input (
    job          VARCHAR(66) NOT NULL,
    to_dt        VARCHAR(66) NOT NULL,
    from_dt      VARCHAR(66) NOT NULL,
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('SHARE', 'PARTIAL_SUM')),
    sender       VARCHAR(42) NOT NULL,
    payload      TEXT        NOT NULL,
    payload_hash VARCHAR(66) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job, to_dt, from_dt)
);

-- A job's result at the algorithm owner's node: Z reconstructed from the partial sums, and the
-- model trained on it when the owner bound labels to its algorithm asset.
CREATE TABLE job_result (
    job          VARCHAR(66) PRIMARY KEY,
    algorithm_dt VARCHAR(66) NOT NULL,
    parts        INTEGER     NOT NULL,
    z            TEXT        NOT NULL,
    model        TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
