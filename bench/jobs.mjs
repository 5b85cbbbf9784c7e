// Benchmark of starting a job on the running stack (run on demand: ./datatoken bench jobs, after
// ./datatoken demo s1). Goal (issue): job submitted -> every party's op running <= 2 s p50 locally.
// Each job is carol's (fintech-c) submission of S1's algorithm asset to one task of this run, timed
// from the moment the bench sends the submit:
//   started      the start call returned: submit, authorization and start, three chain transactions
//                through the job service
//   all running  every party's op has begun on its node: the node's run (GET /v1/runs?job=, polled
//                every --poll ms) is RUNNING or SUCCEEDED for each party. A secure-sum run WAITs until
//                the shares arrive, so this is the moment the last op began.
//   done         the job is SUCCEEDED on the job service (every party's receipt on chain)
// Baseline, same run and machine: three plain chain transactions (0-value self-transfers by
// eth_sendTransaction from an anvil dev account no organization uses) sent back to back, each
// receipt awaited the way the service does (asked at once, then after 5 ms doubling up to 100 ms).
// The parties (asset, op, node) are learnt from the first warm-up job, and each job must show the same.
//
// Usage: node bench/jobs.mjs [--count 20] [--concurrency 1] [--warmup 2] [--poll 15] [--timeout 60]
//        [--stack <stack.json>]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Fatal, Platform, log, parseArgs, readStack, reasonOf, run } from '../dev/demo/platform.mjs';
import { demoDt } from '../dev/demo/s1-documents.mjs';
import { RECEIPT_FIRST_PAUSE_MS, RECEIPT_POLL_MS, receiptOf } from './receipts.mjs';

const USAGE = 'usage: ./datatoken bench jobs [--count N (20)] [--concurrency C (1)] [--warmup W (2, at least 1)] '
  + '[--poll <ms between looks at the nodes, 10-20> (15)] [--timeout <seconds per job> (60)]';
const GOAL_MS = 2000;
const TX_PER_JOB = 3;
// As the service's chain adapter (services/shared/chain ChainSettings): receipt polling.
const TRANSFER_GAS = '0x5208';
/** How often the job service is asked whether a job failed while its ops are not all running yet. */
const JOB_CHECK_MS = 500;
/** How often the job service is asked whether a job is done, once every op runs. */
const DONE_POLL_MS = 20;
const ENDED = ['SUCCEEDED', 'FAILED', 'REVOKED'];
const HAS_BEGUN = ['RUNNING', 'SUCCEEDED'];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const short = (hex) => `${hex.slice(0, 10)}…`;
const partyKey = (p) => `${p.dt}/${p.op}`;

/** Nearest-rank percentiles of a list of milliseconds: {p50, p95, max}. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const percentile = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return { p50: percentile(0.5), p95: percentile(0.95), max: sorted[sorted.length - 1] };
}

/**
 * The baseline's sender: the last anvil dev account that acts for no organization and is not the
 * registries' admin, so neither the services nor bench registrations (which claims the first free
 * one) send from it meanwhile. A plain transfer needs no organization, so nothing is registered.
 */
async function plainSender(platform) {
  const { address, callData, contract } = await import('../dev/demo/chain.mjs');
  const organizations = contract(platform.stack, 'OrganizationRegistry');
  const view = async (name, types, args) => platform.rpc('eth_call',
    [{ to: organizations.address, data: callData(organizations.selector(name, types), args) }, 'latest']);
  const admin = `0x${(await view('admin', [], [])).slice(-40)}`;
  const accounts = (await platform.rpc('eth_accounts')).map((a) => a.toLowerCase()).filter((a) => a !== admin);
  let account;
  for (const candidate of accounts.reverse()) {
    if (BigInt(await view('organizationOf', ['address'], [{ static: address(candidate) }])) === 0n) {
      account = candidate;
      break;
    }
  }
  if (!account) throw new Fatal('every anvil dev account acts for an organization; none is left for the baseline');
  const gasPrice = await platform.rpc('eth_gasPrice');
  let nonce = BigInt(await platform.rpc('eth_getTransactionCount', [account, 'pending']));
  return {
    describe: `${account} (no organization), gas price ${BigInt(gasPrice)}`,
    /** Three 0-value self-transfers, each mined before the next is sent: elapsed ms. */
    async threeTransactions() {
      const t0 = performance.now();
      for (let i = 0; i < TX_PER_JOB; i++) {
        const tx = { from: account, to: account, value: '0x0', gas: TRANSFER_GAS, gasPrice, nonce: `0x${(nonce++).toString(16)}` };
        await receiptOf(platform, await platform.rpc('eth_sendTransaction', [tx], { retry: false }));
      }
      return performance.now() - t0;
    },
  };
}

/** Fails clearly unless S1's algorithm is registered and authorized by every party below it. */
async function requireAuthorized(platform, stack, algorithm) {
  const tree = await platform.call('carol', 'GET', `${stack.services}/verifier/api/v1/compositions/${algorithm}/authorizations`,
    { expect: [200, 404] });
  if (tree.status === 404) {
    throw new Fatal(`S1's algorithm asset ${algorithm} is not registered on ${stack.instance}: run ./datatoken demo s1 first`);
  }
  if (!tree.body.active) {
    const blocking = tree.body.blocking.map((e) => `${short(e.child)} (${e.childOwner}): ${e.grant}`
      + `${e.ownerActive ? '' : ', owner suspended'}`).join('; ');
    throw new Fatal(`S1's algorithm asset ${algorithm} is not authorized by every party (${blocking || 'its owner is '
      + 'suspended'}): run ./datatoken demo s1 first`);
  }
  return tree.body.edges.filter((e) => e.grant === 'live').length;
}

/** The job service, as carol (fintech-c) who submits and starts the jobs; a 409 is a Fatal naming its reason. */
function jobService(platform, stack) {
  const url = (path) => `${stack.services}/job/api${path}`;
  const call = async (method, path, expect, body) => {
    const response = await platform.call('carol', method, url(path), { body, expect: [...expect, 409], retry: false });
    if (response.status === 409) {
      const hint = reasonOf(response.body) === 'not-all-authorized' ? ' (run ./datatoken demo s1 first)' : '';
      throw new Fatal(`${method} ${url(path)} answered 409 ${reasonOf(response.body)}: ${response.body.detail}${hint}`);
    }
    return response.body;
  };
  return {
    createTask: async (description) => (await call('POST', '/v1/tasks', [201], { description })).taskId,
    submit: async (taskId, algorithm) => (await call('POST', `/v1/tasks/${taskId}/jobs`, [201], { algorithm })).jobId,
    authorize: (jobId) => call('POST', `/v1/jobs/${jobId}/authorization`, [200]),
    start: (jobId) => call('POST', `/v1/jobs/${jobId}/start`, [200]),
    get: (jobId) => call('GET', `/v1/jobs/${jobId}`, [200]),
  };
}

/** A node's runs of a job (no token: the endpoint is open, as the job service calls it). */
async function runsOn(node, jobId) {
  const response = await fetch(`${node}/v1/runs?job=${jobId}`, { headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Fatal(`GET ${node}/v1/runs?job=${jobId} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function describeFailure(view, runs = []) {
  const parties = (view.parties ?? []).map((p) => `\n    ${p.owner} ${short(p.dt)} ${p.state}: ${p.detail}`).join('');
  const failed = runs.filter((r) => r.state === 'FAILED').map((r) => `\n    node run ${r.opName} on ${short(r.dt)} FAILED: `
    + `${r.detail}`).join('');
  return `job ${view.jobId} ended ${view.state}${view.detail ? `: ${view.detail}` : ''}${parties}${failed}`
    + '\n    (is the data bound on the banks\' nodes? ./datatoken demo s1 binds it)';
}

/**
 * One job, timed from its submit: {started, running, done} in ms after it, plus what the nodes say
 * ({accepted: first and last run opened, finished: last run ended}) and each call's own time.
 * Without `parties` (the first warm-up), only the job service is watched and the parties are returned.
 */
async function timeJob(jobs, platform, taskId, algorithm, parties, { pollMs, timeoutMs }) {
  const t0 = performance.now();
  const wall0 = performance.timeOrigin + t0;
  const since = () => performance.now() - t0;
  const deadline = t0 + timeoutMs;
  const calls = {};
  const timed = async (name, call) => {
    const before = performance.now();
    const value = await call();
    calls[name] = performance.now() - before;
    return value;
  };
  const jobId = await timed('submit', () => jobs.submit(taskId, algorithm));
  await timed('authorize', () => jobs.authorize(jobId));
  await timed('start', () => jobs.start(jobId));
  const started = since();
  const late = (what) => {
    if (performance.now() > deadline) throw new Fatal(`job ${jobId}: ${what} after ${timeoutMs / 1000} s`);
  };

  let running = null;
  const begunAt = new Map();
  if (parties) {
    const nodes = [...new Set(parties.map((p) => p.node))];
    let lastJobCheck = performance.now();
    while (running === null) {
      const look = performance.now();
      const runs = (await Promise.all(nodes.map((node) => runsOn(node, jobId)))).flat();
      const byKey = new Map(runs.map((r) => [partyKey(r), r]));
      const failed = runs.find((r) => r.state === 'FAILED');
      if (failed) throw new Fatal(describeFailure(await jobs.get(jobId), runs));
      for (const p of parties) {
        const seenRun = byKey.get(partyKey(p));
        if (!begunAt.has(partyKey(p)) && HAS_BEGUN.includes(seenRun?.state)) {
          begunAt.set(partyKey(p), { at: since(), opName: seenRun.opName });
        }
      }
      if (begunAt.size === parties.length) {
        running = Math.max(...[...begunAt.values()].map((b) => b.at));
        break;
      }
      // A party refused or unreachable opens no run: the job service tells.
      if (performance.now() - lastJobCheck >= JOB_CHECK_MS) {
        lastJobCheck = performance.now();
        const view = await jobs.get(jobId);
        if (ENDED.includes(view.state)) throw new Fatal(describeFailure(view, runs));
      }
      late(`not every op running (${begunAt.size} of ${parties.length})`);
      await sleep(Math.max(0, pollMs - (performance.now() - look)));
    }
  }

  let view;
  for (;;) {
    const look = performance.now();
    view = await jobs.get(jobId);
    if (ENDED.includes(view.state)) break;
    late(`still ${view.state}`);
    await sleep(Math.max(0, DONE_POLL_MS - (performance.now() - look)));
  }
  const done = since();
  const seen = view.parties ?? [];
  const runs = (await Promise.all([...new Set(seen.map((p) => p.node))].map((node) => runsOn(node, jobId)))).flat();
  if (view.state !== 'SUCCEEDED') throw new Fatal(describeFailure(view, runs));
  if (parties) {
    const expected = parties.map(partyKey).sort().join();
    if (seen.map(partyKey).sort().join() !== expected) {
      throw new Fatal(`job ${jobId} has other parties than the first (${seen.map((p) => `${p.owner} ${short(p.dt)}`).join(', ')}): `
        + 'did the algorithm asset change during the run?');
    }
  }
  // per op name, when the last of its runs was seen begun
  const begun = {};
  for (const { at, opName } of begunAt.values()) begun[opName] = Math.max(begun[opName] ?? 0, at);
  const at = (text) => Date.parse(text) - wall0;
  const opened = runs.map((r) => at(r.startedAt));
  return {
    jobId, started, running, done, calls, begun,
    parties: seen.map(({ dt, op, owner, node }) => ({ dt, op, owner, node })),
    retried: seen.filter((p) => p.attempts > 1).map((p) => `${p.owner} ${short(p.dt)} ${p.attempts} attempts`),
    accepted: { first: Math.min(...opened), last: Math.max(...opened) },
    finished: Math.max(...runs.map((r) => at(r.updatedAt))),
    ops: runs.length,
  };
}

/** Runs `count` jobs on `concurrency` clients; each job's timings, in the order they ended. */
async function measureJobs(count, concurrency, timeJobOnce, onJob) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const index = ++next;
      const result = await timeJobOnce();
      results.push(result);
      onJob(index, result);
    }
  }));
  return results;
}

const ms = (v) => `${v.toFixed(0).padStart(5)} ms`;

function printJob(index, r) {
  log(`    job ${String(index).padStart(3)} ${short(r.jobId)}  started ${ms(r.started)}  all running ${ms(r.running)} `
    + `(+${r.running - r.started < 0 ? 0 : (r.running - r.started).toFixed(0)})  done ${ms(r.done)}   `
    + `[submit ${r.calls.submit.toFixed(0)}, authorize ${r.calls.authorize.toFixed(0)}, start ${r.calls.start.toFixed(0)}; `
    + `nodes opened runs ${r.accepted.first.toFixed(0)}..${r.accepted.last.toFixed(0)}, last op ended ${r.finished.toFixed(0)}]`
    + `${r.retried.length ? `  RETRIED: ${r.retried.join(', ')}` : ''}`);
}

function printStats(label, values) {
  const s = stats(values);
  log(`    ${label.padEnd(40)} p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   max ${ms(s.max)}`);
  return s;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    stack: '', count: '20', concurrency: '1', warmup: '2', poll: '15', timeout: '60', wait: '180',
  }, USAGE);
  const [count, concurrency, warmup, pollMs, timeout] = [args.count, args.concurrency, args.warmup, args.poll, args.timeout]
    .map(Number);
  if (![count, concurrency, warmup, pollMs, timeout].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new Fatal(`--count, --concurrency, --warmup, --poll and --timeout must be positive integers\n${USAGE}`);
  }
  const stack = readStack(args.stack);
  if (!stack.computeNodes) throw new Fatal(`${stack.file} names no compute nodes; restart the stack with this version`);
  const platform = new Platform(stack, { waitSeconds: Number(args.wait) });
  await platform.ensureUp();

  const algorithm = demoDt('C-algorithm');
  const grants = await requireAuthorized(platform, stack, algorithm);
  const jobs = jobService(platform, stack);
  const sender = await plainSender(platform);

  log(`bench: jobs on ${stack.instance}, ${cpus().length} cores, ${count} jobs on ${concurrency} client(s), `
    + `${warmup} warm-up, nodes polled every ${pollMs} ms`);
  log(`    job:      carol (fintech-c) submits S1's algorithm ${short(algorithm)} (${grants} grants live), authorizes `
    + 'and starts it through the job service');
  log(`    baseline: ${TX_PER_JOB} plain transactions back to back via ${stack.chainRpc} eth_sendTransaction from `
    + `${sender.describe}, each receipt awaited (at once, then after ${RECEIPT_FIRST_PAUSE_MS} ms doubling up to `
    + `${RECEIPT_POLL_MS} ms)`);

  const taskId = await jobs.createTask(`bench jobs ${new Date().toISOString()}`);
  log(`    task ${taskId} (one task for every job of this run)`);
  const options = { pollMs, timeoutMs: timeout * 1000 };

  // The first warm-up finds the parties from the job service; the others warm the nodes' polling path too.
  const first = await timeJob(jobs, platform, taskId, algorithm, null, options);
  const parties = first.parties;
  if (parties.length === 0) throw new Fatal(`job ${first.jobId} SUCCEEDED with no parties: nothing to measure`);
  log(`    parties: ${parties.map((p) => `${p.owner} ${short(p.dt)} at ${p.node}`).join(', ')}`);
  await measureJobs(warmup - 1, 1, () => timeJob(jobs, platform, taskId, algorithm, parties, options), () => {});
  for (let i = 0; i < 3; i++) await sender.threeTransactions();

  const baseline = [];
  for (let i = 0; i < count; i++) baseline.push(await sender.threeTransactions());
  log(`jobs (${concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`}):`);
  const results = await measureJobs(count, concurrency,
    () => timeJob(jobs, platform, taskId, algorithm, parties, options), printJob);

  log(`summary over ${count} jobs (ms after the submit was sent):`);
  printStats('submitted -> started', results.map((r) => r.started));
  const running = printStats('submitted -> all running', results.map((r) => r.running));
  printStats('submitted -> done', results.map((r) => r.done));
  printStats('started -> all running', results.map((r) => r.running - r.started));
  log('  where the time goes (node clocks, same machine):');
  printStats('  submit call', results.map((r) => r.calls.submit));
  printStats('  authorization call', results.map((r) => r.calls.authorize));
  printStats('  start call', results.map((r) => r.calls.start));
  printStats('  started -> first node opened a run', results.map((r) => r.accepted.first - r.started));
  printStats('  started -> last node opened a run', results.map((r) => r.accepted.last - r.started));
  for (const opName of Object.keys(results[0].begun).sort((a, b) => results[0].begun[a] - results[0].begun[b])) {
    printStats(`  started -> every ${opName} seen begun`, results.map((r) => r.begun[opName] - r.started));
  }
  printStats('  all running -> last op ended', results.map((r) => r.finished - r.running));
  printStats('  last op ended -> done seen', results.map((r) => r.done - r.finished));
  const base = printStats(`baseline: ${TX_PER_JOB} plain transactions`, baseline);
  log(`    ratio submitted -> all running / baseline (p50) ${(running.p50 / base.p50).toFixed(1)}`);
  log(`    goal p50 <= ${GOAL_MS} ms: ${running.p50 <= GOAL_MS ? 'met' : 'NOT met'} (p50 ${running.p50.toFixed(0)} ms)`);
  const retried = results.filter((r) => r.retried.length > 0).length;
  if (retried > 0) log(`    note: ${retried} job(s) needed more than one request to a node (see RETRIED above)`);
}

run(main);
