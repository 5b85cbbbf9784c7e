// Steps 1-3 of scenario S1, shared by `demo assets` and `demo s1`: the demo organizations on chain,
// the ops ss-share and secure-sum, and the five assets, each document naming its owner's compute
// node (stack.json's computeNodes) as its endpoint. Idempotent.
import { join } from 'node:path';
import { REPO, log, publishOp } from './platform.mjs';
import { algorithmDdo, computeDdo, dataDdo, demoDt } from './s1-documents.mjs';
import { registerAsset, registerDemoOrganizations } from './steps.mjs';

export const OP_VERSION = '1.2.0';

/**
 * Registers what S1 needs and prints it: {dt: name → dt, ops: {ssShare, secureSum}, registered: [{name, view, created}]}.
 */
export async function setUpS1Assets(platform, stack) {
  const node = (org) => stack.computeNodes?.[org];
  log('==> 1. organizations on chain (as admin)');
  await registerDemoOrganizations(platform);

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
    registered.push(await registerAsset(platform, user, name, ddo));
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
