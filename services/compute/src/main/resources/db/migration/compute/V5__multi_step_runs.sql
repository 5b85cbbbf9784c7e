-- Ops beyond S1 (issue 7) run in steps and send more kinds of messages between nodes.

-- A run continues over several steps (PSI's requester blinds, then finishes when the answer
-- arrives); between two steps the party's secret is kept here, sealed with the node's key and
-- bound to the run (decision 0018), and cleared when the run ends.
ALTER TABLE op_run ADD COLUMN step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE op_run ADD COLUMN party_state BYTEA;

-- One input per (job, to, from, kind): PSI's requester sends its responder a query and later the
-- intersection's size.
ALTER TABLE run_input DROP CONSTRAINT run_input_kind_check;
ALTER TABLE run_input ALTER COLUMN kind TYPE VARCHAR(24);
ALTER TABLE run_input ADD CONSTRAINT run_input_kind_check CHECK (kind IN ('SHARE', 'PARTIAL_SUM', 'PSI_QUERY',
    'PSI_ANSWER', 'PSI_SIZE', 'STATS_SHARE', 'STATS_PARTIAL'));
ALTER TABLE run_input DROP CONSTRAINT run_input_pkey;
ALTER TABLE run_input ADD PRIMARY KEY (job, to_dt, from_dt, kind);

-- A result of another kind than S1's Z: PSI's intersection at the requester's node, the size at
-- the responder's when the terms allow it, joint statistics at the algorithm owner's.
ALTER TABLE job_result ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'secure-sum';
ALTER TABLE job_result ALTER COLUMN z DROP NOT NULL;
ALTER TABLE job_result ADD COLUMN outcome TEXT;

-- A list of identifiers (a PSI party's items) is bound like a CSV matrix.
ALTER TABLE dataset_binding DROP CONSTRAINT dataset_binding_source_kind_check;
ALTER TABLE dataset_binding ADD CONSTRAINT dataset_binding_source_kind_check
    CHECK (source_kind IN ('CSV', 'JDBC', 'ITEMS'));
