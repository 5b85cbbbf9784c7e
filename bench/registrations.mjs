// Benchmark of asset registration on the running stack (run on demand: ./datatoken bench
// registrations). Measures in one run, on one machine:
//   end-to-end  POST /v1/assets of fresh DATA DDOs by alice (bank-a): validation, content store,
//               the owner's chain transaction and its receipt, the catalog
//   raw chain   DataTokenRegistry.register sent straight to the chain's JSON-RPC from an anvil dev
//               account registered as a data-provider organization (bench-<random>)
// each N times one after another, then N times by C concurrent clients, after a few warm-ups.
// Then the same on blocks of --block-time seconds (default 1; anvil interval mining for that phase,
// automine restored after), the way a QBFT consortium chain mines, with --block-clients clients.
// Both register a DDO of the same class (the demo's DATA DDO with a random dt) and wait for each
// receipt the way the service does (asked at once, then after 5 ms, doubling up to 100 ms; gas
// limit 3,000,000, price from eth_gasPrice). Goal (issue): end-to-end >= 0.80 of raw chain throughput.
//
// Usage: node bench/registrations.mjs [--count 100] [--concurrency 4] [--warmup 10] [--block-time 1]
//        [--block-clients 16] [--stack <stack.json>]
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  Fatal, Platform, REPO, canonicalBytes, cidOf, inCanonicalShape, log, parseArgs, proofOf, publishOp, readStack,
  registerOrganization, run,
} from '../dev/demo/platform.mjs';
import {
  address, bytes32, bytes32Array, callData, contract, string, textId, textOfId, uint,
} from '../dev/demo/chain.mjs';
import { dataDdo } from '../dev/demo/s1-documents.mjs';
import { RECEIPT_FIRST_PAUSE_MS, RECEIPT_POLL_MS, receiptOf } from './receipts.mjs';

const USAGE = 'usage: ./datatoken bench registrations [--count N (100)] [--concurrency C (4; 1: sequential only)] '
  + '[--warmup W (10)] [--block-time S (1; 0: skip)] [--block-clients B (16)]';
const GOAL = 0.8;
// As the service's chain adapter (services/shared/chain ChainSettings): gas limit.
const GAS_LIMIT = `0x${(3_000_000).toString(16)}`;
const DATA_KIND = 0;


/** A fresh DATA DDO of the demo's class, in the form the service stores. */
function freshDdo(ssShare, label) {
  const dt = `0x${randomBytes(32).toString('hex')}`;
  return inCanonicalShape(dataDdo({ dt, owner: 'bank-a', title: `bench registration ${label}`, ssShare }));
}

/** The raw chain's side: an anvil dev account acting for a data-provider organization. */
async function rawRegistrar(platform) {
  const organizations = contract(platform.stack, 'OrganizationRegistry');
  const tokens = contract(platform.stack, 'DataTokenRegistry');
  const view = async (target, name, types, args) => platform.rpc('eth_call',
    [{ to: target.address, data: callData(target.selector(name, types), args) }, 'latest']);
  const gasPrice = await platform.rpc('eth_gasPrice');
  const send = async (from, to, data, nonce) => platform.rpc('eth_sendTransaction',
    [{ from, to, data, gas: GAS_LIMIT, gasPrice, ...(nonce === undefined ? {} : { nonce }) }], { retry: false });

  const dataProvider = Number(BigInt(await view(organizations, 'DATA_PROVIDER', [], [])));
  const admin = `0x${(await view(organizations, 'admin', [], [])).slice(-40)}`;
  const accounts = (await platform.rpc('eth_accounts')).map((a) => a.toLowerCase());
  if (!accounts.includes(admin)) throw new Fatal(`the registry's admin ${admin} is not an unlocked account of the chain`);

  // Accounts belong to one organization for ever: reuse one an earlier run registered, else claim a free one.
  let account;
  let alias;
  let free;
  for (const candidate of accounts.filter((a) => a !== admin)) {
    const id = await view(organizations, 'organizationOf', ['address'], [{ static: address(candidate) }]);
    if (BigInt(id) === 0n) {
      free ??= candidate;
      continue;
    }
    const hasRole = BigInt(await view(organizations, 'hasRole', ['address', 'uint8'],
      [{ static: address(candidate) }, { static: uint(dataProvider) }])) === 1n;
    if (textOfId(id).startsWith('bench-') && hasRole) {
      [account, alias] = [candidate, textOfId(id)];
      break;
    }
  }
  let registered = 'registered by an earlier run';
  if (!account) {
    if (!free) throw new Fatal('every anvil dev account acts for an organization already; none is left for the bench');
    [account, alias] = [free, `bench-${randomBytes(3).toString('hex')}`];
    const data = callData(organizations.selector('registerOrganization', ['bytes32', 'address', 'uint8']),
      [{ static: bytes32(textId(alias)) }, { static: address(account) }, { static: uint(dataProvider) }]);
    await receiptOf(platform, await send(admin, organizations.address, data));
    registered = `registered now by the operator ${admin}`;
  }
  const selector = tokens.selector('register', ['bytes32', 'uint8', 'string', 'bytes32', 'bytes32[]']);
  // Nonces counted here: anvil gives concurrent eth_sendTransaction calls of one account the same nonce.
  let nonce = BigInt(await platform.rpc('eth_getTransactionCount', [account, 'pending']));
  return {
    describe: `${account} for ${alias} (${registered}), gas price ${BigInt(gasPrice)}`,
    /** The call data of register(dt, DATA, cid, proof, []) for one document. */
    prepare(ddo) {
      const canonical = canonicalBytes(ddo);
      return callData(selector, [{ static: bytes32(ddo.dt) }, { static: uint(DATA_KIND) }, string(cidOf(canonical)),
        { static: bytes32(proofOf(canonical)) }, bytes32Array([])]);
    },
    async register(data) {
      await receiptOf(platform, await send(account, tokens.address, data, `0x${(nonce++).toString(16)}`));
    },
  };
}

/** Runs `count` operations on `concurrency` clients: {rate per second, p50, p95 in ms}. */
async function measure(count, concurrency, prepare, operation) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const input = prepare(next++);
      const t0 = performance.now();
      await operation(input);
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)];
  return { rate: count / seconds, seconds, p50: percentile(0.5), p95: percentile(0.95) };
}

function report(label, e2e, raw) {
  const line = (name, unit, m) => log(`    ${name.padEnd(12)} ${m.rate.toFixed(2).padStart(8)} ${unit.padEnd(16)} `
    + `p50 ${m.p50.toFixed(1).padStart(7)} ms   p95 ${m.p95.toFixed(1).padStart(7)} ms   (${m.seconds.toFixed(1)} s)`);
  log(`${label}:`);
  line('end-to-end', 'registrations/s', e2e);
  line('raw chain', 'transactions/s', raw);
  const ratio = e2e.rate / raw.rate;
  log(`    ratio e2e/raw ${ratio.toFixed(2)} (goal >= ${GOAL.toFixed(2)}: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    stack: '', count: '100', concurrency: '4', warmup: '10', wait: '180', 'block-time': '1', 'block-clients': '16',
  }, USAGE);
  const [count, concurrency, warmup, blockTime, blockClients] =
    [args.count, args.concurrency, args.warmup, args['block-time'], args['block-clients']].map(Number);
  if (![count, concurrency, blockClients].every((n) => Number.isInteger(n) && n >= 1)
    || ![warmup, blockTime].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Fatal(`--count, --concurrency and --block-clients must be positive integers, --warmup and --block-time `
      + `not negative\n${USAGE}`);
  }
  const stack = readStack(args.stack);
  const platform = new Platform(stack, { waitSeconds: Number(args.wait) });
  await platform.ensureUp();

  await registerOrganization(platform, 'bank-a', ['data-provider', 'compute-provider']);
  const { opHash: ssShare } = await publishOp(platform, 'ss-share', '1.0.0', join(REPO, 'dev', 'demo', 'ops', 'ss-share'));
  const raw = await rawRegistrar(platform);
  const runId = randomBytes(3).toString('hex');
  const ddoSize = canonicalBytes(freshDdo(ssShare, `${runId}-0`)).length;

  log(`bench: registrations on ${stack.instance}, ${cpus().length} cores, ${count} per measurement, ${warmup} warm-up each`);
  log(`    end-to-end: POST ${stack.services}/asset/api/v1/assets by alice (bank-a), DATA DDO of ${ddoSize} bytes, 201 each`);
  log(`    raw chain:  DataTokenRegistry.register via ${stack.chainRpc} eth_sendTransaction from ${raw.describe}`);
  log(`    both wait for each receipt (asked at once, then after ${RECEIPT_FIRST_PAUSE_MS} ms doubling up to ${RECEIPT_POLL_MS} ms)`);

  let serial = 0;
  const ddo = () => freshDdo(ssShare, `${runId}-${++serial}`);
  const e2e = (document) => platform.asset('alice', 'POST', '/v1/assets', { body: document, expect: [201], retry: false });
  const chain = (data) => raw.register(data);
  const rawInput = () => raw.prepare(ddo());

  await measure(warmup, 1, ddo, e2e);
  await measure(warmup, 1, rawInput, chain);
  report('sequential', await measure(count, 1, ddo, e2e), await measure(count, 1, rawInput, chain));
  if (concurrency > 1) {
    report(`concurrency ${concurrency}`, await measure(count, concurrency, ddo, e2e), await measure(count, concurrency, rawInput, chain));
    log(`    (the service sends one organization's transactions one at a time, so all ${concurrency} end-to-end clients`);
    log('     share bank-a\'s account; the raw clients share one account too, with nonces counted by the bench)');
  }
  if (blockTime > 0) {
    // Four blocks' worth per side: on a block-time chain the rate is set by inclusion, not by the writer.
    const perSide = blockClients * 4;
    await platform.rpc('evm_setIntervalMining', [blockTime]);
    try {
      report(`${blockTime} s blocks, ${blockClients} clients (QBFT-like; anvil interval mining for this phase)`,
        await measure(perSide, blockClients, ddo, e2e), await measure(perSide, blockClients, rawInput, chain));
    } finally {
      await platform.rpc('evm_setIntervalMining', [0]);
      await platform.rpc('evm_setAutomine', [true]);
    }
  }
}

run(main);
