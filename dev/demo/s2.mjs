// ./datatoken demo s2: scenario S2 of ../shared/design/SCENARIOS.md end to end on the running stack.
// Device vendor vendor-a (victor) keeps a registry of its end users u1, u2, u3 on chain; each user's
// device node holds the user's key and their labelled rows; medical company medco-b (mia) trains a
// model on the vendor's data union without anyone seeing a row.
//   1-2. organizations and the ops edge-train and fed-avg (JVM op packages built by the privacy module)
//   3.   the vendor registers each user's device account in its end-user registry (on chain)
//   4.   each user registers their rows as a Data Token of their own at their device node (signed by
//        the user's key) and binds the rows there; the rows never leave the device
//   5.   victor registers vendor-a's aggregator and the data union (a COMPUTE composition: its users' data and
//        the aggregator, workflow {u_i: edge-train, aggregator: fed-avg});
//        mia registers medco-b's algorithm, which uses the union as is, and binds a labelled test set
//   6.   consent: each user's device verifies the union against the user's terms itself and grants it
//        with the user's key; the vendor cannot consent for them; victor authorizes the aggregator
//        and the union's use in mia's algorithm through the verifier
//   7-8. mia submits the job; vendor-a's node runs fed-avg rounds, each device runs edge-train
//   9.   the model at medco-b's node, against training on all rows at once (within 1 point, else exit 1)
//  10.   each user reads, signed in as themselves, that their data was used: by whom, in which job,
//        with what result hash
// With --dropouts 1 the last user's device drops out: it registers a token but binds no rows, so its run
// fails in the first round; the union tolerates it (threshold 2, dropout_after 10 s), the model comes
// from the others' rows and the job succeeds without that device's receipt.
//
// Usage: node dev/demo/s2.mjs [--stack <stack.json>] [--rounds N] [--dropouts 0|1] [--timeout <seconds>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FEATURES, TOLERANCE, accuracy, centralModel, csv, demoRows, withinTolerance,
} from './fl-data.mjs';
import { Fatal, inCanonicalShape, log, parseArgs, reasonOf, run } from './platform.mjs';
import { DEMO_EXPIRY, demoDt } from './s1-documents.mjs';
import {
  authorize, bindFile, openStack, printRuns, publishJvmOps, registerAsset, registerDemoOrganizations, resultAt,
  runJob, submitJob, verify,
} from './steps.mjs';

const USAGE = 'usage: ./datatoken demo s2 [--rounds <training rounds, default 5>] [--dropouts <devices that drop out: 0 '
  + '(default) or 1>] [--timeout <seconds for the job, default 300>]';
/** How long a phase of the union's rounds waits for a silent device when dropouts are tolerated. */
const DROPOUT_AFTER_SECONDS = 10;
const OP_VERSION = '1.0.0';
const VENDOR = 'vendor-a';
const PURPOSE = 'medco-b\'s heart-risk model, trained on vendor-a\'s users\' devices: masked model updates only (scenario S2)';

/** The stack's device nodes of vendor-a's end users: [{user, node, datasets}], three at least. */
function devicesOf(stack) {
  const devices = Object.entries(stack.deviceNodes ?? {}).filter(([pair]) => pair.startsWith(`${VENDOR}/`))
    .map(([pair, node]) => ({ user: pair.slice(VENDOR.length + 1), node, datasets: stack.deviceDatasets[pair] }));
  if (devices.length < 3) {
    throw new Fatal(`S2 needs three device nodes of ${VENDOR}'s end users; the stack runs ${devices.length} `
      + '(DATATOKEN_DEVICE_NODES, default "vendor-a/u1 vendor-a/u2 vendor-a/u3")');
  }
  return devices.slice(0, 3);
}

/** 3. The vendor puts each device's account (the user's) into its end-user registry on chain. */
async function registerEndUsers(platform, devices) {
  log(`==> 3. ${VENDOR}'s end-user registry (as victor; each account is the user's device key)`);
  for (const device of devices) {
    const me = await platform.call(device.user, 'GET', `${device.node}/v1/device`, { expect: [200] });
    device.account = me.body.account;
    const added = await platform.asset('victor', 'POST', `/v1/organizations/${VENDOR}/end-users`,
      { body: { userId: device.user, account: device.account }, expect: [200, 201] });
    log(`    ${device.user}  account ${device.account}  ${added.status === 201 ? 'registered' : 'already registered'}`);
  }
}

/** 4. Each user registers their own data at their device node, signed by their key, and binds their rows there. */
async function registerUsersData(platform, devices, ops, rows, dropouts) {
  log('==> 4. each user\'s rows: a Data Token of their own, registered and bound at their device (as u1, u2, u3)');
  for (const [i, device] of devices.entries()) {
    device.dropsOut = i >= devices.length - dropouts;
    device.dt = demoDt(`S2-${device.user}-rows${device.dropsOut ? '-unbound' : ''}`);
    const ddo = inCanonicalShape({
      dt: device.dt, kind: 'DATA', owner: VENDOR, title: `${device.user}'s heart-rate features`,
      description: `Labelled rows of ${device.user}'s device (4 features, a 0/1 label); only masked model updates leave it.`,
      services: [{
        type: 'compute-to-data', endpoint: device.node, supportedOps: [ops['edge-train']],
        terms: { allowedOps: { [ops['edge-train']]: {} }, purpose: PURPOSE, expiresAt: DEMO_EXPIRY },
      }],
    });
    const registered = await platform.call(device.user, 'POST', `${device.node}/v1/device/assets`, { body: ddo, expect: [200, 201] });
    log(`    ${device.user}  ${device.dt.slice(0, 12)}… ${registered.status === 201 ? `registered by the user (tx ${registered.body.tx})`
      : 'already registered'}; ${registered.body.listed ? 'listed in the catalog' : `not listed: ${registered.body.notListed}`}`);
    if (device.dropsOut) {
      log('        no rows bound: this device will drop out of the training');
      continue;
    }
    mkdirSync(device.datasets, { recursive: true });
    writeFileSync(join(device.datasets, 's2-rows.csv'), csv(rows[i]));
    await platform.call(device.user, 'POST', `${device.node}/v1/datasets`,
      { body: { dt: device.dt, kind: 'CSV', location: 's2-rows.csv' }, expect: [201] });
    log(`        ${rows[i].length} rows bound on the device`);
  }
}

/** 5. The vendor's aggregator and data union, and medco-b's algorithm over the union as is. */
async function registerUnionAndAlgorithm(platform, stack, devices, ops, rounds, dropouts) {
  log(`==> 5. ${VENDOR}'s aggregator and data union (as victor), medco-b's algorithm over it (as mia)`);
  const variant = `r${rounds}${dropouts ? `-d${dropouts}` : ''}`;
  const dt = {
    aggregator: demoDt('S2-aggregator'), union: demoDt(`S2-union-${variant}`), algorithm: demoDt(`S2-heart-model-${variant}`),
  };
  // tolerating a dropout among three devices takes a threshold of two (the op's default for three is all three)
  const tolerance = dropouts ? { threshold: String(devices.length - dropouts), dropout_after: String(DROPOUT_AFTER_SECONDS) } : {};
  await registerAsset(platform, 'victor', 'S2-aggregator', {
    dt: dt.aggregator, kind: 'COMPUTE', owner: VENDOR, title: 'Vendor A secure aggregator',
    description: 'Averages the devices\' masked updates; sees their sum only.',
    services: [{ type: 'compute-node', endpoint: stack.computeNodes[VENDOR], supportedOps: [ops['fed-avg']],
      terms: { allowedOps: { [ops['fed-avg']]: {} }, purpose: PURPOSE, expiresAt: DEMO_EXPIRY } }],
  });
  const children = [...devices.map((d) => d.dt), dt.aggregator];
  await registerAsset(platform, 'victor', `S2-union-${variant}`, {
    dt: dt.union, kind: 'COMPUTE', owner: VENDOR, title: `Vendor A users' data union, ${rounds} rounds`,
    description: 'The devices\' rows for federated training under secure aggregation: each user trains on their device.',
    services: [{
      type: 'data-union', endpoint: stack.computeNodes[VENDOR], childDts: children,
      supportedOps: [ops['edge-train'], ops['fed-avg']],
      workflow: {
        setOps: Object.fromEntries(children.map((c) => [c, c === dt.aggregator ? ops['fed-avg'] : ops['edge-train']])),
        configs: { rounds: String(rounds), features: String(FEATURES), epochs: '2', learning_rate: '20', ...tolerance },
      },
      terms: { consumerOrganizations: ['medco-b'], purpose: PURPOSE, expiresAt: DEMO_EXPIRY },
    }],
  });
  await registerAsset(platform, 'mia', `S2-heart-model-${variant}`, {
    dt: dt.algorithm, kind: 'ALGORITHM', owner: 'medco-b', title: `Heart-risk model over vendor-a's union, ${rounds} rounds`,
    description: 'Uses vendor-a\'s data union as is: its workflow and training parameters.',
    services: [{
      type: 'federated-learning', endpoint: stack.computeNodes['medco-b'], childDts: [dt.union],
      supportedOps: [ops['edge-train'], ops['fed-avg']], workflow: { setOps: {}, configs: {} }, terms: { purpose: PURPOSE },
    }],
  });
  return dt;
}

/** 6. Consent by each user's device (their key), then the vendor's own authorizations. */
async function consent(platform, stack, devices, dt) {
  log('==> 6. consent: each device verifies the union against its user\'s terms, then grants it with the user\'s key');
  const refused = await platform.call('victor', 'POST', `${stack.services}/verifier/api/v1/authorizations`,
    { body: { child: devices[0].dt, parent: dt.union }, expect: [403, 409] });
  log(`    victor for ${devices[0].user}: ${refused.status} ${reasonOf(refused.body)} (the vendor cannot consent for a user)`);
  for (const device of devices) {
    const given = await platform.call(device.user, 'POST', `${device.node}/v1/device/consents`,
      { body: { child: device.dt, parent: dt.union }, expect: [200, 201, 409] });
    if (given.status === 409) throw new Fatal(`${device.user}'s device refused: ${reasonOf(given.body)}: ${given.body.detail}`);
    log(`    ${device.user}  ${given.body.verdict.passed ? 'terms met' : 'DENIED'}, ${given.status === 201
      ? `consent on chain (tx ${given.body.tx})` : 'consent stands'}`);
  }
  log('    the verifier\'s report on mia\'s algorithm (as mia): the union is used as is');
  await verify(platform, stack, 'mia', dt.algorithm);
  await authorize(platform, stack, 'victor', dt.aggregator, dt.union, 'S2-aggregator');
  await authorize(platform, stack, 'victor', dt.union, dt.algorithm, 'S2-union');
}

/** 10. Each user, signed in as themselves, reads the uses of their own token from the tracer. */
async function usersTrace(platform, stack, devices, jobId) {
  log('==> 10. each user reads who used their data, in which job, with what result (as u1, u2, u3)');
  for (const device of devices) {
    const deadline = Date.now() + 60_000;
    let usage;
    for (;;) {
      usage = (await platform.call(device.user, 'GET', `${stack.services}/tracer/api/v1/usage/${device.dt}`,
        { expect: [200, 404] })).body;
      const job = (usage.jobs ?? []).find((j) => j.job === jobId);
      if (job?.state === 'SUCCEEDED' && (device.dropsOut || (usage.receipts ?? []).some((r) => r.job === jobId))) break;
      if (Date.now() > deadline) throw new Fatal(`the tracer shows ${device.user} no finished use in job ${jobId} after 60 s`);
      await new Promise((done) => setTimeout(done, 500));
    }
    const job = usage.jobs.find((j) => j.job === jobId);
    const receipt = (usage.receipts ?? []).find((r) => r.job === jobId && r.dt === device.dt);
    const by = `job ${jobId.slice(0, 12)}… of ${job.owner} (submitted by ${job.submittedBy}), ${job.state}`;
    if (device.dropsOut) {
      log(`    ${device.user}: ${by}; no receipt: their device dropped out, their data was not used`);
      if (receipt) throw new Fatal(`${device.user}'s device dropped out, yet a receipt of its token is on chain`);
      continue;
    }
    const byDevice = receipt?.recordedBy?.toLowerCase() === device.account.toLowerCase();
    log(`    ${device.user}: ${by}; edge-train result ${receipt.resultHash.slice(0, 18)}… recorded by `
      + `${byDevice ? 'their own device' : receipt.recordedBy}`);
    if (!byDevice) {
      throw new Fatal(`${device.user}'s receipt was recorded by ${receipt.recordedBy}, not by their device ${device.account}`);
    }
  }
  const other = await platform.call(devices[0].user, 'GET', `${stack.services}/tracer/api/v1/usage/${devices[1].dt}`,
    { expect: [403] });
  log(`    ${devices[0].user} asking for ${devices[1].user}'s uses: ${other.status} ${reasonOf(other.body)}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', rounds: '5', dropouts: '0', timeout: '300', wait: '180' }, USAGE);
  const rounds = Number(args.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new Fatal(`--rounds must be 1 to 100\n${USAGE}`);
  const dropouts = Number(args.dropouts);
  if (dropouts !== 0 && dropouts !== 1) throw new Fatal(`--dropouts must be 0 or 1\n${USAGE}`);
  const { stack, platform } = await openStack(args, 'S2 edge federated learning', [VENDOR, 'medco-b']);
  const devices = devicesOf(stack);
  log('==> 1. organizations on chain (as admin)');
  await registerDemoOrganizations(platform);
  const ops = await publishJvmOps(platform, OP_VERSION, ['edge-train', 'fed-avg']);
  const data = demoRows();
  await registerEndUsers(platform, devices);
  await registerUsersData(platform, devices, ops, data.devices, dropouts);
  const dt = await registerUnionAndAlgorithm(platform, stack, devices, ops, rounds, dropouts);
  await bindFile(platform, stack, 'mia', 'medco-b', dt.algorithm, { file: 's2-test.csv', kind: 'CSV', text: csv(data.test),
    what: `${data.test.length} labelled test rows for the algorithm` });
  await consent(platform, stack, devices, dt);

  log('==> 7. task and job (as mia)');
  const submitted = await submitJob(platform, stack, 'mia', dt.algorithm, `Heart-risk model, ${rounds} rounds over vendor-a's users`);
  log(`==> 8. run: ${rounds} rounds; vendor-a's node aggregates, each device trains on its own rows`);
  await runJob(platform, stack, 'mia', submitted, args.timeout);
  await printRuns(platform, stack, 'rita', submitted.jobId, [VENDOR]);
  for (const device of devices) {
    const runs = await platform.call('rita', 'GET', `${device.node}/v1/runs?job=${submitted.jobId}`, { expect: [200] });
    for (const r of runs.body) log(`    ${device.user}'s device: ${r.opName} ${r.state}: ${r.detail}`);
  }

  log(`==> 9. the model, at medco-b's node only, against training on all ${dropouts ? 'remaining devices\' ' : ''}rows at once`);
  const { outcome } = await resultAt(platform, stack, 'mia', 'medco-b', submitted.jobId);
  const trained = data.devices.filter((_, i) => !devices[i].dropsOut);
  const centralAccuracy = accuracy(centralModel(trained.flat()), data.test);
  const gap = Math.abs(outcome.testAccuracy - centralAccuracy);
  log(`    federated test accuracy ${outcome.testAccuracy} on ${outcome.testRows} rows (${outcome.samples} training rows); `
    + `central ${centralAccuracy}; difference ${(gap * 100).toFixed(2)} points (tolerance ${(TOLERANCE * 100).toFixed(0)})`);
  if (outcome.samples !== trained.flat().length) {
    throw new Fatal(`the model was trained on ${outcome.samples} rows, not on the ${trained.flat().length} of the devices that stayed`);
  }
  if (!withinTolerance(outcome.testAccuracy, centralAccuracy, outcome.testRows)) {
    throw new Fatal('the federated model is not within the tolerance of central training');
  }
  await usersTrace(platform, stack, devices, submitted.jobId);
  log('demo: S2 done: the users consented with their own keys, no row left a device, each user traced the use');
}

run(main);
