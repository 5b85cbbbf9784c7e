// Steps 1-3 of scenario S1, shared by `demo assets` and `demo s1`: the demo organizations on chain,
// the ops ss-share and secure-sum, and the five assets, each document naming its owner's compute
// node (stack.json's computeNodes) as its endpoint. Idempotent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Fatal, REPO, canonicalBytes, cidOf, inCanonicalShape, log, proofOf, publishOp, reasonOf, registerOrganization,
} from './platform.mjs';
import { algorithmDdo, computeDdo, dataDdo, demoDt } from './s1-documents.mjs';

export const OP_VERSION = '1.2.0';
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

/**
 * Registers what S1 needs and prints it: {dt: name → dt, ops: {ssShare, secureSum}, registered: [{name, view, created}]}.
 */
export async function setUpS1Assets(platform, stack) {
  const node = (org) => stack.computeNodes?.[org];
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
  await add('alice', 'A-data', dataDdo({ dt: dt['A-data'], owner: 'bank-a', title: 'Bank A retail risk features', ssShare, endpoint: node('bank-a') }));
  await add('alice', 'A-compute', computeDdo({ dt: dt['A-compute'], owner: 'bank-a', title: 'Bank A compute node', secureSum, endpoint: node('bank-a') }));
  await add('bob', 'B-data', dataDdo({ dt: dt['B-data'], owner: 'bank-b', title: 'Bank B retail risk features', ssShare, endpoint: node('bank-b') }));
  await add('bob', 'B-compute', computeDdo({ dt: dt['B-compute'], owner: 'bank-b', title: 'Bank B compute node', secureSum, endpoint: node('bank-b') }));
  await add('carol', 'C-algorithm', algorithmDdo({
    dt: dt['C-algorithm'], owner: 'fintech-c', title: 'Joint risk features of bank-a and bank-b',
    aData: dt['A-data'], bData: dt['B-data'], aCompute: dt['A-compute'], bCompute: dt['B-compute'], ssShare, secureSum,
    endpoint: node('fintech-c'),
  }));

  return { dt, ops: { ssShare, secureSum }, registered };
}
