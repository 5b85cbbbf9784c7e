// ./datatoken demo fl: federated learning with secure aggregation across organizations' compute
// nodes on the running stack — the node side of scenario S2, with organizations as the devices.
// bank-a, bank-b and vendor-a each hold labelled rows that never leave their node; fintech-c gets a
// logistic-regression model trained on all of them; vendor-a's node averages the devices' updates
// under pairwise masks, so it sees only their sum.
//   1-3. organizations, the ops edge-train and fed-avg (JVM op packages built by the privacy module),
//        each device's data asset, vendor-a's aggregator and fintech-c's algorithm over the four
//   4.   each device binds its rows on its own node; fintech-c binds a labelled test set
//   5-8. carol verifies, submits the job, every owner authorizes, the job runs: per round the
//        aggregator opens, the devices advertise keys, share seeds, train and mask, unmask the sum
//   9.   carol reads the model and its test accuracy from her node; it must be within 1 point of a
//        model trained centrally on the same rows (computed here), else exit 1
//
// Usage: node dev/demo/fl.mjs [--stack <stack.json>] [--rounds N] [--timeout <seconds>]
import { Fatal, log, parseArgs, run } from './platform.mjs';
import {
  FEATURES, TOLERANCE, accuracy, centralModel, csv, demoRows, withinTolerance,
} from './fl-data.mjs';
import { DEMO_EXPIRY, demoDt } from './s1-documents.mjs';
import {
  authorize, bindFile, openStack, printRuns, publishJvmOps, registerAsset, registerDemoOrganizations, resultAt,
  runJob, submitJob, verify,
} from './steps.mjs';

const USAGE = 'usage: ./datatoken demo fl [--rounds <training rounds, default 5>] [--timeout <seconds for the job, default 300>]';
const OP_VERSION = '1.0.0';
const PURPOSE = 'federated training of a risk model for fintech-c: masked model updates only';
const DEVICES = [['alice', 'bank-a', 'FL-A-rows'], ['bob', 'bank-b', 'FL-B-rows'], ['victor', 'vendor-a', 'FL-V-rows']];
async function setUpAssets(platform, stack, rounds) {
  const node = (org) => stack.computeNodes?.[org];
  log('==> 1. organizations on chain (as admin)');
  await registerDemoOrganizations(platform);

  const ops = await publishJvmOps(platform, OP_VERSION, ['edge-train', 'fed-avg']);
  const terms = (op) => ({ allowedOps: { [op]: {} }, consumerOrganizations: ['fintech-c'], purpose: PURPOSE,
    expiresAt: DEMO_EXPIRY, maxUses: 10 });

  log('==> 3. assets: each device\'s rows, vendor-a\'s aggregator, fintech-c\'s algorithm');
  const dt = Object.fromEntries([...DEVICES.map((d) => d[2]), 'FL-aggregator', `FL-model-r${rounds}`]
    .map((n) => [n, demoDt(n)]));
  for (const [user, owner, name] of DEVICES) {
    await registerAsset(platform, user, name, {
      dt: dt[name], kind: 'DATA', owner, title: `${owner} labelled risk rows`,
      description: `${owner}'s labelled rows (4 features, a 0/1 label); only masked model updates leave its node.`,
      services: [{ type: 'compute-to-data', endpoint: node(owner), supportedOps: [ops['edge-train']],
        terms: { ...terms(ops['edge-train']), minParties: 3 } }],
    });
  }
  await registerAsset(platform, 'victor', 'FL-aggregator', {
    dt: dt['FL-aggregator'], kind: 'COMPUTE', owner: 'vendor-a', title: 'Vendor A secure aggregator',
    description: 'Averages the devices\' masked updates; sees their sum only.',
    services: [{ type: 'compute-node', endpoint: node('vendor-a'), supportedOps: [ops['fed-avg']], terms: terms(ops['fed-avg']) }],
  });
  const children = [...DEVICES.map((d) => dt[d[2]]), dt['FL-aggregator']];
  const setOps = Object.fromEntries(children.map((c, i) => [c, i < DEVICES.length ? ops['edge-train'] : ops['fed-avg']]));
  const algorithm = `FL-model-r${rounds}`;
  await registerAsset(platform, 'carol', algorithm, {
    dt: dt[algorithm], kind: 'ALGORITHM', owner: 'fintech-c', title: `Federated risk model, ${rounds} rounds`,
    description: 'Logistic regression trained where the rows are, averaged under secure aggregation masks.',
    services: [{
      type: 'federated-learning', endpoint: node('fintech-c'), childDts: children,
      supportedOps: [ops['edge-train'], ops['fed-avg']],
      workflow: { setOps, configs: { rounds: String(rounds), features: String(FEATURES), epochs: '2', learning_rate: '20',
        recipient: 'fintech-c' } },
      terms: { purpose: PURPOSE },
    }],
  });
  return { dt, algorithm: dt[algorithm], names: algorithm };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', rounds: '5', timeout: '300', wait: '180' }, USAGE);
  const rounds = Number(args.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new Fatal(`--rounds must be 1 to 100\n${USAGE}`);
  const { stack, platform } = await openStack(args, 'federated learning', ['bank-a', 'bank-b', 'vendor-a', 'fintech-c']);
  const { dt, algorithm } = await setUpAssets(platform, stack, rounds);
  const data = demoRows();

  log('==> 4. rows bound where they are; fintech-c\'s labelled test set on its own node');
  for (const [i, [user, owner, name]] of DEVICES.entries()) {
    await bindFile(platform, stack, user, owner, dt[name], { file: `fl-rows-${owner}.csv`, kind: 'CSV', text: csv(data.devices[i]),
      what: `${data.devices[i].length} rows` });
  }
  await bindFile(platform, stack, 'carol', 'fintech-c', algorithm, { file: 'fl-test.csv', kind: 'CSV', text: csv(data.test),
      what: `${data.test.length} rows` });

  log('==> 5. verification (as carol)');
  await verify(platform, stack, 'carol', algorithm);
  log('==> 6. task and job (as carol)');
  const submitted = await submitJob(platform, stack, 'carol', algorithm, `Federated risk model, ${rounds} rounds`);
  log('==> 7. authorizations through the verifier');
  for (const [user, , name] of DEVICES) await authorize(platform, stack, user, dt[name], algorithm, name);
  await authorize(platform, stack, 'victor', dt['FL-aggregator'], algorithm, 'FL-aggregator');
  log(`==> 8. run: ${rounds} rounds of secure aggregation across the nodes`);
  await runJob(platform, stack, 'carol', submitted, args.timeout);
  await printRuns(platform, stack, 'rita', submitted.jobId, ['bank-a', 'bank-b', 'vendor-a']);

  log('==> 9. the model, at fintech-c\'s node only, against training on all rows at once');
  const { outcome } = await resultAt(platform, stack, 'carol', 'fintech-c', submitted.jobId);
  const central = centralModel(data.devices.flat());
  const centralAccuracy = accuracy(central, data.test);
  log(`    federated: weights ${JSON.stringify(outcome.model.weights.map((w) => Math.round(w * 1000) / 1000))}, `
    + `test accuracy ${outcome.testAccuracy} on ${outcome.testRows} rows, ${outcome.samples} training rows`);
  log(`    central:   weights ${JSON.stringify(central.map((w) => Math.round(w * 1000) / 1000))}, test accuracy ${centralAccuracy}`);
  const gap = Math.abs(outcome.testAccuracy - centralAccuracy);
  log(`    difference ${(gap * 100).toFixed(2)} points (tolerance ${(TOLERANCE * 100).toFixed(0)})`);
  if (!withinTolerance(outcome.testAccuracy, centralAccuracy, outcome.testRows)) {
    throw new Fatal('the federated model is not within the tolerance of central training');
  }
  log('demo: federated learning done: within 1 point of central training, no row left its node');
}

run(main);
