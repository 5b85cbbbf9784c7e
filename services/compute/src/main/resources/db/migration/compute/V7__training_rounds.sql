-- Federated averaging with secure aggregation (S2) exchanges the same kinds of message once per
-- training round: a transfer names its round (0 for the kinds without rounds).
ALTER TABLE run_input ADD COLUMN round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0);
ALTER TABLE run_input DROP CONSTRAINT run_input_pkey;
ALTER TABLE run_input ADD PRIMARY KEY (job, to_dt, from_dt, kind, round);
ALTER TABLE run_input DROP CONSTRAINT run_input_kind_check;
ALTER TABLE run_input ADD CONSTRAINT run_input_kind_check CHECK (kind IN ('SHARE', 'PARTIAL_SUM', 'PSI_QUERY',
    'PSI_ANSWER', 'PSI_SIZE', 'STATS_SHARE', 'STATS_PARTIAL', 'PAILLIER_KEY', 'PAILLIER_VALUES', 'PAILLIER_AGGREGATE',
    'FL_CONFIG', 'FL_ADVERTISEMENT', 'FL_ROSTER', 'FL_SHARES', 'FL_DELIVERY', 'FL_MASKED', 'FL_UNMASK_REQUEST',
    'FL_UNMASK_RESPONSE', 'FL_MODEL'));
