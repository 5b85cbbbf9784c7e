// ./datatoken demo s1: scenario S1 of ../shared/design/SCENARIOS.md end to end on the running stack,
// with each organization's compute node a separate process (stack.json's computeNodes).
//   1-3. organizations, ops and the five assets (as `demo assets`), each naming its owner's node
//   4.   each bank binds its private X_i and W_i on its own node; fintech-c binds its labels
//   5.   carol verifies the algorithm against every child's terms
//   6.   carol posts a task and submits the algorithm as a job: it cannot start unauthorized
//   7.   alice and bob authorize it through the verifier (terms checked, grants on chain)
//   8.   the job starts; the job service asks each party's node; shares go bank -> compute nodes,
//        partial sums -> fintech-c's node; every party records its receipt on chain
//   9.   carol reads Z and the model from her node; Z must equal the plaintext X_A W_A + X_B W_B
//        within the fixed-point tolerance, else exit 1.
//
// Usage: node dev/demo/s1.mjs [--stack <stack.json>] [--rows N] [--timeout <seconds>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fatal, Platform, log, parseArgs, readStack, reasonOf, run } from './platform.mjs';
import { setUpS1Assets } from './s1-assets.mjs';

const USAGE = 'usage: ./datatoken demo s1 [--rows <clients, default 200>] [--timeout <seconds for the job, default 120>]';
/** Each party's rounding is at most half a unit of 2^-16, two parties; plus float noise of X W. */
const TOLERANCE = 2 ** -16 + 1e-9;

/** A deterministic generator (mulberry32), so every run uses the same demo data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const matrix = (rows, cols, next, scale = 1) => Array.from({ length: rows },
  () => Array.from({ length: cols }, () => Math.round((next() * 2 - 1) * scale * 1000) / 1000));
const multiply = (x, w) => x.map((row) => w[0].map((_, c) => row.reduce((s, v, k) => s + v * w[k][c], 0)));
const add = (a, b) => a.map((row, r) => row.map((v, c) => v + b[r][c]));
const csv = (m) => `${m.map((row) => row.join(',')).join('\n')}\n`;

/** The banks' private data and the fintech's labels: same clients (rows), different features. */
function demoData(rows) {
  const next = random(20261123);
  const xA = matrix(rows, 3, next, 10);
  const wA = matrix(3, 2, next);
  const xB = matrix(rows, 2, next, 10);
  const wB = matrix(2, 2, next);
  const z = add(multiply(xA, wA), multiply(xB, wB));
  const labels = z.map((row) => [Math.round((0.3 + 0.8 * row[0] - 0.5 * row[1] + (next() - 0.5) * 0.1) * 1000) / 1000]);
  return { xA, wA, xB, wB, z, labels };
}

async function bind(platform, stack, user, org, dt, files) {
  const dir = stack.computeDatasets?.[org];
  if (!dir) throw new Fatal(`stack.json names no datasets directory for ${org}'s compute node`);
  mkdirSync(dir, { recursive: true });
  for (const [name, m] of Object.entries(files)) writeFileSync(join(dir, name), csv(m));
  const [location, weights] = Object.keys(files);
  const response = await platform.call(user, 'POST', `${stack.computeNodes[org]}/v1/datasets`,
    { body: { dt, kind: 'CSV', location, weights }, expect: [201] });
  log(`    ${org.padEnd(10)} ${dt.slice(0, 12)}… ${location}${weights ? ` + private ${weights}` : ''} (bound ${response.body.boundAt})`);
}

async function authorize(platform, stack, user, child, parent, name) {
  const response = await platform.call(user, 'POST', `${stack.services}/verifier/api/v1/authorizations`,
    { body: { child, parent }, expect: [200, 201, 409] });
  if (response.status === 409) {
    throw new Fatal(`${user} could not authorize ${name}: ${reasonOf(response.body)}: ${response.body.detail}`);
  }
  log(`    ${user.padEnd(6)} ${name.padEnd(10)} -> algorithm: ${response.status === 201 ? 'granted on chain' : 'already granted'}`
    + `${response.body.tx ? ` (tx ${response.body.tx})` : ''}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', rows: '200', timeout: '120', wait: '180' }, USAGE);
  const stack = readStack(args.stack);
  if (!stack.computeNodes) throw new Fatal(`${stack.file} names no compute nodes; restart the stack with this version`);
  const platform = new Platform(stack, { waitSeconds: Number(args.wait) });
  log(`demo: scenario S1 on ${stack.instance}`);
  log(`    compute nodes: ${Object.entries(stack.computeNodes).map(([o, u]) => `${o} ${u}`).join(', ')}`);
  await platform.ensureUp();
  const { dt } = await setUpS1Assets(platform, stack);
  const algorithm = dt['C-algorithm'];
  const job = (path) => `${stack.services}/job/api${path}`;

  log('==> 4. private data bound on each owner\'s node (never leaves it)');
  const data = demoData(Number(args.rows));
  await bind(platform, stack, 'alice', 'bank-a', dt['A-data'], { 'x-a.csv': data.xA, 'w-a.csv': data.wA });
  await bind(platform, stack, 'bob', 'bank-b', dt['B-data'], { 'x-b.csv': data.xB, 'w-b.csv': data.wB });
  await bind(platform, stack, 'carol', 'fintech-c', algorithm, { 'labels.csv': data.labels });

  log('==> 5. verification of the algorithm against every child\'s terms (as carol)');
  const report = await platform.call('carol', 'POST', `${stack.services}/verifier/api/v1/verifications`,
    { body: { parent: algorithm }, expect: [200] });
  for (const child of report.body.children) {
    log(`    ${child.child.slice(0, 12)}… ${child.owner.padEnd(10)} ${child.passed ? 'passes' : 'DENIED'}`
      + `${child.denials.map((d) => `\n        ${d.rule}: ${d.reason}`).join('')}`);
  }
  if (!report.body.passed) throw new Fatal('the algorithm does not meet its children\'s terms');

  log('==> 6. task and job (as carol)');
  const task = await platform.call('carol', 'POST', job('/v1/tasks'),
    { body: { description: 'Joint risk features of bank-a and bank-b clients' }, expect: [201] });
  log(`    task ${task.body.taskId ?? task.body.id}`);
  const submitted = await platform.call('carol', 'POST', job(`/v1/tasks/${task.body.taskId ?? task.body.id}/jobs`),
    { body: { algorithm }, expect: [201] });
  const jobId = submitted.body.jobId ?? submitted.body.id;
  log(`    job  ${jobId} ${submitted.body.state}`);
  const early = await platform.call('carol', 'POST', job(`/v1/jobs/${jobId}/authorization`), { expect: [200, 409] });
  if (early.status === 409) {
    log(`    before the banks authorize: refused, ${reasonOf(early.body)}: ${early.body.detail}`);
  } else {
    log('    (already authorized: the grants of an earlier run are still live)');
  }

  log('==> 7. authorizations through the verifier (terms checked first, grants signed by each owner)');
  await authorize(platform, stack, 'alice', dt['A-data'], algorithm, 'A-data');
  await authorize(platform, stack, 'alice', dt['A-compute'], algorithm, 'A-compute');
  await authorize(platform, stack, 'bob', dt['B-data'], algorithm, 'B-data');
  await authorize(platform, stack, 'bob', dt['B-compute'], algorithm, 'B-compute');
  if (early.status === 409) {
    const authorized = await platform.call('carol', 'POST', job(`/v1/jobs/${jobId}/authorization`), { expect: [200] });
    log(`    job ${authorized.body.state}`);
  }

  log('==> 8. run: the job service asks each party\'s node; data moves only between nodes');
  const started = Date.now();
  const running = await platform.call('carol', 'POST', job(`/v1/jobs/${jobId}/start`), { expect: [200] });
  log(`    job ${running.body.state}`);
  let view = running.body;
  const deadline = Date.now() + Number(args.timeout) * 1000;
  const seen = new Map();
  while (!['SUCCEEDED', 'FAILED', 'REVOKED'].includes(view.state)) {
    if (Date.now() > deadline) throw new Fatal(`job ${jobId} still ${view.state} after ${args.timeout} s: ${JSON.stringify(view.parties)}`);
    await new Promise((done) => setTimeout(done, 250));
    view = (await platform.call('carol', 'GET', job(`/v1/jobs/${jobId}`), { expect: [200] })).body;
    for (const p of view.parties ?? []) {
      const line = `${p.state}${p.detail ? ` (${p.detail})` : ''}`;
      if (seen.get(p.dt) !== line) {
        seen.set(p.dt, line);
        log(`    +${((Date.now() - started) / 1000).toFixed(1)} s ${p.owner.padEnd(10)} ${p.dt.slice(0, 12)}… ${line}`);
      }
    }
  }
  log(`    job ${view.state} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (view.state !== 'SUCCEEDED') throw new Fatal(`job ${jobId} ended ${view.state}: ${JSON.stringify(view.parties)}`);
  log('    receipts on chain:');
  for (const p of view.parties) {
    log(`      ${p.owner.padEnd(10)} ${p.dt.slice(0, 12)}… op ${p.op.slice(0, 12)}… result ${p.receipt?.resultHash} by ${p.receipt?.recordedBy}`);
  }
  for (const [org, node] of Object.entries(stack.computeNodes)) {
    const runs = await platform.call('rita', 'GET', `${node}/v1/runs?job=${jobId}`, { expect: [200] });
    for (const r of runs.body) log(`    ${org} node: ${r.opName} on ${r.dt.slice(0, 12)}… ${r.state}: ${r.detail}`);
  }

  log('==> 9. the result, at fintech-c\'s node only');
  const result = await platform.call('carol', 'GET', `${stack.computeNodes['fintech-c']}/v1/results/${jobId}`, { expect: [200] });
  const z = result.body.z;
  let worst = 0;
  z.forEach((row, r) => row.forEach((v, c) => { worst = Math.max(worst, Math.abs(v - data.z[r][c])); }));
  log(`    Z: ${z.length} x ${z[0].length} from ${result.body.parts} partial sums; first row ${JSON.stringify(z[0])}`);
  log(`    plaintext X_A W_A + X_B W_B first row ${JSON.stringify(data.z[0].map((v) => Math.round(v * 1e6) / 1e6))}`);
  log(`    largest difference ${worst.toExponential(3)} (tolerance ${TOLERANCE.toExponential(3)})`);
  if (result.body.model) log(`    model trained by fintech-c on Z: ${JSON.stringify(result.body.model)}`);
  if (!(worst <= TOLERANCE)) throw new Fatal(`Z differs from the plaintext sum by ${worst}, more than ${TOLERANCE}`);
  log('demo: S1 done: Z equals the plaintext sum within the fixed-point tolerance');
}

run(main);
