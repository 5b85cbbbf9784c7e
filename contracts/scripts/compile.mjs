// Compiles every .sol under src/main/solidity with solc-js (standard JSON) into target/solc:
// <Contract>.abi, <Contract>.bin and one combined contracts.json. Exits non-zero on any error.
//
// The EVM version is set explicitly: solc 0.8.37 defaults to osaka, which older chains reject.
// Keep it equal to the hardfork anvil runs with in tests (--hardfork cancun).
//
// Usage: node scripts/compile.mjs [--evm-version cancun] [--out target/solc]
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const evmVersion = args['evm-version'] ?? process.env.DATATOKEN_EVM_VERSION ?? 'cancun';
const sourceDir = join(moduleDir, 'src', 'main', 'solidity');
const outDir = resolve(moduleDir, args.out ?? join('target', 'solc'));

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

function fail(message) {
  console.error(`compile: ${message}`);
  process.exit(1);
}

function solidityFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return solidityFiles(path);
    return name.endsWith('.sol') ? [path] : [];
  }).sort();
}

const files = solidityFiles(sourceDir);
if (files.length === 0) fail(`no .sol files under ${sourceDir}`);

const sources = Object.fromEntries(files.map((file) => [
  relative(sourceDir, file).split('\\').join('/'),
  { content: readFileSync(file, 'utf8') },
]));

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

// Imports resolve relative to src/main/solidity only: no remappings, no node_modules lookups.
function findImport(path) {
  try {
    return { contents: readFileSync(join(sourceDir, path), 'utf8') };
  } catch {
    return { error: `import '${path}' not found under src/main/solidity` };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const diagnostics = output.errors ?? [];
for (const d of diagnostics) console.error(d.formattedMessage ?? d.message);
if (diagnostics.some((d) => d.severity === 'error')) fail('compilation failed');

mkdirSync(outDir, { recursive: true });
const combined = { compiler: solc.version(), evmVersion, contracts: {} };
for (const [source, contracts] of Object.entries(output.contracts ?? {})) {
  for (const [name, artifact] of Object.entries(contracts)) {
    const bytecode = artifact.evm.bytecode.object;
    if (!bytecode) continue; // interfaces and abstract contracts cannot be deployed
    if (combined.contracts[name]) fail(`contract name ${name} is declared twice`);
    writeFileSync(join(outDir, `${name}.abi`), JSON.stringify(artifact.abi, null, 2));
    writeFileSync(join(outDir, `${name}.bin`), bytecode);
    combined.contracts[name] = { source, abi: artifact.abi, bytecode };
  }
}
writeFileSync(join(outDir, 'contracts.json'), JSON.stringify(combined, null, 2));
// Read by Java tooling (e.g. tests start anvil with --hardfork <evmVersion>) without a JSON parser.
writeFileSync(join(outDir, 'contracts.properties'),
  `solcVersion=${solc.version()}\nevmVersion=${evmVersion}\ncontracts=${Object.keys(combined.contracts).join(',')}\n`);
console.log(`compile: ${Object.keys(combined.contracts).join(', ')} -> ${relative(moduleDir, outDir)} `
  + `(solc ${solc.version()}, evm ${evmVersion})`);
