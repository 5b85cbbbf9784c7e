// Straight JSON-RPC to the platform's contracts, for what the services do not offer (finding an
// op by name, the bench's raw transactions): function selectors from the compiled ABIs
// (contracts/target/solc), keccak-256 from js-sha3 (installed with solc in contracts/node_modules),
// and hand-written ABI encoding of the few argument types used here.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Fatal, REPO } from './platform.mjs';

const SOLC_DIR = join(REPO, 'contracts', 'target', 'solc');
let keccak256;

function keccak(text) {
  if (!keccak256) {
    const module = join(REPO, 'contracts', 'node_modules', 'js-sha3');
    if (!existsSync(module)) throw new Fatal(`${module} is missing: build the contracts module (mvn install -pl contracts)`);
    keccak256 = createRequire(import.meta.url)(module).keccak256;
  }
  return keccak256(text);
}

/** A contract of the stack's deployment record: {address, selector(name, inputTypes)}. */
export function contract(stack, name) {
  const deployment = JSON.parse(readFileSync(stack.deployment, 'utf8'));
  const address = deployment.contracts?.[name]?.address;
  if (!address) throw new Fatal(`${stack.deployment} records no ${name}`);
  const abiFile = join(SOLC_DIR, `${name}.abi`);
  if (!existsSync(abiFile)) throw new Fatal(`${abiFile} is missing: build the contracts module (mvn install -pl contracts)`);
  const abi = JSON.parse(readFileSync(abiFile, 'utf8'));
  return {
    address,
    /** 0x + the 4-byte selector, after checking the ABI declares exactly these input types. */
    selector(functionName, inputTypes) {
      const declared = abi.find((e) => e.type === 'function' && e.name === functionName);
      const types = declared?.inputs.map((i) => i.type);
      if (!declared || types.join(',') !== inputTypes.join(',')) {
        throw new Fatal(`${name}.${functionName} takes (${types?.join(', ') ?? 'nothing: not in the ABI'}), `
          + `this script encodes (${inputTypes.join(', ')}): update it`);
      }
      return `0x${keccak(`${functionName}(${types.join(',')})`).slice(0, 8)}`;
    },
  };
}

// ---- ABI encoding: every argument one 32-byte word, dynamic ones by offset after the head --

const word = (hex) => hex.replace(/^0x/, '').padStart(64, '0');
export const uint = (n) => word(BigInt(n).toString(16));
export const address = (a) => word(a.toLowerCase());
export const bytes32 = (b) => b.replace(/^0x/, '').toLowerCase().padEnd(64, '0');

/** A bytes32 holding ASCII text left-aligned, as Solidity's bytes32("bank-a"): the ledger's organization ids. */
export function textId(text) {
  if (text.length > 32) throw new Fatal(`'${text}' is longer than 32 characters`);
  return `0x${Buffer.from(text, 'ascii').toString('hex').padEnd(64, '0')}`;
}

export function textOfId(id) {
  return Buffer.from(id.replace(/^0x/, ''), 'hex').toString('ascii').replace(/\0+$/, '');
}

/**
 * Call data: `selector` then the arguments; each is {static: word} or {dynamic: words} (the tail
 * of a string or array, placed after the head and referenced there by its offset).
 */
export function callData(selector, args) {
  let tail = '';
  const headBytes = 32 * args.length;
  const head = args.map((arg) => {
    if (arg.static !== undefined) return arg.static;
    const offset = uint(headBytes + tail.length / 2);
    tail += arg.dynamic;
    return offset;
  });
  return selector + head.join('') + tail;
}

export function string(text) {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  return { dynamic: uint(hex.length / 2) + hex.padEnd(Math.ceil(hex.length / 64) * 64, '0') };
}

export function bytes32Array(items) {
  return { dynamic: uint(items.length) + items.map(bytes32).join('') };
}

/** The words of a bytes32[] return value. */
export function decodeBytes32Array(result) {
  const hex = result.replace(/^0x/, '');
  const offset = Number(BigInt(`0x${hex.slice(0, 64)}`)) * 2;
  const length = Number(BigInt(`0x${hex.slice(offset, offset + 64)}`));
  return Array.from({ length }, (_, i) => `0x${hex.slice(offset + 64 + i * 64, offset + 128 + i * 64)}`);
}

/**
 * The op hashes published under `name`, oldest first, as the OpRegistry lists them (the asset
 * service finds an op by hash only).
 */
export async function opVersions(platform, name) {
  const registry = contract(platform.stack, 'OpRegistry');
  const data = callData(registry.selector('versionsOf', ['string']), [string(name)]);
  return decodeBytes32Array(await platform.rpc('eth_call', [{ to: registry.address, data }, 'latest']));
}
