// Deploys every compiled contract (target/solc/<Contract>.bin) to a DEV chain such as anvil,
// from the node's first unlocked account, and writes a deployment record:
//   {chainId, deployer, deployedAt, contracts: {Name: {address, txHash, block, constructorArgs}}}
// Contracts are deployed after the contracts whose addresses they take as constructor
// arguments (CONSTRUCTOR_ARGS below); the arguments are checked against each ABI's constructor.
// Idempotent: if the record exists, is for the same chain and code is found at every recorded
// address, nothing is sent. Plain Node 20 (global fetch), no npm dependencies.
//
// Usage: node scripts/deploy.mjs --rpc http://127.0.0.1:8545 --out <file.json>
//        [--solc target/solc] [--timeout-ms 30000] [--poll-ms 100]
// Dev chains only: production contracts are deployed by the operator with a managed key.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const rpcUrl = required('rpc');
const outFile = resolve(required('out'));
const solcDir = resolve(moduleDir, args.solc ?? join('target', 'solc'));
const timeoutMs = Number(args['timeout-ms'] ?? 30000);
const pollMs = Number(args['poll-ms'] ?? 100);

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      fail(`unexpected argument '${argv[i]}' (expected --name value pairs)`);
    }
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  return parsed;
}

function required(name) {
  if (!args[name]) fail(`--${name} is required`);
  return args[name];
}

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

let rpcId = 0;
async function rpc(method, params = []) {
  let response;
  try {
    response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    });
  } catch (e) {
    throw new Error(`cannot reach ${rpcUrl}: ${e.cause?.message ?? e.message}`);
  }
  const body = await response.json();
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result;
}

async function waitForReceipt(txHash) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await rpc('eth_getTransactionReceipt', [txHash]);
    if (receipt) return receipt;
    if (Date.now() > deadline) throw new Error(`no receipt for ${txHash} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, pollMs));
  }
}

// Constructor arguments of each contract, in ABI order: the addresses of other contracts of this
// deployment. A contract not listed here must have a constructor without inputs.
const CONSTRUCTOR_ARGS = {
  OpRegistry: ['OrganizationRegistry'],
  DataTokenRegistry: ['OrganizationRegistry'],
  TaskMarket: ['DataTokenRegistry', 'OpRegistry'],
};

function constructorInputs(name) {
  const abi = JSON.parse(readFileSync(join(solcDir, `${name}.abi`), 'utf8'));
  return abi.find((entry) => entry.type === 'constructor')?.inputs ?? [];
}

/** Orders the contracts so that every constructor argument is deployed before it is needed. */
function deploymentOrder(contracts) {
  const byName = new Map(contracts.map((c) => [c.name, c]));
  for (const { name } of contracts) {
    const inputs = constructorInputs(name);
    const args = CONSTRUCTOR_ARGS[name] ?? [];
    if (inputs.length !== args.length || inputs.some((input) => input.type !== 'address')) {
      fail(`${name}'s constructor takes (${inputs.map((i) => i.type).join(', ')}); `
        + `deploy.mjs passes the addresses of [${args.join(', ')}]: update CONSTRUCTOR_ARGS`);
    }
    for (const dependency of args) {
      if (!byName.has(dependency)) fail(`${name} needs ${dependency}, which was not compiled`);
    }
  }
  const ordered = [];
  const visiting = new Set();
  const visit = (name) => {
    if (ordered.some((c) => c.name === name)) return;
    if (visiting.has(name)) fail(`constructor arguments of ${name} form a cycle`);
    visiting.add(name);
    for (const dependency of CONSTRUCTOR_ARGS[name] ?? []) visit(dependency);
    ordered.push(byName.get(name));
  };
  for (const { name } of contracts) visit(name);
  return ordered;
}

/** ABI encoding of address arguments: each one left-padded to 32 bytes. */
function encodeAddresses(addresses) {
  return addresses.map((address) => {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) fail(`'${address}' is not an address`);
    return address.slice(2).toLowerCase().padStart(64, '0');
  }).join('');
}

function compiledContracts() {
  if (!existsSync(solcDir)) fail(`${solcDir} not found: run 'node scripts/compile.mjs' (or the Maven build) first`);
  const names = readdirSync(solcDir).filter((f) => f.endsWith('.bin')).map((f) => f.slice(0, -4)).sort();
  if (names.length === 0) fail(`no .bin files in ${solcDir}`);
  return names.map((name) => ({ name, bytecode: readFileSync(join(solcDir, `${name}.bin`), 'utf8').trim() }));
}

async function isStillDeployed(record, chainId, contracts) {
  if (record.chainId !== chainId) return false;
  for (const { name } of contracts) {
    const entry = record.contracts?.[name];
    if (!entry?.address) return false;
    const code = await rpc('eth_getCode', [entry.address, 'latest']);
    if (!code || code === '0x') return false;
  }
  return true;
}

async function main() {
  const contracts = compiledContracts();
  const chainId = Number(BigInt(await rpc('eth_chainId')));

  if (existsSync(outFile)) {
    const record = JSON.parse(readFileSync(outFile, 'utf8'));
    if (await isStillDeployed(record, chainId, contracts)) {
      console.log(`deploy: already deployed on chain ${chainId} (${outFile}); nothing to do`);
      return;
    }
    console.log(`deploy: ${outFile} does not match chain ${chainId} any more; deploying again`);
  }

  const [deployer] = await rpc('eth_accounts');
  if (!deployer) fail(`${rpcUrl} has no unlocked account (dev chains only, e.g. anvil)`);

  const record = { chainId, deployer, deployedAt: new Date().toISOString(), contracts: {} };
  // Legacy transactions at the node's own price: on a free-gas chain (price 0) the node's EIP-1559
  // fee filling would pick a priority fee above the zero fee cap.
  const gasPrice = await rpc('eth_gasPrice');
  for (const { name, bytecode } of deploymentOrder(contracts)) {
    const constructorArgs = (CONSTRUCTOR_ARGS[name] ?? []).map((dependency) => record.contracts[dependency].address);
    const data = `0x${bytecode}${encodeAddresses(constructorArgs)}`;
    const txHash = await rpc('eth_sendTransaction', [{ from: deployer, data, gasPrice }]);
    const receipt = await waitForReceipt(txHash);
    if (receipt.status !== '0x1' || !receipt.contractAddress) {
      fail(`deploying ${name} failed (tx ${txHash}, status ${receipt.status})`);
    }
    record.contracts[name] = {
      address: receipt.contractAddress,
      txHash,
      block: Number(BigInt(receipt.blockNumber)),
      constructorArgs,
    };
    console.log(`deploy: ${name} at ${receipt.contractAddress} (tx ${txHash})`);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`deploy: record written to ${outFile}`);
}

main().catch((e) => fail(e.message));
