-- A party of a composition that tolerates dropouts (federated learning's devices, decision 0021's
-- addendum): the composition directly above it, and how long its siblings wait for it before they go on.
ALTER TABLE job_party ADD COLUMN composition VARCHAR(66);
ALTER TABLE job_party ADD COLUMN dropout_after_seconds BIGINT NOT NULL DEFAULT 0;
