-- The synthetic lineage index of ./datatoken bench trace, in its own schema bench_trace (dropped and
-- recreated here; the service's schema 'tracer' is never touched). Run by bench/trace.mjs:
--   psql -v tokens=N -v edges=M -v layers=L -v jobs_every=J -f bench/trace-index.sql
--
-- The tables the lineage queries read, as services/tracer/src/main/resources/db/migration/tracer/
-- V3__lineage_and_usage.sql defines them (same columns, types, checks and indexes), except:
--   * no foreign keys to chain_event, whose rows exist for tokens and jobs only (the lineage reads the
--     time and sender of the DT asked about and of the jobs above it from there; the keys only serve
--     reorganization rollbacks);
--   * UNLOGGED and keys/indexes built after the load: a bulk load without WAL, same reads.
--
-- The DAG: token i (0 <= i < N) lies in layer least(i / S, L - 1), S = N / L, at position i - layer * S.
-- Layer 0 is data; every token of layer k >= 1 is a composition of about M / (N - S) children:
-- consecutive positions of layer k - 1, the last child from a lower layer (chosen by a hash of i)
-- when k >= 2. So every path goes strictly down a layer or more (acyclic), the walk from the top layer
-- reaches L - 1 levels down, and a DT's lineage is a neighbourhood, not the whole layer below
-- (compositions reuse what sits near them, as one organization's compositions reuse its own data).
-- Ids are keccak-like: 64 hex digits of md5s, so neighbours in the DAG are not neighbours in indexes.
-- bench/trace.mjs holds the same formula (traceModel) for the DTs it asks about and for the chain's events.
\set ON_ERROR_STOP on
\timing on
set client_min_messages = warning;
set maintenance_work_mem = '512MB';

drop schema if exists bench_trace cascade;
create schema bench_trace;
set search_path = bench_trace;

create function dt_id(i bigint) returns varchar language sql immutable parallel safe
    as $$ select '0x' || md5('dt' || i) || md5('dt-' || i) $$;
create function hash_of(label text, i bigint) returns varchar language sql immutable parallel safe
    as $$ select '0x' || md5(label || i) || md5(label || '-' || i) $$;

select :tokens / :layers as size, :tokens - :tokens / :layers as compositions \gset

create unlogged table token (
    dt               VARCHAR(66) NOT NULL,
    owner_org        VARCHAR(66) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    registered_block BIGINT      NOT NULL,
    tx_hash          VARCHAR(66) NOT NULL,
    log_index        INTEGER     NOT NULL
);
create unlogged table lineage_edge (
    parent    VARCHAR(66) NOT NULL,
    child     VARCHAR(66) NOT NULL,
    tx_hash   VARCHAR(66) NOT NULL,
    log_index INTEGER     NOT NULL
);
create unlogged table grant_change (
    child        VARCHAR(66) NOT NULL,
    parent       VARCHAR(66) NOT NULL,
    change       VARCHAR(8)  NOT NULL CHECK (change IN ('GRANTED', 'REVOKED')),
    expires_at   BIGINT,
    by_account   VARCHAR(42) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL
);
create unlogged table job (
    job             VARCHAR(66) NOT NULL,
    task            VARCHAR(66) NOT NULL,
    algorithm       VARCHAR(66) NOT NULL,
    owner_org       VARCHAR(66) NOT NULL,
    submitted_block BIGINT      NOT NULL,
    tx_hash         VARCHAR(66) NOT NULL,
    log_index       INTEGER     NOT NULL
);
create unlogged table job_state_change (
    job          VARCHAR(66) NOT NULL,
    from_state   VARCHAR(16) NOT NULL,
    to_state     VARCHAR(16) NOT NULL,
    by_account   VARCHAR(42) NOT NULL,
    block_number BIGINT      NOT NULL,
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL
);

create unlogged table chain_event (
    tx_hash      VARCHAR(66) NOT NULL,
    log_index    INTEGER     NOT NULL,
    block_number BIGINT      NOT NULL,
    block_time   BIGINT      NOT NULL,
    sender       VARCHAR(42) NOT NULL
);

-- One registration per block of 100 tokens, in id order: children are registered before parents.
\echo 'bench_trace: tokens'
insert into token
select dt_id(i), 'org-' || (i % 50), case when i < :size then 'DATA' else 'ALGORITHM' end, 1 + i / 100,
       hash_of('tx', i), 0
from generate_series(0, :tokens - 1) i;

-- Composition rank r = i - S gets floor(M (r + 1) / C) - floor(M r / C) children: M edges in all.
\echo 'bench_trace: lineage edges'
insert into lineage_edge
select dt_id(i), dt_id(child.layer * :size + (i - layer.k * :size + j) % :size), hash_of('tx', i), 0
from generate_series(:size, :tokens - 1) i
cross join lateral (select least(i / :size, :layers - 1) as k,
                           (:edges::bigint * (i - :size + 1)) / :compositions
                             - (:edges::bigint * (i - :size)) / :compositions as n) layer
cross join lateral generate_series(0, layer.n - 1) j
cross join lateral (select case when j = layer.n - 1 and layer.k >= 2 then (i * 2654435761) % layer.k
                                else layer.k - 1 end as layer) child;

-- Each child's owner granted its use to the parent (until revoked) in the block after the parent's.
\echo 'bench_trace: grants'
insert into grant_change
select e.child, e.parent, 'GRANTED', 0, substr(hash_of('account', t.registered_block % 50), 1, 42),
       t.registered_block + 1, hash_of('grant-' || e.parent, 0), row_number() over (partition by e.parent)
from lineage_edge e join token t on t.dt = e.parent;

-- A job on every J-th composition as its algorithm, each with three state changes (as S1's run).
\echo 'bench_trace: jobs'
insert into job
select hash_of('job', i), hash_of('task', i % 1000), dt_id(i), 'org-' || (i % 50), 2 + i / 100, hash_of('job-tx', i), 0
from generate_series(:size, :tokens - 1) i where i % :jobs_every = 0;
insert into job_state_change
select j.job, s.from_state, s.to_state, substr(hash_of('account', s.n), 1, 42), j.submitted_block + s.n,
       hash_of('state-' || j.job, s.n), 0
from job j cross join (values (1, 'SUBMITTED', 'AUTHORIZED'), (2, 'AUTHORIZED', 'RUNNING'), (3, 'RUNNING', 'SUCCEEDED'))
    s(n, from_state, to_state);

-- The events of tokens and jobs (the columns the queries read), a block every 2 s.
\echo 'bench_trace: events'
insert into chain_event
select tx_hash, log_index, registered_block, 1700000000 + 2 * registered_block, substr(hash_of('account', i), 1, 42)
from (select t.*, row_number() over () as i from token t) t;
insert into chain_event
select tx_hash, log_index, submitted_block, 1700000000 + 2 * submitted_block, substr(hash_of('account', 0), 1, 42)
from job;

-- The migration's keys and indexes, built once the rows are in.
\echo 'bench_trace: keys and indexes'
alter table chain_event add PRIMARY KEY (tx_hash, log_index);
alter table token add PRIMARY KEY (dt);
CREATE INDEX token_owner_org ON token (owner_org);
CREATE INDEX token_event ON token (tx_hash, log_index);
alter table lineage_edge add PRIMARY KEY (parent, child);
CREATE INDEX lineage_edge_child ON lineage_edge (child);
CREATE INDEX lineage_edge_event ON lineage_edge (tx_hash, log_index);
alter table grant_change add PRIMARY KEY (tx_hash, log_index);
CREATE INDEX grant_change_child_parent ON grant_change (child, parent);
alter table job add PRIMARY KEY (job);
CREATE INDEX job_algorithm ON job (algorithm);
CREATE INDEX job_event ON job (tx_hash, log_index);
alter table job_state_change add PRIMARY KEY (tx_hash, log_index);
CREATE INDEX job_state_change_job ON job_state_change (job, block_number, log_index);

-- As autovacuum leaves a settled index: statistics, and visibility maps for index-only scans.
\echo 'bench_trace: vacuum analyze'
vacuum analyze token, lineage_edge, grant_change, job, job_state_change, chain_event;
