// The DDOs of scenario S1 (../shared/design/SCENARIOS.md): two banks' data and compute assets and
// the fintech's algorithm over them. Fixed dts and a fixed expiry, so the same documents (and so
// the same proofs) come out on every run and a second registration is recognised as a retry.
// `endpoint`: the owner's compute node, where the job service and the other nodes reach it.
import { sha256 } from './platform.mjs';

/** About a year past the demo's creation; fixed, so the documents never change between runs. */
export const DEMO_EXPIRY = '2027-12-31T00:00:00Z';
const PURPOSE = 'joint risk features: each bank secret-shares X_i W_i, compute nodes add the shares, '
  + 'fintech-c receives Z = sum of X_i W_i (scenario S1)';

/** The demo asset called `name`: 0x + sha-256 of "datatoken-demo:<name>". */
export function demoDt(name) {
  return `0x${sha256(Buffer.from(`datatoken-demo:${name}`, 'utf8')).toString('hex')}`;
}

function terms(opHash, consumer) {
  return {
    allowedOps: { [opHash]: {} },
    consumerOrganizations: [consumer],
    purpose: PURPOSE,
    expiresAt: DEMO_EXPIRY,
    maxUses: 10,
  };
}

/** A bank's private feature matrix X_i, offered to `consumer` for ss-share only. */
export function dataDdo({ dt, owner, title, ssShare, endpoint, consumer = 'fintech-c' }) {
  return {
    dt,
    kind: 'DATA',
    title,
    description: `${owner}'s credit-risk features of its retail clients (pseudonymised, one row per client). `
      + 'It never leaves the bank: only additive shares of X_i W_i do.',
    owner,
    services: [{
      type: 'compute-to-data',
      endpoint,
      supportedOps: [ssShare],
      terms: { ...terms(ssShare, consumer), minParties: 2 },
      extraParams: { format: 'csv', rows: '10000', features: '8' },
    }],
  };
}

/** A bank's compute node, offered to `consumer` for secure-sum only. */
export function computeDdo({ dt, owner, title, secureSum, endpoint, consumer = 'fintech-c' }) {
  return {
    dt,
    kind: 'COMPUTE',
    title,
    description: `${owner}'s on-premise compute node: holds one additive share of every party's X_i W_i and adds them.`,
    owner,
    services: [{
      type: 'compute-node',
      endpoint,
      supportedOps: [secureSum],
      terms: terms(secureSum, consumer),
    }],
  };
}

/** The fintech's algorithm: ss-share on each bank's data, secure-sum on each bank's node. */
export function algorithmDdo({ dt, owner, title, aData, bData, aCompute, bCompute, ssShare, secureSum, endpoint }) {
  return {
    dt,
    kind: 'ALGORITHM',
    title,
    description: 'Joint risk features over bank-a and bank-b: Z = X_A W_A + X_B W_B, computed by additive secret '
      + 'sharing and secure aggregation, so no single compute node can reconstruct any X_i.',
    owner,
    services: [{
      type: 'data-union',
      endpoint,
      childDts: [aData, bData, aCompute, bCompute],
      supportedOps: [ssShare, secureSum],
      workflow: {
        setOps: { [aData]: ssShare, [bData]: ssShare, [aCompute]: secureSum, [bCompute]: secureSum },
        configs: { output: 'Z = sum_i X_i W_i', recipient: owner, scale_bits: '16' },
      },
      terms: { purpose: PURPOSE },
    }],
  };
}
