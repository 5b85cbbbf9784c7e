// ./datatoken demo s3: scenario S3 of ../shared/design/SCENARIOS.md end to end on the running stack.
// Car vendor vendor-a (victor) and bank bank-b (bob) intersect their lists of people by ECDH-PSI,
// each list staying on its owner's compute node; the regulator (rita) then audits the bank's list.
//   1-3. organizations, the ops psi-request and psi-respond (JVM op packages built by the privacy
//        module), and the assets: vendor-a's prospects, bank-b's middle-income clients, and
//        vendor-a's PSI query over both, whose workflow lets the bank learn the intersection's size
//   4.   each owner binds its list on its own node
//   5-7. victor verifies the query against both lists' terms, submits it as a job; both owners
//        authorize it through the verifier
//   8.   vendor-a's node blinds its list and sends it to bank-b's node, which blinds it again with its
//        own list and answers; vendor-a's node finishes: the intersection stays there, its size goes
//        to bank-b's node; each records its receipt
//   9.   victor reads the intersection from his node (it must equal the plaintext intersection,
//        else exit 1), bob reads its size from his; neither reads the other's
//  10.   rita audits every use of the bank's list from the tracer
//
// Usage: node dev/demo/s3.mjs [--stack <stack.json>] [--timeout <seconds>]
import { Fatal, log, parseArgs, reasonOf, run, sha256 } from './platform.mjs';
import { DEMO_EXPIRY, demoDt } from './s1-documents.mjs';
import {
  authorize, bindFile, openStack, printRuns, publishJvmOps, registerAsset, registerDemoOrganizations, runJob,
  submitJob, verify,
} from './steps.mjs';

const USAGE = 'usage: ./datatoken demo s3 [--timeout <seconds for the job, default 180>]';
export const PSI_OP_VERSION = '1.0.0';
const PURPOSE = 'joint query: which of vendor-a\'s car prospects are middle-income clients of bank-b, found by '
  + 'ECDH-PSI; vendor-a learns the intersection, bank-b only its size (scenario S3)';

/** Deterministic demo people: ids person-00000 … ; the intersection is known in advance. */
export function demoLists() {
  const id = (n) => `person-${String(n).padStart(5, '0')}`;
  const prospects = Array.from({ length: 400 }, (_, i) => id(i * 7));
  const clients = Array.from({ length: 600 }, (_, i) => id(i * 5 + 3));
  const clientSet = new Set(clients);
  return { prospects, clients, intersection: prospects.filter((p) => clientSet.has(p)).sort() };
}

function dataDdo({ dt, owner, title, description, op, endpoint, limits }) {
  return {
    dt,
    kind: 'DATA',
    title,
    description,
    owner,
    services: [{
      type: 'compute-to-data',
      endpoint,
      supportedOps: [op],
      terms: { allowedOps: { [op]: limits }, consumerOrganizations: ['vendor-a'], purpose: PURPOSE, expiresAt: DEMO_EXPIRY, maxUses: 10 },
      extraParams: { format: 'identifiers, one per line' },
    }],
  };
}

async function setUpS3Assets(platform, stack) {
  const node = (org) => stack.computeNodes?.[org];
  for (const org of ['vendor-a', 'bank-b']) {
    if (!node(org)) throw new Fatal(`stack.json names no compute node for ${org}; DATATOKEN_COMPUTE_NODES must include it`);
  }
  log('==> 1. organizations on chain (as admin)');
  await registerDemoOrganizations(platform);

  const ops = await publishJvmOps(platform, PSI_OP_VERSION, ['psi-request', 'psi-respond']);

  log('==> 3. assets (victor for vendor-a, bob for bank-b)');
  const dt = Object.fromEntries(['S3-prospects', 'S3-clients', 'S3-query'].map((n) => [n, demoDt(n)]));
  await registerAsset(platform, 'victor', 'S3-prospects', dataDdo({
    dt: dt['S3-prospects'], owner: 'vendor-a', title: 'Vendor A car prospects',
    description: 'People who configured a car online and asked for financing, by pseudonymous person id.',
    op: ops['psi-request'], endpoint: node('vendor-a'), limits: {},
  }));
  await registerAsset(platform, 'bob', 'S3-clients', dataDdo({
    dt: dt['S3-clients'], owner: 'bank-b', title: 'Bank B middle-income clients',
    description: 'Clients in the middle-income band, by pseudonymous person id. Only an ECDH-PSI answer leaves the bank.',
    op: ops['psi-respond'], endpoint: node('bank-b'), limits: { reveal_size: 1 },
  }));
  await registerAsset(platform, 'victor', 'S3-query', {
    dt: dt['S3-query'],
    kind: 'ALGORITHM',
    title: 'Prospects who are middle-income clients of bank-b',
    description: 'ECDH-PSI over vendor-a\'s prospects and bank-b\'s middle-income clients: vendor-a learns the '
      + 'intersection, bank-b its size only.',
    owner: 'vendor-a',
    services: [{
      type: 'joint-query',
      endpoint: node('vendor-a'),
      childDts: [dt['S3-prospects'], dt['S3-clients']],
      supportedOps: [ops['psi-request'], ops['psi-respond']],
      workflow: {
        setOps: { [dt['S3-prospects']]: ops['psi-request'], [dt['S3-clients']]: ops['psi-respond'] },
        configs: { reveal_size: '1', recipient: 'vendor-a' },
      },
      terms: { purpose: PURPOSE },
    }],
  });
  return dt;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', timeout: '180', wait: '180' }, USAGE);
  const { stack, platform } = await openStack(args, 'scenario S3', ['vendor-a', 'bank-b']);
  const dt = await setUpS3Assets(platform, stack);
  const query = dt['S3-query'];
  const lists = demoLists();

  log('==> 4. each list bound on its owner\'s node (never leaves it)');
  await bindFile(platform, stack, 'victor', 'vendor-a', dt['S3-prospects'], { file: 's3-prospects.csv', kind: 'ITEMS',
    text: `# person id\n${lists.prospects.join('\n')}\n`, what: `${lists.prospects.length} ids` });
  await bindFile(platform, stack, 'bob', 'bank-b', dt['S3-clients'], { file: 's3-clients.csv', kind: 'ITEMS',
    text: `# person id\n${lists.clients.join('\n')}\n`, what: `${lists.clients.length} ids` });

  log('==> 5. verification of the query against both lists\' terms (as victor)');
  await verify(platform, stack, 'victor', query);

  log('==> 6. task and job (as victor)');
  const submitted = await submitJob(platform, stack, 'victor', query, 'Which prospects are middle-income clients of bank-b');
  const { jobId } = submitted;

  log('==> 7. authorizations through the verifier (terms checked first, grants signed by each owner)');
  await authorize(platform, stack, 'victor', dt['S3-prospects'], query, 'S3-prospects');
  await authorize(platform, stack, 'bob', dt['S3-clients'], query, 'S3-clients');

  log('==> 8. run: blinded lists pass between vendor-a\'s and bank-b\'s nodes only');
  await runJob(platform, stack, 'victor', submitted, args.timeout);
  await printRuns(platform, stack, 'rita', jobId, ['vendor-a', 'bank-b']);

  log('==> 9. results: the intersection at vendor-a\'s node, its size at bank-b\'s');
  const result = await platform.call('victor', 'GET', `${stack.computeNodes['vendor-a']}/v1/results/${jobId}`, { expect: [200] });
  const found = result.body.outcome.intersection;
  log(`    victor: ${found.length} people in both lists: ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}`);
  log(`    plaintext intersection: ${lists.intersection.length} (sha-256 ${sha256(Buffer.from(lists.intersection.join('\n'))).toString('hex').slice(0, 16)}…)`);
  if (JSON.stringify(found) !== JSON.stringify(lists.intersection)) {
    throw new Fatal(`the intersection differs from the plaintext one (${found.length} vs ${lists.intersection.length} ids)`);
  }
  const size = await platform.call('bob', 'GET', `${stack.computeNodes['bank-b']}/v1/results/${jobId}`, { expect: [200] });
  log(`    bob: the intersection has ${size.body.outcome.size} people (bank-b learns nothing else: ${JSON.stringify(Object.keys(size.body.outcome))})`);
  if (size.body.outcome.size !== lists.intersection.length || size.body.outcome.intersection !== undefined) {
    throw new Fatal(`bank-b's node holds ${JSON.stringify(size.body.outcome)}, not the size ${lists.intersection.length} alone`);
  }
  const peek = await platform.call('bob', 'GET', `${stack.computeNodes['vendor-a']}/v1/results/${jobId}`, { expect: [403] });
  log(`    bob at vendor-a's node: ${peek.status} ${reasonOf(peek.body)}`);

  log('==> 10. the regulator audits every use of bank-b\'s list (as rita; the tracer follows the chain)');
  const deadline = Date.now() + 60_000;
  let usage;
  for (;;) {
    usage = (await platform.call('rita', 'GET', `${stack.services}/tracer/api/v1/usage/${dt['S3-clients']}`,
      { expect: [200, 404] })).body;
    const indexed = (usage.jobs ?? []).find((j) => j.job === jobId);
    if (indexed?.state === 'SUCCEEDED' && (usage.receipts ?? []).filter((r) => r.job === jobId).length === 2) break;
    if (Date.now() > deadline) throw new Fatal(`the tracer has not indexed job ${jobId} with both receipts after 60 s`);
    await new Promise((done) => setTimeout(done, 500));
  }
  for (const j of usage.jobs) log(`    job ${j.job} ${j.state}, algorithm ${j.algorithm.slice(0, 12)}… of ${j.owner}, submitted by ${j.submittedBy}`);
  for (const r of usage.receipts) log(`    receipt: ${r.party}'s node ran ${r.op.slice(0, 12)}… on ${r.dt.slice(0, 12)}… for job ${r.job.slice(0, 12)}…, result ${r.resultHash.slice(0, 18)}…`);
  for (const g of usage.grants) log(`    ${g.change} ${g.child.slice(0, 12)}… -> ${g.parent.slice(0, 12)}… by ${g.by}`);
  log('demo: S3 done: vendor-a holds the plaintext intersection, bank-b its size, the regulator the trace');
}

run(main);
