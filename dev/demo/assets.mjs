// ./datatoken demo assets: scenario S1 up to the composed algorithm, on the running stack.
//   1. admin registers the demo organizations on chain (roles from identity/dev/datatoken-dev.json)
//   2. admin publishes the ops ss-share and secure-sum 1.0.0 (code packages from dev/demo/ops)
//   3. alice and bob register their banks' DATA and COMPUTE assets, carol the ALGORITHM over them
//   4. prints every asset: dt, owner, kind, CID, proof, registration transaction, new or not
//   5. shows that a tampered DDO is refused and the verified read still answers the original
// Every step is idempotent: a second run finds everything in place and says so.
//
// Usage: node dev/demo/assets.mjs [--stack <stack.json>] [--wait <seconds>]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Fatal, Platform, REPO, canonicalBytes, cidOf, inCanonicalShape, log, parseArgs, proofOf, publishOp, readStack, reasonOf,
  registerOrganization, run,
} from './platform.mjs';
import { algorithmDdo, computeDdo, dataDdo, demoDt } from './s1-documents.mjs';

const USAGE = 'usage: ./datatoken demo assets [--wait <seconds to wait out a restart, default 180>]';
const OP_VERSION = '1.0.0';
const PLATFORM_ROLES = ['data-provider', 'compute-provider', 'algorithm-provider', 'data-user', 'regulator'];

/** Each demo organization with the platform roles its members have in the dev realm. */
function demoOrganizations() {
  const realm = JSON.parse(readFileSync(join(REPO, 'identity', 'dev', 'datatoken-dev.json'), 'utf8'));
  const rolesOf = new Map(realm.users.map((u) => [u.username, u.realmRoles ?? []]));
  return realm.organizations.map((org) => {
    const roles = new Set(org.members.flatMap((m) => rolesOf.get(m.username) ?? []));
    return { alias: org.alias, roles: PLATFORM_ROLES.filter((role) => roles.has(role)) };
  }).filter((org) => org.roles.length > 0);
}

/** Registers one asset as `user`, telling the service the proof and CID we expect: {name, view, created}. */
async function register(platform, user, name, document) {
  const ddo = inCanonicalShape(document);
  const canonical = canonicalBytes(ddo);
  const query = `?proof=${proofOf(canonical)}&cid=${cidOf(canonical)}`;
  const response = await platform.asset(user, 'POST', `/v1/assets${query}`, { body: ddo, expect: [200, 201, 409] });
  if (response.status === 409) {
    const hint = reasonOf(response.body) === 'asset-exists'
      ? '\n    The demo documents changed since the first run; start from a fresh instance (./datatoken up --fresh).' : '';
    throw new Fatal(`registering ${name} (${ddo.dt}) as ${user} answered 409 ${reasonOf(response.body)}: ${response.body.detail}${hint}`);
  }
  return { name, user, view: response.body, created: response.status === 201 };
}

function printAsset({ name, user, view, created }) {
  log(`    ${name.padEnd(12)} ${view.kind.padEnd(10)} ${view.owner.padEnd(10)} by ${user.padEnd(6)} `
    + `${created ? 'NEW (registered now)' : 'already registered'}`);
  log(`        dt     ${view.dt}`);
  log(`        cid    ${view.ddoCid}`);
  log(`        proof  ${view.proof}`);
  log(`        tx     ${view.registrationTx ?? '(not recorded: the catalog recovered this entry from the chain)'}`);
  if (view.children?.length) log(`        over   ${view.children.join(',\n               ')}`);
}

/** Step 5: a changed document sent with the on-chain proof as expectation is refused; nothing changes. */
async function showTamperRefused(platform, name, dt) {
  const path = `/v1/assets/${dt}/ddo`;
  const original = await platform.asset('alice', 'GET', path, { expect: [200] });
  const proof = original.headers.get('x-datatoken-proof');
  const cid = original.headers.get('x-datatoken-cid');
  log(`    verified read of ${name}: proof ${proof}, CID ${cid}`);

  const tampered = JSON.parse(original.text);
  const terms = tampered.services[0].terms;
  const before = terms.maxUses;
  terms.maxUses = before * 100;
  log(`    changed /services/0/terms/maxUses ${before} -> ${terms.maxUses}; PUT ${path}?proof=<the on-chain proof>`);
  const refused = await platform.asset('alice', 'PUT', `${path}?proof=${proof}`, { body: tampered, expect: [200, 400] });
  if (refused.status === 200 || reasonOf(refused.body) !== 'proof-mismatch') {
    throw new Fatal(`the tampered document was not refused as a proof mismatch: ${refused.status} ${JSON.stringify(refused.body)}`);
  }
  log(`    refused: ${refused.status} ${reasonOf(refused.body)} (${refused.body.type})`);
  log(`        ${refused.body.detail}`);

  const after = await platform.asset('alice', 'GET', path, { expect: [200] });
  const unchanged = after.headers.get('x-datatoken-proof') === proof && after.text === original.text;
  if (!unchanged) throw new Fatal(`${name}'s verified document changed after a refused update (proof ${after.headers.get('x-datatoken-proof')})`);
  log(`    verified read again: proof ${proof} unchanged on chain, the original document (maxUses ${before}) byte for byte`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { stack: '', wait: '180' }, USAGE);
  const stack = readStack(args.stack);
  const platform = new Platform(stack, { waitSeconds: Number(args.wait) });
  log(`demo: scenario S1 assets on ${stack.instance} (services ${stack.services})`);
  await platform.ensureUp();

  log('==> 1. organizations on chain (as admin)');
  for (const { alias, roles } of demoOrganizations()) {
    const org = await registerOrganization(platform, alias, roles);
    log(`    ${alias.padEnd(10)} ${(org.created ? 'NEW' : 'already').padEnd(8)} account ${org.account}  ${org.roles.join(', ')}`);
  }

  log(`==> 2. trusted ops ${OP_VERSION} (as admin; code packages from dev/demo/ops)`);
  const ops = {};
  for (const name of ['ss-share', 'secure-sum']) {
    const op = await publishOp(platform, name, OP_VERSION, join(REPO, 'dev', 'demo', 'ops', name));
    ops[name] = op.opHash;
    log(`    ${name.padEnd(10)} ${(op.created ? 'NEW' : 'already').padEnd(8)} opHash ${op.opHash}  code ${op.codeCid}`);
  }
  const ssShare = ops['ss-share'];
  const secureSum = ops['secure-sum'];

  log('==> 3. assets (alice for bank-a, bob for bank-b, carol for fintech-c)');
  const dt = Object.fromEntries(['A-data', 'A-compute', 'B-data', 'B-compute', 'C-algorithm'].map((n) => [n, demoDt(n)]));
  const registered = [];
  const add = async (user, name, ddo) => {
    const asset = await register(platform, user, name, ddo);
    registered.push(asset);
    printAsset(asset);
  };
  await add('alice', 'A-data', dataDdo({ dt: dt['A-data'], owner: 'bank-a', title: 'Bank A retail risk features', ssShare }));
  await add('alice', 'A-compute', computeDdo({ dt: dt['A-compute'], owner: 'bank-a', title: 'Bank A compute node', secureSum }));
  await add('bob', 'B-data', dataDdo({ dt: dt['B-data'], owner: 'bank-b', title: 'Bank B retail risk features', ssShare }));
  await add('bob', 'B-compute', computeDdo({ dt: dt['B-compute'], owner: 'bank-b', title: 'Bank B compute node', secureSum }));
  await add('carol', 'C-algorithm', algorithmDdo({
    dt: dt['C-algorithm'], owner: 'fintech-c', title: 'Joint risk features of bank-a and bank-b',
    aData: dt['A-data'], bData: dt['B-data'], aCompute: dt['A-compute'], bCompute: dt['B-compute'], ssShare, secureSum,
  }));

  log('==> 4. summary');
  log(`    ${'name'.padEnd(12)} ${'kind'.padEnd(10)} ${'owner'.padEnd(10)} ${'status'.padEnd(8)} ${'dt'.padEnd(18)} ${'cid'.padEnd(18)} ${'proof'.padEnd(18)} tx`);
  const short = (v) => (v ? `${v.slice(0, 10)}…${v.slice(-6)}` : '-').padEnd(18);
  for (const { name, view, created } of registered) {
    log(`    ${name.padEnd(12)} ${view.kind.padEnd(10)} ${view.owner.padEnd(10)} ${(created ? 'NEW' : 'already').padEnd(8)} `
      + `${short(view.dt)} ${short(view.ddoCid)} ${short(view.proof)} ${short(view.registrationTx).trim()}`);
  }
  log('    (full values above; each proof is 0x + sha-256 of the RFC 8785 form, checked against our own before registering)');

  log('==> 5. a tampered DDO is refused');
  await showTamperRefused(platform, 'A-data', dt['A-data']);
  log('demo: done');
}

run(main);
