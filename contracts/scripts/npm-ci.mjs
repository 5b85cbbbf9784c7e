// Runs `npm ci` only when node_modules does not match package-lock.json, so the Maven build
// stays fast once installed and never deletes the anvil binary under a running dev chain.
// The hash of the lock file that was installed is kept in node_modules/.datatoken-lock.sha256.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(moduleDir, 'package-lock.json');
const marker = join(moduleDir, 'node_modules', '.datatoken-lock.sha256');
const npm = process.env.NPM_EXECUTABLE ?? 'npm';

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === lockHash) {
  console.log('npm-ci: node_modules matches package-lock.json');
  process.exit(0);
}

const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: moduleDir, stdio: 'inherit' });
if (result.error) {
  console.error(`npm-ci: cannot run '${npm}': ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(marker, `${lockHash}\n`);
