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
import { Fatal, log, parseArgs, run, seededRandom } from './platform.mjs';
import { setUpS1Assets } from './s1-assets.mjs';
import { authorize, openStack, printRuns, runJob, submitJob, verify } from './steps.mjs';

const USAGE = 'usage: ./datatoken demo s1 [--rows <clients, default 200>] [--timeout <seconds for the job, default 120>]';
/** Each party's rounding is at most half a unit of 2^-16, two parties; plus float noise of X W. */
const TOLERANCE = 2 ** -16 + 1e-9;

const matrix = (rows, cols, next, scale = 1) => Array.from({ length: rows },
  () => Array.from({ length: cols }, () => Math.round((next() * 2 - 1) * scale * 1000) / 1000));
const multiply = (x, w) => x.map((row) => w[0].map((_, c) => row.reduce((s, v, k) => s + v * w[k][c], 0)));
const add = (a, b) => a.map((row, r) => row.map((v, c) => v + b[r][c]));
const csv = (m) => `${m.map((row) => row.join(',')).join('\n')}\n`;

/** The banks' private data and the fintech's labels: same clients (rows), different features. */
function demoData(rows) {
  const next = seededRandom(20261123);
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

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', rows: '200', timeout: '120', wait: '180' }, USAGE);
  const { stack, platform } = await openStack(args, 'scenario S1', ['bank-a', 'bank-b', 'fintech-c']);
  log(`    compute nodes: ${Object.entries(stack.computeNodes).map(([o, u]) => `${o} ${u}`).join(', ')}`);
  const { dt } = await setUpS1Assets(platform, stack);
  const algorithm = dt['C-algorithm'];

  log('==> 4. private data bound on each owner\'s node (never leaves it)');
  const data = demoData(Number(args.rows));
  await bind(platform, stack, 'alice', 'bank-a', dt['A-data'], { 'x-a.csv': data.xA, 'w-a.csv': data.wA });
  await bind(platform, stack, 'bob', 'bank-b', dt['B-data'], { 'x-b.csv': data.xB, 'w-b.csv': data.wB });
  await bind(platform, stack, 'carol', 'fintech-c', algorithm, { 'labels.csv': data.labels });

  log('==> 5. verification of the algorithm against every child\'s terms (as carol)');
  await verify(platform, stack, 'carol', algorithm);

  log('==> 6. task and job (as carol)');
  const submitted = await submitJob(platform, stack, 'carol', algorithm, 'Joint risk features of bank-a and bank-b clients');
  const { jobId } = submitted;

  log('==> 7. authorizations through the verifier (terms checked first, grants signed by each owner)');
  await authorize(platform, stack, 'alice', dt['A-data'], algorithm, 'A-data');
  await authorize(platform, stack, 'alice', dt['A-compute'], algorithm, 'A-compute');
  await authorize(platform, stack, 'bob', dt['B-data'], algorithm, 'B-data');
  await authorize(platform, stack, 'bob', dt['B-compute'], algorithm, 'B-compute');

  log('==> 8. run: the job service asks each party\'s node; data moves only between nodes');
  await runJob(platform, stack, 'carol', submitted, args.timeout);
  await printRuns(platform, stack, 'rita', jobId, Object.keys(stack.computeNodes));

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
