// ./datatoken trace <dt>: what the tracer's index knows of a Data Token, in the terminal — what it
// is made of (lineage down, with the op each level applies), what uses it (lineage up, with the
// jobs), and its usage: every job that used it, the receipts of all its parties (who recorded them,
// when), its grants and revocations, and the requests its owner's nodes refused.
//
// Usage: node dev/demo/trace.mjs [--stack <stack.json>] --dt <0x…> [--as <demo user, default rita>] [--depth N]
import { Fatal, Platform, log, parseArgs, readStack, reasonOf, run } from './platform.mjs';

const USAGE = 'usage: ./datatoken trace <dt> [--as <demo user, default rita (regulator)>] [--depth <1-32, default 10>]';
const short = (hex) => (hex ? `${hex.slice(0, 10)}…${hex.slice(-4)}` : '-');
const when = (iso) => (iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '?');

/** The op an edge's parent applies to its child, or why it is not known. */
function opOf(edge) {
  const op = edge.op;
  if (!op) return '';
  if (op.status === 'KNOWN') {
    const params = Object.entries(op.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    return `  op ${op.opName ?? short(op.opHash)}${op.opVersion ? ` ${op.opVersion}` : ''}${params ? ` (${params})` : ''}`;
  }
  return `  op ${op.status.toLowerCase().replace('_', ' ')}${op.reason ? `: ${op.reason}` : ''}`;
}

async function get(platform, user, url) {
  const response = await platform.call(user, 'GET', url, { expect: [200, 400, 403, 404] });
  if (response.status !== 200) {
    throw new Fatal(`${new URL(url).pathname} as ${user}: ${response.status} ${reasonOf(response.body)}: ${response.body.detail}`);
  }
  return response.body;
}

function tree(lineage, from, direction) {
  const tokens = new Map([[lineage.token.dt, lineage.token], ...lineage.tokens.map((t) => [t.dt, t])]);
  const next = new Map();
  for (const edge of lineage.edges) {
    const [a, b] = direction === 'down' ? [edge.parent, edge.child] : [edge.child, edge.parent];
    if (!next.has(a)) next.set(a, []);
    next.get(a).push({ dt: b, edge });
  }
  const seen = new Set();
  const walk = (dt, prefix, edge) => {
    const t = tokens.get(dt) ?? { kind: '?', owner: '?' };
    const granted = edge?.grant ? `  [${edge.grant.change.toLowerCase()} at block ${edge.grant.blockNumber}]` : '';
    log(`${prefix}${short(dt)} ${t.kind.padEnd(9)} ${t.owner}${edge ? opOf(edge) : ''}${granted}`);
    if (seen.has(dt)) return;
    seen.add(dt);
    for (const child of next.get(dt) ?? []) walk(child.dt, `${prefix}    `, child.edge);
  };
  walk(from, '    ', null);
  if (lineage.truncated) log(`    … deeper than ${lineage.depth} levels (--depth)`);
}

async function main() {
  const argv = process.argv.slice(2);
  const positional = argv[0] && !argv[0].startsWith('--') ? ['--dt', argv[0], ...argv.slice(1)] : argv;
  const args = parseArgs(positional, { stack: '', dt: '', as: 'rita', depth: '10' }, USAGE);
  if (!args.dt) throw new Fatal(USAGE);
  const stack = readStack(args.stack);
  const platform = new Platform(stack);
  const tracer = `${stack.services}/tracer/api/v1`;
  const down = await get(platform, args.as, `${tracer}/lineage/${args.dt}?direction=down&depth=${args.depth}`);
  const up = await get(platform, args.as, `${tracer}/lineage/${args.dt}?direction=up&depth=${args.depth}`);
  const usage = await get(platform, args.as, `${tracer}/usage/${args.dt}`);

  log(`${args.dt}: ${down.token.kind} of ${down.token.owner}, registered at block ${down.token.registeredBlock}`
    + ` on ${when(down.token.registeredAt)} by ${short(down.token.registeredBy)} (as ${args.as})`);
  log('made of (lineage down):');
  tree(down, args.dt, 'down');
  log('used by (lineage up):');
  tree(up, args.dt, 'up');
  log('jobs:');
  if (usage.jobs.length === 0) log('    none');
  for (const job of usage.jobs) {
    log(`    job ${short(job.job)} of ${job.owner}, task ${short(job.task)}, algorithm ${short(job.algorithm)}: ${job.state}`
      + ` (submitted on ${when(job.submittedAt)} by ${short(job.submittedBy)}, block ${job.submittedBlock})`);
    for (const r of usage.receipts.filter((x) => x.job === job.job)) {
      log(`        receipt ${r.party.padEnd(10)} ${short(r.dt)} op ${short(r.op)} result ${short(r.resultHash)}`
        + ` block ${r.blockNumber} on ${when(r.recordedAt)} by ${short(r.recordedBy)}`);
    }
  }
  log('refused requests (reported by the owner\'s nodes):');
  if (usage.refusals.length === 0) log('    none');
  for (const r of usage.refusals) {
    log(`    ${when(r.refusedAt)} ${r.organization}'s node ${short(r.signer)}: ${r.code}${r.job ? ` (job ${short(r.job)})` : ''}`
      + ` — ${r.detail}`);
  }
  log('grants and revocations:');
  if (usage.grants.length === 0) log('    none');
  for (const g of usage.grants) {
    log(`    ${g.change.padEnd(8)} ${short(g.child)} -> ${short(g.parent)} at block ${g.blockNumber} on ${when(g.at)}`
      + ` by ${short(g.by)}`);
  }
}

run(main);
