// A small client of a running DataToken stack for the demo and bench scripts: finds the instance's
// stack.json, gets demo users' tokens (password grant, dev only), calls the services with retries
// while they restart, and computes what a client can check itself (canonical form, proof, CID).
// Plain Node 20 (global fetch, node:crypto), no npm dependencies.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEV_CLIENT = 'datatoken-dev-cli';
const DEMO_PASSWORD = 'datatoken';
const LIBERTY_BASE_PORT = 9080;

/** A refusal or failure the scripts report as one clear line and exit 1 for. */
export class Fatal extends Error {}

export function log(line = '') {
  process.stdout.write(`${line}\n`);
}

/** Runs a script's main: a Fatal (or anything else) ends it with ERROR: and exit status 1. */
export function run(main) {
  main().catch((e) => {
    process.stderr.write(`ERROR: ${e instanceof Fatal ? e.message : e.stack ?? e}\n`);
    process.exit(1);
  });
}

/** A deterministic generator of numbers in [0, 1) (mulberry32), so every run of a demo uses the same data. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** --name value pairs; flags listed in `known` only, each with its default (a number's: a number, 0 or more). */
export function parseArgs(argv, known, usage) {
  const parsed = { ...known };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name === 'help') {
      log(usage);
      process.exit(0);
    }
    if (name === null || !(name in known) || argv[i + 1] === undefined) {
      throw new Fatal(`unexpected argument '${argv[i]}'\n${usage}`);
    }
    // a flag whose default is a number takes a number: a typo must not become NaN (a wait without end)
    if (/^\d+$/.test(known[name]) && !(argv[i + 1].trim() !== '' && Number(argv[i + 1]) >= 0)) {
      throw new Fatal(`--${name} must be a number, 0 or more, not '${argv[i + 1]}'\n${usage}`);
    }
    parsed[name] = argv[i + 1];
  }
  return parsed;
}

/**
 * The instance's stack.json, found as the launcher does: the path given (the launcher passes its
 * own), else $DATATOKEN_HOME/run/stack.json, else .datatoken/local of this repository. The launcher
 * writes it when everything is up and removes it on down, so no file means no running stack.
 */
export function readStack(path) {
  const home = process.env.DATATOKEN_HOME || join(REPO, '.datatoken', 'local');
  const file = resolve(path || join(home, 'run', 'stack.json'));
  if (!existsSync(file)) {
    throw new Fatal(`the stack is not running (no ${file}); start it with ./datatoken up`);
  }
  const stack = JSON.parse(readFileSync(file, 'utf8'));
  const offset = process.env.DATATOKEN_PORT_OFFSET;
  if (offset && Number(new URL(stack.services).port) !== LIBERTY_BASE_PORT + Number(offset)) {
    throw new Fatal(`${file} describes services at ${stack.services}, but DATATOKEN_PORT_OFFSET=${offset} `
      + `means port ${LIBERTY_BASE_PORT + Number(offset)}: point DATATOKEN_HOME at the instance started with that offset`);
  }
  return { ...stack, file };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The reason a problem+json names (the last segment of its type), e.g. organization-exists. */
export function reasonOf(body) {
  return typeof body?.type === 'string' ? body.type.split('/').pop() : undefined;
}

function describe(response) {
  const { status, body } = response;
  if (body && typeof body === 'object' && body.detail) {
    const violations = (body.violations ?? []).map((v) => `\n    at ${v.pointer || '/'}: ${v.message}`).join('');
    return `${status} ${reasonOf(body)}: ${body.detail}${violations}`;
  }
  return `${status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body)}`;
}

/**
 * The services, Keycloak and the chain of one running stack. Calls are retried while a part
 * restarts (connection refused, 503, a WAR not deployed yet) for up to `waitSeconds`; every
 * other answer is returned as is, and `expect` turns an unexpected status into a Fatal.
 */
export class Platform {
  constructor(stack, { waitSeconds = 180 } = {}) {
    this.stack = stack;
    this.waitMs = waitSeconds * 1000;
    this.tokens = new Map();
    this.rpcId = 0;
  }

  /** Fails clearly unless the services, Keycloak and the chain answer (waiting out a restart). */
  async ensureUp() {
    await this.#retrying(`services at ${this.stack.services}`, async () => {
      const response = await fetch(`${this.stack.services}/health`);
      await response.arrayBuffer();
      return response.ok ? { value: true } : { transient: `health answers ${response.status}` };
    });
    await this.rpc('eth_chainId');
    await this.token('admin');
  }

  /** A demo user's access token (password grant on the dev-only client), renewed before it expires. */
  async token(user) {
    const cached = this.tokens.get(user);
    if (cached && cached.until > Date.now()) return cached.token;
    const url = `${this.stack.keycloak}/realms/${this.stack.realm}/protocol/openid-connect/token`;
    const form = new URLSearchParams({ grant_type: 'password', client_id: DEV_CLIENT, username: user, password: DEMO_PASSWORD });
    const response = await this.#retrying(`Keycloak at ${this.stack.keycloak}`, async () => {
      const r = await fetch(url, { method: 'POST', body: form });
      const body = await r.json().catch(() => null);
      return r.status >= 500 ? { transient: `it answers ${r.status}` } : { value: { status: r.status, body } };
    });
    if (response.status !== 200 || !response.body?.access_token) {
      throw new Fatal(`Keycloak refused a token for '${user}': ${response.status} `
        + `${response.body?.error_description ?? response.body?.error ?? ''}`);
    }
    const lifetimeMs = (response.body.expires_in ?? 60) * 1000;
    this.tokens.set(user, { token: response.body.access_token, until: Date.now() + lifetimeMs - Math.min(30000, lifetimeMs / 2) });
    return response.body.access_token;
  }

  /**
   * Calls the asset service as `user`: {status, body (JSON when JSON, else text), headers, text}.
   * With `expect` (statuses), any other status is a Fatal naming the problem's reason and detail.
   * `retry: false` fails at once instead of waiting out a restart (for timed requests).
   */
  async asset(user, method, path, options = {}) {
    return this.call(user, method, `${this.stack.services}/asset/api${path}`, options);
  }

  /** Like asset(), for any service of the stack or a compute node: `url` is absolute. */
  async call(user, method, url, { body, contentType = 'application/json', expect, retry = true } = {}) {
    const path = new URL(url).pathname;
    const call = async () => {
      const response = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${await this.token(user)}`, Accept: 'application/json', 'Content-Type': contentType },
        body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(60000),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      const parsed = type.includes('json') && text ? JSON.parse(text) : text;
      // While Liberty restarts: 503, or a 404 page (not problem+json) until the WAR is deployed.
      if (response.status === 503 || (response.status === 404 && !type.includes('json'))) {
        return { transient: `${response.status} (${method} ${path})` };
      }
      return { value: { status: response.status, body: parsed, headers: response.headers, text } };
    };
    const response = retry ? await this.#retrying(`${new URL(url).origin}`, call) : await this.#once(call);
    if (expect && !expect.includes(response.status)) {
      throw new Fatal(`${method} ${path} as ${user} answered ${describe(response)}`);
    }
    return response;
  }

  /** One JSON-RPC call to the chain; an error answer is a Fatal. */
  async rpc(method, params = [], { retry = true } = {}) {
    const call = async () => {
      const response = await fetch(this.stack.chainRpc, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++this.rpcId, method, params }),
      });
      return { value: await response.json() };
    };
    const answer = retry ? await this.#retrying(`the chain at ${this.stack.chainRpc}`, call) : await this.#once(call);
    if (answer.error) {
      throw new Fatal(`${method} failed: ${answer.error.message}${answer.error.data ? ` (${JSON.stringify(answer.error.data)})` : ''}`);
    }
    return answer.result;
  }

  async #once(call) {
    let outcome;
    try {
      outcome = await call();
    } catch (e) {
      if (!isUnreachable(e)) throw e;
      outcome = { transient: unreachableReason(e) };
    }
    if (outcome.transient) throw new Fatal(`${outcome.transient} during a timed request: the stack went away; run again`);
    return outcome.value;
  }

  async #retrying(what, call) {
    const deadline = Date.now() + this.waitMs;
    let noted = false;
    for (;;) {
      let outcome;
      try {
        outcome = await call();
      } catch (e) {
        if (!isUnreachable(e)) throw e;
        outcome = { transient: unreachableReason(e) };
      }
      if (!outcome.transient) return outcome.value;
      if (Date.now() > deadline) {
        throw new Fatal(`${what}: ${outcome.transient} for ${this.waitMs / 1000} s; is the stack running? (./datatoken status)`);
      }
      if (!noted) {
        log(`    ... ${what}: ${outcome.transient}; waiting up to ${this.waitMs / 1000} s (a restart?)`);
        noted = true;
      }
      await sleep(1000);
    }
  }
}

function isUnreachable(e) {
  return e instanceof TypeError || e?.name === 'TimeoutError';
}

function unreachableReason(e) {
  return e?.name === 'TimeoutError' ? 'no answer in 60 s' : e.cause?.code ?? e.cause?.message ?? e.message;
}

// ---- what a client computes itself -------------------------------------------------------

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest();
}

/**
 * RFC 8785 (JCS) form of a DDO, as UTF-8 bytes. Exact for what DDOs hold (strings, integers,
 * booleans, null, arrays, objects): JCS serializes those as ES2015 JSON.stringify does, with
 * object keys sorted by UTF-16 code units, which is what Array.prototype.sort compares.
 */
export function canonicalBytes(value) {
  const write = (v) => {
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${write(v[k])}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return Buffer.from(write(value), 'utf8');
}

/**
 * The document as the service's canonical form spells it: every default written out (empty
 * lists and maps, a missing description or purpose as null), so its RFC 8785 form, proof and CID
 * are the ones the service computes. Mirrors services/shared/metadata DdoJson.toTree.
 */
export function inCanonicalShape(ddo) {
  const map = (m) => ({ ...(m ?? {}) });
  const present = (object, keys) => Object.fromEntries(keys.filter((k) => object?.[k] != null).map((k) => [k, object[k]]));
  return {
    dt: ddo.dt,
    kind: ddo.kind,
    title: ddo.title,
    description: ddo.description ?? null,
    owner: ddo.owner,
    services: ddo.services.map((service) => ({
      type: service.type,
      ...present(service, ['endpoint']),
      childDts: [...(service.childDts ?? [])],
      supportedOps: [...(service.supportedOps ?? [])],
      workflow: { setOps: map(service.workflow?.setOps), configs: map(service.workflow?.configs) },
      terms: {
        allowedOps: Object.fromEntries(Object.entries(service.terms?.allowedOps ?? {}).map(([op, limits]) => [op, map(limits)])),
        consumerOrganizations: [...(service.terms?.consumerOrganizations ?? [])],
        purpose: service.terms?.purpose ?? null,
        ...present(service.terms, ['expiresAt', 'maxUses', 'minParties']),
      },
      extraParams: map(service.extraParams),
    })),
  };
}

/** The proof the chain records: 0x + sha-256 of the canonical form. */
export function proofOf(canonical) {
  return `0x${sha256(canonical).toString('hex')}`;
}

/** CIDv1, codec raw, sha2-256, base32 lower case (bafkrei…): how the content store names one block. */
export function cidOf(bytes) {
  const raw = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), sha256(bytes)]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let text = 'b';
  let buffer = 0;
  let bits = 0;
  for (const byte of raw) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(buffer >>> (bits - 5)) & 0x1f];
      bits -= 5;
    }
  }
  if (bits > 0) text += alphabet[(buffer << (5 - bits)) & 0x1f];
  return text;
}

/**
 * An op's code package: its directory as an uncompressed ustar archive, files in name order with
 * fixed owner, mode and time, so the same sources always give the same bytes and so the same op hash.
 */
export function opPackage(dir) {
  const files = [];
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      if (name.startsWith('.') || name === '__pycache__') continue;
      const relative = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, relative)).isDirectory()) walk(relative);
      else files.push(relative);
    }
  };
  walk('');
  if (files.length === 0) throw new Fatal(`no files in ${dir}`);
  const blocks = [];
  for (const name of files) {
    const content = readFileSync(join(dir, name));
    if (Buffer.byteLength(name) > 100) throw new Fatal(`${name}: ustar names are at most 100 bytes`);
    const header = Buffer.alloc(512);
    const field = (offset, length, value) => header.write(value, offset, length, 'ascii');
    field(0, 100, name);
    field(100, 8, '0000644\0');
    field(108, 8, '0000000\0');
    field(116, 8, '0000000\0');
    field(124, 12, `${content.length.toString(8).padStart(11, '0')}\0`);
    field(136, 12, '00000000000\0');
    field(148, 8, '        ');
    field(156, 1, '0');
    field(257, 6, 'ustar\0');
    field(263, 2, '00');
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    field(148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

// ---- steps shared by the demo and the bench ---------------------------------------------

/**
 * Registers a Keycloak organization on chain (as admin) unless it is already:
 * {alias, account, roles, created}. Warns if it is registered with other roles.
 */
export async function registerOrganization(platform, alias, roles) {
  // Asked first: repeating a registration that landed answers 201 again, so 201 alone does not mean new.
  let standing = await platform.asset('admin', 'GET', `/v1/organizations/${alias}`, { expect: [200, 404] });
  if (standing.status === 404) {
    const response = await platform.asset('admin', 'POST', `/v1/organizations/${alias}/registration`,
      { body: { roles }, expect: [201, 409] });
    if (response.status === 201) {
      return { alias, account: response.body.account, roles: response.body.roles, created: true };
    }
    if (reasonOf(response.body) !== 'organization-exists') {
      throw new Fatal(`registering ${alias} answered ${describe(response)}`);
    }
    standing = await platform.asset('admin', 'GET', `/v1/organizations/${alias}`, { expect: [200] });
  }
  const missing = roles.filter((role) => !standing.body.roles.includes(role));
  if (missing.length > 0) {
    log(`WARNING: ${alias} is registered on chain without ${missing.join(', ')} (it has ${standing.body.roles.join(', ')})`);
  }
  return { alias, account: standing.body.account, roles: standing.body.roles, created: false };
}

/**
 * Publishes the op whose code package is built from `dir` (as admin) unless it is published:
 * {opHash, name, version, codeCid, deprecated, created, foreign}. If this name and version were
 * published with other code (say by hand on this instance), that op is used, with a warning
 * (foreign: true): a name and version never change their code.
 */
export async function publishOp(platform, name, version, dir) {
  const codePackage = opPackage(dir);
  const opHash = `0x${sha256(codePackage).toString('hex')}`;
  const query = `name=${encodeURIComponent(name)}&version=${encodeURIComponent(version)}`;
  const response = await platform.asset('admin', 'POST', `/v1/ops?${query}`,
    { body: codePackage, contentType: 'application/octet-stream', expect: [201, 409] });
  let op = response.body;
  if (response.status === 409) {
    const standing = await platform.asset('admin', 'GET', `/v1/ops/${opHash}`, { expect: [200, 404] });
    op = standing.status === 200 ? standing.body : await publishedAs(platform, name, version);
    if (!op) throw new Fatal(`publishing ${name} ${version} answered ${describe(response)}`);
    if (op.name !== name || op.version !== version) {
      log(`WARNING: the package of ${name} ${version} is published as ${op.name} ${op.version} (${op.opHash}); using that op`);
    } else if (op.opHash !== opHash) {
      log(`WARNING: ${name} ${version} is published with other code (${op.opHash}, ${op.codeCid}) than ${dir} `
        + `(${opHash}); using the published op. Publish new code under a new version.`);
    }
  }
  if (op.deprecated) throw new Fatal(`${name} ${version} (${op.opHash}) is deprecated; assets cannot name it`);
  return { ...op, created: response.status === 201, foreign: op.opHash !== opHash };
}

/** The op published as this name and version, found through the OpRegistry, or undefined. */
async function publishedAs(platform, name, version) {
  const { opVersions } = await import('./chain.mjs');
  for (const hash of await opVersions(platform, name)) {
    const op = await platform.asset('admin', 'GET', `/v1/ops/${hash}`, { expect: [200] });
    if (op.body.version === version) return op.body;
  }
  return undefined;
}
