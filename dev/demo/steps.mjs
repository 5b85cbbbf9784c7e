// Steps every scenario demo takes alike: the demo organizations on chain, the JVM ops, registering an asset as
// one of its owner's users, verification, authorization through the verifier, a task and a job,
// and following the job until it ends. Each step prints what it did; a refusal is Fatal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Fatal, Platform, REPO, canonicalBytes, cidOf, inCanonicalShape, log, proofOf, publishOp, readStack, reasonOf,
  registerOrganization,
} from './platform.mjs';

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

/**
 * The running stack of a demo's --stack flag and a client of it once its services answer, after checking
 * it runs the compute nodes of the organizations `needs` names (any node at all if none): {stack, platform}.
 */
export async function openStack(args, title, needs = []) {
  const stack = readStack(args.stack);
  const missing = needs.filter((org) => !stack.computeNodes?.[org]);
  if (!stack.computeNodes || missing.length) {
    throw new Fatal(`${stack.file} names no compute node of ${missing.join(', ') || 'any organization'} `
      + '(DATATOKEN_COMPUTE_NODES); restart the stack with this version');
  }
  const platform = new Platform(stack, { waitSeconds: Number(args.wait) });
  log(`demo: ${title} on ${stack.instance}`);
  await platform.ensureUp();
  return { stack, platform };
}

/** Registers every demo organization on chain (as admin) with its members' roles, unless it is. */
export async function registerDemoOrganizations(platform) {
  for (const { alias, roles } of demoOrganizations()) {
    const org = await registerOrganization(platform, alias, roles);
    log(`    ${alias.padEnd(10)} ${(org.created ? 'NEW' : 'already').padEnd(8)} account ${org.account}  ${org.roles.join(', ')}`);
  }
}

/** Registers one asset as `user`, telling the service the proof and CID we expect: {name, view, created}. */
export async function registerAsset(platform, user, name, document) {
  const ddo = inCanonicalShape(document);
  const canonical = canonicalBytes(ddo);
  const query = `?proof=${proofOf(canonical)}&cid=${cidOf(canonical)}`;
  const response = await platform.asset(user, 'POST', `/v1/assets${query}`, { body: ddo, expect: [200, 201, 409] });
  if (response.status === 409) {
    const hint = reasonOf(response.body) === 'asset-exists'
      ? '\n    The demo documents changed since the first run; start from a fresh instance (./datatoken up --fresh).' : '';
    throw new Fatal(`registering ${name} (${ddo.dt}) as ${user} answered 409 ${reasonOf(response.body)}: ${response.body.detail}${hint}`);
  }
  const asset = { name, user, view: response.body, created: response.status === 201 };
  printAsset(asset);
  return asset;
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

/** The verifier's report on `parent` as `user`, printed; Fatal unless every child's terms are met. */
export async function verify(platform, stack, user, parent) {
  const report = await platform.call(user, 'POST', `${stack.services}/verifier/api/v1/verifications`,
    { body: { parent }, expect: [200] });
  for (const child of report.body.children) {
    log(`    ${child.child.slice(0, 12)}… ${child.owner.padEnd(10)} ${child.passed ? 'passes' : 'DENIED'}`
      + `${child.denials.map((d) => `\n        ${d.rule}: ${d.reason}`).join('')}`);
  }
  if (!report.body.passed) throw new Fatal(`${parent} does not meet its children's terms`);
  return report.body;
}

/** `user` authorizes `child` under `parent` through the verifier (terms checked, grant on chain). */
export async function authorize(platform, stack, user, child, parent, name) {
  const response = await platform.call(user, 'POST', `${stack.services}/verifier/api/v1/authorizations`,
    { body: { child, parent }, expect: [200, 201, 409] });
  if (response.status === 409) {
    throw new Fatal(`${user} could not authorize ${name}: ${reasonOf(response.body)}: ${response.body.detail}`);
  }
  log(`    ${user.padEnd(6)} ${name.padEnd(12)} -> ${parent.slice(0, 12)}…: ${response.status === 201 ? 'granted on chain' : 'already granted'}`
    + `${response.body.tx ? ` (tx ${response.body.tx})` : ''}`);
}

/** A task and a job of `algorithm` as `user`: {jobId, early} (early: the refusal to authorize before the grants, if any). */
export async function submitJob(platform, stack, user, algorithm, description) {
  const job = (path) => `${stack.services}/job/api${path}`;
  const task = await platform.call(user, 'POST', job('/v1/tasks'), { body: { description }, expect: [201] });
  log(`    task ${task.body.taskId ?? task.body.id}`);
  const submitted = await platform.call(user, 'POST', job(`/v1/tasks/${task.body.taskId ?? task.body.id}/jobs`),
    { body: { algorithm }, expect: [201] });
  const jobId = submitted.body.jobId ?? submitted.body.id;
  log(`    job  ${jobId} ${submitted.body.state}`);
  const early = await platform.call(user, 'POST', job(`/v1/jobs/${jobId}/authorization`), { expect: [200, 409] });
  if (early.status === 409) {
    log(`    before the owners authorize: refused, ${reasonOf(early.body)}: ${early.body.detail}`);
  } else {
    log('    (already authorized: the grants of an earlier run are still live)');
  }
  return { jobId, authorizedEarly: early.status !== 409 };
}

/** Authorizes the job (after the grants) unless it already was, then starts it and follows it to its end. */
export async function runJob(platform, stack, user, { jobId, authorizedEarly }, timeoutSeconds) {
  const job = (path) => `${stack.services}/job/api${path}`;
  if (!authorizedEarly) {
    const authorized = await platform.call(user, 'POST', job(`/v1/jobs/${jobId}/authorization`), { expect: [200] });
    log(`    job ${authorized.body.state}`);
  }
  const started = Date.now();
  const running = await platform.call(user, 'POST', job(`/v1/jobs/${jobId}/start`), { expect: [200] });
  log(`    job ${running.body.state}`);
  let view = running.body;
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  const seen = new Map();
  while (!['SUCCEEDED', 'FAILED', 'REVOKED'].includes(view.state)) {
    if (Date.now() > deadline) throw new Fatal(`job ${jobId} still ${view.state} after ${timeoutSeconds} s: ${JSON.stringify(view.parties)}`);
    await new Promise((done) => setTimeout(done, 250));
    view = (await platform.call(user, 'GET', job(`/v1/jobs/${jobId}`), { expect: [200] })).body;
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
    log(`      ${p.owner.padEnd(10)} ${p.dt.slice(0, 12)}… op ${p.op.slice(0, 12)}… ${p.receipt
      ? `result ${p.receipt.resultHash} by ${p.receipt.recordedBy}` : `none: ${p.state} (dropped out)`}`);
  }
  return view;
}

/** What each node says of its runs for the job (open: states and the node's words, never data), as `user`. */
export async function printRuns(platform, stack, user, jobId, organizations) {
  for (const org of organizations) {
    const runs = await platform.call(user, 'GET', `${stack.computeNodes[org]}/v1/runs?job=${jobId}`, { expect: [200] });
    for (const r of runs.body) log(`    ${org} node: ${r.opName} on ${r.dt.slice(0, 12)}… ${r.state}: ${r.detail}`);
  }
}

/** The result kept on `org`'s node for the job, as `user`, once it is there. */
export async function resultAt(platform, stack, user, org, jobId) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await platform.call(user, 'GET', `${stack.computeNodes[org]}/v1/results/${jobId}`, { expect: [200, 404] });
    if (result.status === 200) return result.body;
    if (Date.now() > deadline) throw new Fatal(`no result at ${org}'s node 30 s after the job succeeded: ${result.body.detail}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Writes `text` as `file` into `org`'s node's datasets directory (its owner's premises) and binds it
 * there to `dt` as `kind` (CSV, ITEMS), as `user`; `what` says what it holds, for the log.
 */
export async function bindFile(platform, stack, user, org, dt, { file, text, kind, what }) {
  const dir = stack.computeDatasets?.[org];
  if (!dir) throw new Fatal(`stack.json names no datasets directory for ${org}'s compute node`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  const response = await platform.call(user, 'POST', `${stack.computeNodes[org]}/v1/datasets`,
    { body: { dt, kind, location: file }, expect: [201] });
  log(`    ${org.padEnd(10)} ${dt.slice(0, 12)}… ${file}: ${what} (bound ${response.body.boundAt})`);
}

/** Where the privacy module's build writes the JVM ops' packages (decision 0017). */
const JVM_OPS = join(REPO, 'services', 'shared', 'privacy', 'target', 'op-packages');

/** Publishes (as admin) each named JVM op package under `version`, unless it is: name → op hash. */
export async function publishJvmOps(platform, version, names) {
  log(`==> 2. trusted ops ${version} (as admin; JVM op packages from ${JVM_OPS.slice(REPO.length + 1)})`);
  const ops = {};
  for (const name of names) {
    const op = await publishOp(platform, name, version, join(JVM_OPS, name));
    ops[name] = op.opHash;
    log(`    ${name.padEnd(18)} ${(op.created ? 'NEW' : 'already').padEnd(8)} opHash ${op.opHash}  code ${op.codeCid}`);
  }
  return ops;
}
