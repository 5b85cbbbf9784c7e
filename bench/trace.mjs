// Benchmark of lineage queries (run on demand: ./datatoken bench trace; needs the stack's PostgreSQL,
// a JDK, Maven and the tracer built: mvn install -pl services/tracer). Goals (issue 5), one run, one machine:
//   indexed    the tracer's LineageQueries.lineage(dt, DOWN|UP, 10) over a synthetic index of
//              --tokens DTs and --edges edges: p99 <= 20 ms. The index is built in the schema
//              bench_trace of the stack's database (bench/trace-index.sql: the tracer's tables, its
//              keys and indexes; dropped at the end unless --keep yes), and the calls are the service's
//              own class and SQL through Hibernate (bench/trace-queries.java), after --warmup calls.
//              Measured on Q uniformly random DTs each way and, to show the worst case, Q DTs whose walk
//              goes the full depth (top layer down, bottom layer up).
//              Before the calls, the tables and indexes they read are read into the OS page cache
//              (pg_prewarm 'read'; --prewarm no leaves that out): a tracer answering lineage keeps its
//              index in memory, while a freshly built index is partly on disk only (the OS drops idle
//              page cache; on this VM within about a minute), and a read from disk takes ~0.1 ms, so a
//              cold walk times the disk (hundreds of random reads), not the query.
//   2021 way   the prototype's lineage query on a fresh anvil (started here on a free port, stopped at
//              the end) holding --events TokenRegistered events of the same kind of DAG: eth_getLogs
//              from block 0 to the head, decode every log's children, build the graph in memory, walk
//              depth 10 down from a top-layer DT. Its time against the indexed p50: >= 1000x.
// The DAG (the same formula in bench/trace-index.sql and traceModel below) is layered: --layers layers,
// each composition made of ~edges/tokens children from the layer below (the last one from any lower
// layer), neighbours of its own position, so the walk from the top layer goes layers - 1 deep. The
// default, 9 layers, is the deepest DAG the registry accepts: it caps a composition's depth (its
// longest chain of children) at MAX_DEPTH 8, so no walk either way goes beyond 8 levels, and a
// deeper DAG would time walks the chain cannot produce (--layers 12 still measures them). The
// registry also caps a composition's tree at MAX_TREE_SIZE 64 DTs, which the bench does not: its
// downward walks (hundreds of DTs, a thousand edges) are larger than any the chain can produce, so the
// bench errs on the slow side.
//
// Usage: node bench/trace.mjs [--tokens 1000000] [--edges 5000000] [--events 100000] [--queries 1000]
//        [--warmup 200] [--layers 9] [--seed 1] [--prewarm yes|no] [--keep no|yes] [--stack <stack.json>]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Fatal, REPO, log, parseArgs, readStack, run } from '../dev/demo/platform.mjs';
import { bytes32Array, callData, string, uint } from '../dev/demo/chain.mjs';

const USAGE = 'usage: ./datatoken bench trace [--tokens N (1000000)] [--edges M (5000000)] [--events E (100000)] '
  + '[--queries Q (1000)] [--warmup W (200)] [--layers L (9)] [--seed S (1)] [--prewarm yes|no (yes)] '
  + '[--keep (drop the bench schema: no)]';
const DEPTH = 10;
const GOAL_P99_MS = 20;
const GOAL_RATIO = 1000;
/** A job on every J-th composition (bench/trace-index.sql), so that the UP query's job lookup has rows to find. */
const JOBS_EVERY = 10;
const SCHEMA = 'bench_trace';
const EVENTS_PER_TX = 1000;
const TOKEN_REGISTERED = 'TokenRegistered(bytes32,bytes32,uint8,string,bytes32,bytes32[])';
const contractsRequire = createRequire(join(REPO, 'contracts', 'package.json'));

const md5 = (text) => createHash('md5').update(text).digest('hex');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const met = (ok) => (ok ? 'met' : 'NOT met');

/** The DAG of bench/trace-index.sql (keep the two formulas equal): ids, layers and children of token i. */
function traceModel(tokens, edges, layers) {
  const size = Math.floor(tokens / layers);
  const compositions = BigInt(tokens - size);
  const layerOf = (i) => Math.min(Math.floor(i / size), layers - 1);
  return {
    size,
    dtId: (i) => `0x${md5(`dt${i}`)}${md5(`dt-${i}`)}`,
    top: [(layers - 1) * size, tokens],
    bottom: [0, size],
    children(i) {
      if (i < size) return [];
      const k = layerOf(i);
      const count = Number((BigInt(edges) * BigInt(i - size + 1)) / compositions
        - (BigInt(edges) * BigInt(i - size)) / compositions);
      return Array.from({ length: count }, (_, j) => {
        const layer = j === count - 1 && k >= 2 ? Number((BigInt(i) * 2654435761n) % BigInt(k)) : k - 1;
        return layer * size + ((i - k * size + j) % size);
      });
    },
  };
}

/** Deterministic random integers (mulberry32), so that a run with the same --seed asks about the same DTs. */
function randomInts(seed) {
  let state = seed >>> 0;
  return (from, to) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return from + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (to - from));
  };
}

/** Nearest-rank percentiles of a list: {p50, p95, p99, max, mean}. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const percentile = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return { p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), max: sorted.at(-1),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

// ---- the index side -----------------------------------------------------------------------

function database(stack) {
  const url = new URL(stack.postgres);
  const secret = join(stack.instance, 'state', 'secrets', 'db-password');
  if (!existsSync(secret)) throw new Fatal(`${secret} is missing: is ${stack.instance} the running instance?`);
  return { host: '127.0.0.1', port: url.port || '5432', name: url.pathname.slice(1), user: 'datatoken',
    password: readFileSync(secret, 'utf8').trim() };
}

function psql(db, args, options = {}) {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', db.host, '-p', db.port, '-U', db.user,
    '-d', db.name, ...args], { env: { ...process.env, PGPASSWORD: db.password }, encoding: 'utf8', ...options });
  if (result.error) throw new Fatal(`psql could not run (${result.error.message}): install the PostgreSQL client`);
  if (result.status !== 0) throw new Fatal(`psql ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

const scalar = (db, sql) => psql(db, ['-tA', '-c', sql]).trim();

/** Loads bench/trace-index.sql, reporting each step's time from psql's \timing. */
function buildIndex(db, { tokens, edges, layers }) {
  const t0 = performance.now();
  const out = psql(db, ['-v', `tokens=${tokens}`, '-v', `edges=${edges}`, '-v', `layers=${layers}`,
    '-v', `jobs_every=${JOBS_EVERY}`, '-f', join(REPO, 'bench', 'trace-index.sql')]);
  const steps = [];
  for (const line of out.split('\n')) {
    const step = line.match(/^bench_trace: (.*)$/);
    const time = line.match(/^Time: ([\d.]+) ms/);
    if (step) steps.push({ name: step[1], ms: 0 });
    else if (time && steps.length) steps.at(-1).ms += Number(time[1]);
  }
  return { ms: performance.now() - t0, steps };
}

/**
 * Reads every table and index the lineage query reads into the OS page cache (pg_prewarm 'read', not
 * shared_buffers: the stack's are far smaller than the index); the (tx hash, log index) indexes of the
 * projections only serve reorganizations. Returns the MiB read, or null (with the reason logged) if pg_prewarm is unavailable.
 */
function prewarm(db) {
  try {
    psql(db, ['-c', `create extension if not exists pg_prewarm schema ${SCHEMA}`]);
  } catch (e) {
    log(`    WARNING: no pg_prewarm (${e.message.split('\n').find((l) => l.includes('ERROR')) ?? e.message}): `
      + 'timing on whatever the OS keeps cached');
    return null;
  }
  const blocks = scalar(db, `select sum(${SCHEMA}.pg_prewarm(c.oid, 'read')) from pg_class c join pg_namespace n `
    + `on n.oid = c.relnamespace where n.nspname = '${SCHEMA}' and c.relkind in ('r', 'i') and (c.relname not like '%\\_event' or c.relname = 'chain_event')`);
  return (Number(blocks) * 8192) / 2 ** 20;
}

/** The tracer's classes and its test classpath (Hibernate, the PostgreSQL driver), as Maven resolves them. */
function tracerClasspath(dir) {
  const classes = join(REPO, 'services', 'tracer', 'target', 'classes');
  const lineageClass = join(classes, 'io', 'datatoken', 'tracer', 'lineage', 'LineageQueries.class');
  if (!existsSync(lineageClass)) throw new Fatal('the tracer is not built: mvn install -pl services/tracer -DskipTests');
  const source = join(REPO, 'services', 'tracer', 'src', 'main', 'java', 'io', 'datatoken', 'tracer', 'lineage', 'LineageQueries.java');
  const stale = statSync(source).mtimeMs > statSync(lineageClass).mtimeMs;
  const file = join(dir, 'classpath.txt');
  const mvn = spawnSync('mvn', ['-B', '-q', '-o', 'dependency:build-classpath', '-pl', 'services/tracer',
    '-Dmdep.includeScope=test', `-Dmdep.outputFile=${file}`], { cwd: REPO, encoding: 'utf8' });
  if (mvn.status !== 0 || !existsSync(file)) {
    throw new Fatal(`mvn could not resolve the tracer's classpath offline:\n${mvn.stdout}${mvn.stderr}`);
  }
  return { classpath: `${classes}:${readFileSync(file, 'utf8').trim()}`, stale };
}

/** Runs bench/trace-queries.java over the DT list: per-call lines and the slowest calls' plans. */
function timeQueries(db, classpath, dtsFile) {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const url = `jdbc:postgresql://${db.host}:${db.port}/${db.name}?currentSchema=${SCHEMA}`;
  const result = spawnSync(java, ['-cp', classpath, join(REPO, 'bench', 'trace-queries.java'), '--url', url,
    '--user', db.user, '--dts', dtsFile, '--depth', String(DEPTH)],
  { env: { ...process.env, PGPASSWORD: db.password }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Fatal(`bench/trace-queries.java failed:\n${result.stdout.slice(-2000)}${result.stderr}`);
  const calls = [];
  const plans = [];
  for (const line of result.stdout.split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'call') {
      calls.push({ set: f[1], direction: f[2], dt: f[3], ms: Number(f[4]), tokens: Number(f[5]), edges: Number(f[6]),
        jobs: Number(f[7]), truncated: f[8] === 'true' });
    } else if (f[0] === 'plan') {
      plans.push({ set: f[1], direction: f[2], dt: f[3], statement: Number(f[4]), line: f.slice(5).join(' ') });
    }
  }
  return { calls, plans };
}

// ---- the 2021 side --------------------------------------------------------------------------

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function anvilBin() {
  const bin = [join(REPO, 'contracts', 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil'),
    join(REPO, 'contracts', 'node_modules', '.bin', 'anvil')].find(existsSync);
  if (!bin) throw new Fatal('anvil is not installed: run npm ci in contracts/ (or mvn install -pl contracts)');
  return bin;
}

/** A JSON-RPC client of one endpoint; the raw response text too, for the size of what a scan downloads. */
function rpcClient(url) {
  let id = 0;
  return async (method, params = [], { raw = false } = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }) });
    const text = await response.text();
    const body = JSON.parse(text);
    if (body.error) throw new Fatal(`${method}: ${body.error.message}`);
    return raw ? { result: body.result, bytes: text.length } : body.result;
  };
}

async function startAnvil() {
  const port = await freePort();
  const child = spawn(anvilBin(), ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '31337',
    '--hardfork', 'cancun', '--base-fee', '0', '--disable-min-priority-fee', '--gas-limit', '1000000000',
    '--silent'], { stdio: 'ignore' });
  const rpc = rpcClient(`http://127.0.0.1:${port}`);
  for (let attempt = 0; ; attempt++) {
    try {
      await rpc('eth_chainId');
      return { child, port, rpc };
    } catch (e) {
      if (attempt > 100 || child.exitCode !== null) {
        child.kill();
        throw new Fatal(`anvil did not answer on port ${port}: ${e.message}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

function compileEmitter() {
  const solc = contractsRequire('solc');
  const input = { language: 'Solidity',
    sources: { 'trace-emitter.sol': { content: readFileSync(join(REPO, 'bench', 'trace-emitter.sol'), 'utf8') } },
    settings: { evmVersion: 'cancun', optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.methodIdentifiers'] } } } };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Fatal(`bench/trace-emitter.sol: ${errors.map((e) => e.formattedMessage).join('\n')}`);
  const { evm } = output.contracts['trace-emitter.sol'].TraceEmitter;
  return { bytecode: `0x${evm.bytecode.object}`, selector: `0x${Object.values(evm.methodIdentifiers)[0]}` };
}

async function receipt(rpc, hash) {
  for (;;) {
    const found = await rpc('eth_getTransactionReceipt', [hash]);
    if (found) {
      if (found.status !== '0x1') throw new Fatal(`transaction ${hash} reverted`);
      return found;
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Emits the model's registrations, children before parents, EVENTS_PER_TX to a transaction. */
async function emitEvents(rpc, model, events) {
  const { bytecode, selector } = compileEmitter();
  const [from] = await rpc('eth_accounts');
  const [gas, gasPrice] = [`0x${(900_000_000).toString(16)}`, await rpc('eth_gasPrice')];
  const deployed = await receipt(rpc, await rpc('eth_sendTransaction', [{ from, data: bytecode, gas, gasPrice }]));
  const owner = (i) => `0x${Buffer.from(`org-${i % 50}`).toString('hex').padEnd(64, '0')}`;
  // ipfs:// and a CIDv1 of the DDO's length (59 base32 characters): the storage path the registry stores.
  const path = (i) => `ipfs://bafkrei${md5(`cid${i}`)}${md5(`cid-${i}`)}`.slice(0, 66);
  let nonce = Number(await rpc('eth_getTransactionCount', [from, 'pending']));
  const hashes = [];
  for (let start = 0; start < events; start += EVENTS_PER_TX) {
    const ids = Array.from({ length: Math.min(EVENTS_PER_TX, events - start) }, (_, k) => start + k);
    const children = ids.map((i) => model.children(i).map(model.dtId));
    const data = callData(selector, [bytes32Array(ids.map(model.dtId)), bytes32Array(ids.map(owner)),
      string(ids.map(path).join('')), { static: uint(66) }, bytes32Array(children.flat()),
      { dynamic: uint(ids.length) + children.map((c) => uint(c.length)).join('') }]);
    hashes.push(await rpc('eth_sendTransaction', [{ from, to: deployed.contractAddress, data, gas, gasPrice,
      nonce: `0x${(nonce++).toString(16)}` }]));
  }
  for (const hash of hashes) await receipt(rpc, hash);
  return { address: deployed.contractAddress, transactions: hashes.length, head: Number(await rpc('eth_blockNumber')) };
}

/**
 * The prototype's lineage query: every TokenRegistered log from block 0 to the head, the children
 * decoded from each log's data (kind, storagePath offset, proof, children offset, ...), the graph
 * built both ways, then the walk down to DEPTH, each DT at its shortest level (as the index's walk).
 */
async function lineageThe2021Way(rpc, address, dt) {
  const { keccak256 } = contractsRequire('js-sha3');
  const t0 = performance.now();
  const { result: logs, bytes } = await rpc('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address,
    topics: [`0x${keccak256(TOKEN_REGISTERED)}`] }], { raw: true });
  const t1 = performance.now();
  const childrenOf = new Map();
  const parentsOf = new Map();
  for (const entry of logs) {
    const parent = entry.topics[1];
    const data = entry.data.slice(2);
    const offset = Number.parseInt(data.slice(192, 256), 16) * 2;
    const count = Number.parseInt(data.slice(offset, offset + 64), 16);
    const children = Array.from({ length: count }, (_, k) => `0x${data.slice(offset + 64 + k * 64, offset + 128 + k * 64)}`);
    childrenOf.set(parent, children);
    for (const child of children) {
      if (!parentsOf.has(child)) parentsOf.set(child, []);
      parentsOf.get(child).push(parent);
    }
  }
  const t2 = performance.now();
  const level = new Map([[dt, 0]]);
  let frontier = [dt];
  let edges = 0;
  for (let depth = 1; depth <= DEPTH && frontier.length; depth++) {
    const next = [];
    for (const node of frontier) {
      for (const child of childrenOf.get(node) ?? []) {
        edges++;
        if (!level.has(child)) {
          level.set(child, depth);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  const t3 = performance.now();
  return { ms: t3 - t0, fetchMs: t1 - t0, buildMs: t2 - t1, walkMs: t3 - t2, logs: logs.length, bytes,
    reached: level.size - 1, edges };
}

// ---- the run --------------------------------------------------------------------------------

function positiveInteger(args, name, min = 1) {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) throw new Fatal(`--${name} must be an integer >= ${min}\n${USAGE}`);
  return value;
}

async function main() {
  const argv = process.argv.slice(2);
  const keepFlag = argv.indexOf('--keep');
  if (keepFlag >= 0 && !['yes', 'no'].includes(argv[keepFlag + 1])) argv.splice(keepFlag + 1, 0, 'yes');
  const args = parseArgs(argv, { stack: '', tokens: '1000000', edges: '5000000', events: '100000', queries: '1000',
    warmup: '200', layers: '9', seed: '1', prewarm: 'yes', keep: 'no' }, USAGE);
  const [tokens, edges, events, queries, layers, seed] = ['tokens', 'edges', 'events', 'queries', 'layers', 'seed']
    .map((name) => positiveInteger(args, name));
  const warmup = positiveInteger(args, 'warmup', 0);
  if (!['yes', 'no'].includes(args.prewarm)) throw new Fatal(`--prewarm must be yes or no\n${USAGE}`);
  if (layers < 2 || tokens < layers * 2 || edges < tokens - Math.floor(tokens / layers)) {
    throw new Fatal('need --layers >= 2, --tokens >= 2 x layers and at least one edge per composition '
      + `(--edges >= tokens - tokens / layers = ${tokens - Math.floor(tokens / layers)})`);
  }
  const stack = readStack(args.stack);
  const db = database(stack);
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'datatoken-bench-trace-'));
  log(`bench: trace on ${stack.instance}, ${cpus().length} cores, depth ${DEPTH}`);

  let anvil;
  try {
    const { classpath, stale } = tracerClasspath(work);
    if (stale) log('    WARNING: LineageQueries.java is newer than its class: rebuild (mvn install -pl services/tracer) to time it');

    log(`index: ${tokens} DTs, ${edges} edges, ${layers} layers, in schema ${SCHEMA} of ${stack.postgres}`);
    const load = buildIndex(db, { tokens, edges, layers });
    for (const step of load.steps) log(`    ${step.name.padEnd(20)} ${seconds(step.ms).padStart(8)}`);
    const disk = scalar(db, `select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c join pg_namespace n `
      + `on n.oid = c.relnamespace where n.nspname = '${SCHEMA}' and c.relkind = 'r'`);
    const counts = scalar(db, `select (select count(*) from ${SCHEMA}.token) || ' tokens, ' || (select count(*) from `
      + `${SCHEMA}.lineage_edge) || ' edges, ' || (select count(*) from ${SCHEMA}.grant_change) || ' grants, ' || `
      + `(select count(*) from ${SCHEMA}.job) || ' jobs, ' || (select count(*) from ${SCHEMA}.job_state_change) || ' job states'`);
    log(`    built in ${seconds(load.ms)}: ${counts}; ${disk} on disk with indexes`);

    // The model and the index must be one DAG: the DTs asked about are chosen from the model.
    const model = traceModel(tokens, edges, layers);
    const probe = model.top[0];
    const indexed = scalar(db, `select string_agg(child, ',' order by child) from ${SCHEMA}.lineage_edge where parent = '${model.dtId(probe)}'`);
    if (indexed !== model.children(probe).map(model.dtId).sort().join(',')) {
      throw new Fatal('bench/trace-index.sql and traceModel in bench/trace.mjs build different DAGs: keep their formulas equal');
    }

    const random = randomInts(seed);
    const pick = ([from, to], n) => Array.from({ length: n }, () => model.dtId(random(from, to)));
    const lines = [];
    const add = (set, direction, dts) => dts.forEach((dt) => lines.push(`${set} ${direction} ${dt}`));
    add('warmup', 'down', pick([0, tokens], warmup));
    add('warmup', 'up', pick([0, tokens], warmup));
    // Interleaved, so that neither direction runs on caches the other warmed.
    for (let k = 0; k < queries; k++) {
      add('random', 'down', pick([0, tokens], 1));
      add('random', 'up', pick([0, tokens], 1));
    }
    add('full-depth', 'down', pick(model.top, queries));
    add('full-depth', 'up', pick(model.bottom, queries));
    const dtsFile = join(work, 'dts.txt');
    writeFileSync(dtsFile, `${lines.join('\n')}\n`);

    if (args.prewarm === 'yes') {
      const t1 = performance.now();
      const mib = prewarm(db);
      if (mib !== null) log(`    prewarm: ${mib.toFixed(0)} MiB of tables and indexes read into the OS page cache in ${seconds(performance.now() - t1)}`);
    }
    log(`indexed: LineageQueries.lineage(dt, direction, ${DEPTH}) through Hibernate, one transaction each, `
      + `${warmup} warm-up calls each way, then ${queries} per line`);
    const t0 = performance.now();
    const { calls, plans } = timeQueries(db, classpath, dtsFile);
    log(`    ${calls.length} calls in ${seconds(performance.now() - t0)} (with the JVM's start)`);
    const results = {};
    for (const set of ['random', 'full-depth']) {
      for (const direction of ['DOWN', 'UP']) {
        const mine = calls.filter((c) => c.set === set && c.direction === direction);
        const ms = stats(mine.map((c) => c.ms));
        const reached = stats(mine.map((c) => c.tokens));
        const walked = stats(mine.map((c) => c.edges));
        const jobs = stats(mine.map((c) => c.jobs));
        results[`${set} ${direction}`] = ms;
        const goal = set === 'random' ? `  goal p99 <= ${GOAL_P99_MS} ms: ${met(ms.p99 <= GOAL_P99_MS)}` : '';
        log(`    ${`${set} ${direction.toLowerCase()}`.padEnd(16)} p50 ${ms.p50.toFixed(2).padStart(7)}  p95 `
          + `${ms.p95.toFixed(2).padStart(7)}  p99 ${ms.p99.toFixed(2).padStart(7)}  max ${ms.max.toFixed(2).padStart(7)} ms${goal}`);
        log(`    ${''.padEnd(16)} rows: DTs reached mean ${reached.mean.toFixed(0)} max ${reached.max}, edges mean `
          + `${walked.mean.toFixed(0)} max ${walked.max}${direction === 'UP' ? `, jobs mean ${jobs.mean.toFixed(1)} max ${jobs.max}` : ''}, `
          + `truncated at depth ${DEPTH}: ${mine.filter((c) => c.truncated).length} of ${mine.length}`);
      }
    }
    const plansFile = join(tmpdir(), 'datatoken-bench-trace-plans.txt');
    writeFileSync(plansFile, plans.map((p) => `${p.set} ${p.direction} ${p.dt} #${p.statement}  ${p.line}`).join('\n'));
    log(`    the slowest call of each line, EXPLAIN (ANALYZE, BUFFERS) of its statements (${plansFile}):`);
    for (const key of Object.keys(results)) {
      const [set, direction] = key.split(' ');
      const mine = plans.filter((p) => p.set === set && p.direction === direction);
      const times = [...new Set(mine.map((p) => p.statement))].map((n) => {
        const execution = mine.find((p) => p.statement === n && p.line.startsWith('Execution Time'));
        return `#${n} ${execution ? execution.line.replace(/^Execution Time: ([\d.]+) ms$/, '$1') : '?'}`;
      });
      log(`    ${`${set} ${direction.toLowerCase()}`.padEnd(16)} ${mine[0]?.dt.slice(0, 12) ?? ''}… ms by statement: ${times.join(', ')}`);
    }

    log(`2021 way: ${events} TokenRegistered events on a fresh anvil, eth_getLogs from block 0 to the head, decode, `
      + `graph in memory, walk depth ${DEPTH}`);
    anvil = await startAnvil();
    const chainModel = traceModel(events, Math.round((events * edges) / tokens), layers);
    const t2 = performance.now();
    const chain = await emitEvents(anvil.rpc, chainModel, events);
    log(`    anvil on port ${anvil.port}: ${events} events in ${chain.transactions} transactions (head block ${chain.head}), `
      + `written in ${seconds(performance.now() - t2)}`);
    const scan = await lineageThe2021Way(anvil.rpc, chain.address, chainModel.dtId(chainModel.top[0]));
    if (scan.logs !== events) throw new Fatal(`eth_getLogs returned ${scan.logs} logs, not ${events}`);
    log(`    one query: ${scan.ms.toFixed(0)} ms (eth_getLogs ${scan.fetchMs.toFixed(0)} ms for ${scan.logs} logs, `
      + `${(scan.bytes / 2 ** 20).toFixed(0)} MiB of JSON; decode and graph ${scan.buildMs.toFixed(0)} ms; `
      + `walk ${scan.walkMs.toFixed(1)} ms: ${scan.reached} DTs, ${scan.edges} edges)`);

    const indexedP50 = Math.max(results['random DOWN'].p50, results['random UP'].p50);
    const ratio = scan.ms / indexedP50;
    const p99 = Math.max(results['random DOWN'].p99, results['random UP'].p99);
    log('result:');
    log(`    indexed lineage at depth ${DEPTH}, ${tokens} DTs / ${edges} edges: p99 ${p99.toFixed(2)} ms `
      + `(goal <= ${GOAL_P99_MS} ms: ${met(p99 <= GOAL_P99_MS)})`);
    log(`    2021 way on ${events} events ${scan.ms.toFixed(0)} ms / indexed p50 ${indexedP50.toFixed(2)} ms = ${ratio.toFixed(0)}x `
      + `(goal >= ${GOAL_RATIO}x: ${met(ratio >= GOAL_RATIO)})`);
    log(`    run took ${seconds(performance.now() - started)}; the bench schema used ${disk}`
      + `${args.keep === 'yes' ? ` (kept: drop schema ${SCHEMA} cascade)` : ' (dropped)'}`);
  } finally {
    if (anvil) anvil.child.kill('SIGTERM');
    if (args.keep !== 'yes') {
      try {
        psql(db, ['-c', `drop schema if exists ${SCHEMA} cascade`]);
      } catch (e) {
        process.stderr.write(`WARNING: could not drop schema ${SCHEMA}: ${e.message}\n`);
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
}

run(main);
