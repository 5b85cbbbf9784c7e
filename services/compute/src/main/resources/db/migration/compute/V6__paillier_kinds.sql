-- Paillier outsourcing's messages between nodes: the key holder's public key, each owner's
-- encrypted column, the adding node's encrypted aggregate.
ALTER TABLE run_input DROP CONSTRAINT run_input_kind_check;
ALTER TABLE run_input ADD CONSTRAINT run_input_kind_check CHECK (kind IN ('SHARE', 'PARTIAL_SUM', 'PSI_QUERY',
    'PSI_ANSWER', 'PSI_SIZE', 'STATS_SHARE', 'STATS_PARTIAL', 'PAILLIER_KEY', 'PAILLIER_VALUES', 'PAILLIER_AGGREGATE'));
