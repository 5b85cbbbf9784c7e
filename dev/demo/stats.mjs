// ./datatoken demo stats: statistics over two banks' columns that neither bank reveals, on the running
// stack, two ways. bank-a and bank-b each hold a column of their clients' monthly incomes (in
// thousands). By secret sharing, fintech-c learns the count, sum, mean and variance over both banks'
// rows; by Paillier outsourcing, vendor-a learns their count, sum and mean, while bank-a's compute node
// adds ciphertexts it cannot read. Nobody learns a bank's own figures or a row.
//   1-3. organizations, the ops stats-share and stats-sum (JVM op packages built by the privacy
//        module), each bank's data and compute assets and fintech-c's algorithm over the four
//   4.   each bank binds its column on its own node
//   5-8. carol verifies, submits the job, both banks authorize, the job runs: each bank's node splits
//        its column's moments into one share per compute node, each compute node adds the shares it
//        holds, fintech-c's node combines the partial sums
//   9.   carol reads the statistics from her node; they must equal the plaintext ones within the
//        fixed-point tolerance, else exit 1
//  10.   the same columns by Paillier: vendor-a's node makes a key pair, each bank's node encrypts its
//        column under the public key, bank-a's compute node adds the ciphertexts, vendor-a's node
//        decrypts the sum; victor reads it, and it must equal the plaintext sum, else exit 1
//
// Usage: node dev/demo/stats.mjs [--stack <stack.json>] [--timeout <seconds>]
import { Fatal, log, parseArgs, run, seededRandom } from './platform.mjs';
import { DEMO_EXPIRY, demoDt } from './s1-documents.mjs';
import {
  authorize, bindFile, openStack, printRuns, publishJvmOps, registerAsset, registerDemoOrganizations, resultAt,
  runJob, submitJob, verify,
} from './steps.mjs';

const USAGE = 'usage: ./datatoken demo stats [--timeout <seconds for the job, default 180>]';
const OP_VERSION = '1.0.0';
const PURPOSE = 'joint income statistics of bank-a and bank-b clients: count, mean and variance only';
const CONSUMERS = ['fintech-c', 'vendor-a'];
/** Each value is rounded to 2^-16 once; the sum of squares and the variance carry that rounding squared. */
const TOLERANCE = { mean: 2 ** -16, variance: 1e-3 };

/** Deterministic incomes (thousands a month, 3 decimals): a fixed seed, so every run checks the same numbers. */
export function demoIncomes() {
  const next = seededRandom(20261124);
  const column = (n, base, spread) => Array.from({ length: n }, () => Math.round((base + next() * spread) * 1000) / 1000);
  return { bankA: column(300, 1.8, 4.5), bankB: column(250, 2.4, 6.0) };
}

export function plaintextStatistics(values) {
  const count = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / count;
  const populationVariance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / count;
  return { count, mean, populationVariance, sampleVariance: populationVariance * count / (count - 1) };
}

function terms(...ops) {
  return { allowedOps: Object.fromEntries(ops.map((op) => [op, {}])), consumerOrganizations: CONSUMERS, purpose: PURPOSE,
    expiresAt: DEMO_EXPIRY, maxUses: 10 };
}

async function setUpAssets(platform, stack) {
  const node = (org) => stack.computeNodes?.[org];
  log('==> 1. organizations on chain (as admin)');
  await registerDemoOrganizations(platform);

  const ops = await publishJvmOps(platform, OP_VERSION, ['stats-share', 'stats-sum', 'paillier-keyholder', 'paillier-encrypt', 'paillier-sum']);
  const share = ops['stats-share'];
  const sum = ops['stats-sum'];
  const encrypt = ops['paillier-encrypt'];

  log('==> 3. assets (alice for bank-a, bob for bank-b, carol for fintech-c)');
  const names = ['ST-A-incomes', 'ST-B-incomes', 'ST-A-compute', 'ST-B-compute', 'ST-statistics',
    'PA-keyholder', 'PA-adder', 'PA-mean'];
  const dt = Object.fromEntries(names.map((n) => [n, demoDt(n)]));
  const data = (owner, name, title) => ({
    dt: dt[name], kind: 'DATA', owner, title,
    description: `${owner}'s clients' monthly incomes in thousands, one per line; only additive shares of moments leave it.`,
    services: [{ type: 'compute-to-data', endpoint: node(owner), supportedOps: [share, encrypt],
      terms: { ...terms(share, encrypt), minParties: 2 } }],
  });
  const compute = (owner, name) => ({
    dt: dt[name], kind: 'COMPUTE', owner, title: `${owner} statistics node`,
    description: `${owner}'s compute node: adds one share of each party's moments.`,
    services: [{ type: 'compute-node', endpoint: node(owner), supportedOps: [sum], terms: terms(sum) }],
  });
  const single = (owner, name, op, title, description) => ({
    dt: dt[name], kind: 'COMPUTE', owner, title, description,
    services: [{ type: 'compute-node', endpoint: node(owner), supportedOps: [op], terms: terms(op) }],
  });
  await registerAsset(platform, 'alice', 'ST-A-incomes', data('bank-a', 'ST-A-incomes', 'Bank A client incomes'));
  await registerAsset(platform, 'bob', 'ST-B-incomes', data('bank-b', 'ST-B-incomes', 'Bank B client incomes'));
  await registerAsset(platform, 'alice', 'ST-A-compute', compute('bank-a', 'ST-A-compute'));
  await registerAsset(platform, 'bob', 'ST-B-compute', compute('bank-b', 'ST-B-compute'));
  const children = ['ST-A-incomes', 'ST-B-incomes', 'ST-A-compute', 'ST-B-compute'].map((n) => dt[n]);
  await registerAsset(platform, 'carol', 'ST-statistics', {
    dt: dt['ST-statistics'], kind: 'ALGORITHM', owner: 'fintech-c', title: 'Income statistics over bank-a and bank-b',
    description: 'Count, sum, mean and variance of both banks\' income columns by additive secret sharing.',
    services: [{
      type: 'joint-statistics',
      endpoint: node('fintech-c'),
      childDts: children,
      supportedOps: [share, sum],
      workflow: {
        setOps: { [children[0]]: share, [children[1]]: share, [children[2]]: sum, [children[3]]: sum },
        configs: { column: '0', scale_bits: '16', value_bits: '20', recipient: 'fintech-c' },
      },
      terms: { purpose: PURPOSE },
    }],
  });
  await registerAsset(platform, 'victor', 'PA-keyholder', single('vendor-a', 'PA-keyholder', ops['paillier-keyholder'],
    'Vendor A Paillier key holder', 'vendor-a\'s node: makes the key pair, keeps the private key, decrypts aggregates only.'));
  await registerAsset(platform, 'alice', 'PA-adder', single('bank-a', 'PA-adder', ops['paillier-sum'],
    'Bank A encrypted adder', 'bank-a\'s node: adds ciphertexts under another party\'s key, which it cannot read.'));
  const paillier = [dt['ST-A-incomes'], dt['ST-B-incomes'], dt['PA-adder'], dt['PA-keyholder']];
  await registerAsset(platform, 'victor', 'PA-mean', {
    dt: dt['PA-mean'], kind: 'ALGORITHM', owner: 'vendor-a', title: 'Mean income over bank-a and bank-b, by Paillier',
    description: 'Each bank encrypts its column under vendor-a\'s Paillier key, bank-a\'s node adds the ciphertexts, '
      + 'vendor-a decrypts the sum and count only.',
    services: [{
      type: 'encrypted-aggregate',
      endpoint: node('vendor-a'),
      childDts: paillier,
      supportedOps: [encrypt, ops['paillier-sum'], ops['paillier-keyholder']],
      workflow: {
        setOps: { [paillier[0]]: encrypt, [paillier[1]]: encrypt, [paillier[2]]: ops['paillier-sum'],
          [paillier[3]]: ops['paillier-keyholder'] },
        configs: { column: '0', modulus_bits: '2048', recipient: 'vendor-a' },
      },
      terms: { purpose: PURPOSE },
    }],
  });
  return dt;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', timeout: '180', wait: '180' }, USAGE);
  const { stack, platform } = await openStack(args, 'joint statistics', ['bank-a', 'bank-b', 'fintech-c', 'vendor-a']);
  const dt = await setUpAssets(platform, stack);
  const algorithm = dt['ST-statistics'];
  const incomes = demoIncomes();

  log('==> 4. each bank\'s column bound on its own node');
  await bindFile(platform, stack, 'alice', 'bank-a', dt['ST-A-incomes'], { file: 'st-incomes-a.csv', kind: 'CSV',
    text: `income_k\n${incomes.bankA.join('\n')}\n`, what: `${incomes.bankA.length} incomes` });
  await bindFile(platform, stack, 'bob', 'bank-b', dt['ST-B-incomes'], { file: 'st-incomes-b.csv', kind: 'CSV',
    text: `income_k\n${incomes.bankB.join('\n')}\n`, what: `${incomes.bankB.length} incomes` });

  log('==> 5. verification (as carol)');
  await verify(platform, stack, 'carol', algorithm);
  log('==> 6. task and job (as carol)');
  const submitted = await submitJob(platform, stack, 'carol', algorithm, 'Income statistics of bank-a and bank-b clients');
  log('==> 7. authorizations through the verifier');
  for (const [user, name] of [['alice', 'ST-A-incomes'], ['alice', 'ST-A-compute'], ['bob', 'ST-B-incomes'], ['bob', 'ST-B-compute']]) {
    await authorize(platform, stack, user, dt[name], algorithm, name);
  }
  log('==> 8. run: moment shares bank -> compute nodes, partial sums -> fintech-c\'s node');
  await runJob(platform, stack, 'carol', submitted, args.timeout);
  await printRuns(platform, stack, 'rita', submitted.jobId, ['bank-a', 'bank-b']);

  log('==> 9. the statistics, at fintech-c\'s node only');
  const expected = plaintextStatistics([...incomes.bankA, ...incomes.bankB]);
  const got = (await resultAt(platform, stack, 'carol', 'fintech-c', submitted.jobId)).outcome;
  log(`    joint: ${JSON.stringify(got)}`);
  log(`    plaintext: ${JSON.stringify(expected)}`);
  const off = {
    mean: Math.abs(got.mean - expected.mean),
    variance: Math.abs(got.sampleVariance - expected.sampleVariance),
  };
  log(`    differences: mean ${off.mean.toExponential(2)} (tolerance ${TOLERANCE.mean.toExponential(2)}), `
    + `sample variance ${off.variance.toExponential(2)} (tolerance ${TOLERANCE.variance.toExponential(2)})`);
  if (got.count !== expected.count || !(off.mean <= TOLERANCE.mean) || !(off.variance <= TOLERANCE.variance)) {
    throw new Fatal('the joint statistics differ from the plaintext ones beyond the tolerance');
  }

  log('==> 10. the same columns by Paillier outsourcing, for vendor-a (as victor)');
  const mean = dt['PA-mean'];
  await verify(platform, stack, 'victor', mean);
  const encrypted = await submitJob(platform, stack, 'victor', mean, 'Mean income of bank-a and bank-b clients, by Paillier');
  for (const [user, name] of [['alice', 'ST-A-incomes'], ['bob', 'ST-B-incomes'], ['alice', 'PA-adder'], ['victor', 'PA-keyholder']]) {
    await authorize(platform, stack, user, dt[name], mean, name);
  }
  await runJob(platform, stack, 'victor', encrypted, args.timeout);
  await printRuns(platform, stack, 'rita', encrypted.jobId, ['bank-a', 'bank-b', 'vendor-a']);
  const aggregate = (await resultAt(platform, stack, 'victor', 'vendor-a', encrypted.jobId)).outcome;
  const plainSum = [...incomes.bankA, ...incomes.bankB].reduce((s, v) => s + v, 0);
  log(`    vendor-a decrypted: count ${aggregate.count}, sum ${aggregate.sum}, mean ${aggregate.mean}`);
  log(`    plaintext: count ${expected.count}, sum ${plainSum.toFixed(6)}, mean ${expected.mean}`);
  if (aggregate.count !== expected.count || !(Math.abs(Number(aggregate.sum) - plainSum) <= 1e-6 * expected.count)) {
    throw new Fatal('the Paillier aggregate differs from the plaintext sum');
  }
  log('demo: statistics done: both ways equal the plaintext ones within their tolerance');
}

run(main);
