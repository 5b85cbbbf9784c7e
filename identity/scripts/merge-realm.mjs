#!/usr/bin/env node
// Merges overlay realm fragments (e.g. identity/dev/datatoken-dev.json) over the production realm
// file and prints ONE importable realm JSON, because Keycloak imports a single file per realm.
//
// Usage: node merge-realm.mjs <realm.json> [overlay.json ...] > <dist>/data/import/datatoken-realm.json
//
// Rules: objects merge key by key (overlay wins); arrays of named entries (clients by clientId,
// roles/scopes by name, users by username, organizations by alias, mappers by name) merge entry
// by entry, new entries are appended; any other array (redirectUris, webOrigins, realmRoles...)
// is REPLACED by the overlay, so dev redirect URIs replace the production placeholder.
// Keys starting with "_" (e.g. "_comment") are documentation and are dropped.
import { readFileSync } from 'node:fs';

const IDENTITY_KEYS = ['clientId', 'alias', 'username', 'name'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function identityKeyOf(array) {
  if (array.length === 0 || !array.every(isObject)) return null;
  return IDENTITY_KEYS.find((key) => array.every((e) => typeof e[key] === 'string')) ?? null;
}

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, strip(v)]));
}

function mergeArrays(base, overlay) {
  const key = identityKeyOf(overlay);
  if (key === null || (base.length > 0 && identityKeyOf(base) !== key)) return overlay;
  const merged = base.map((e) => ({ ...e }));
  for (const entry of overlay) {
    const index = merged.findIndex((e) => e[key] === entry[key]);
    if (index >= 0) merged[index] = merge(merged[index], entry);
    else merged.push(entry);
  }
  return merged;
}

function merge(base, overlay) {
  if (Array.isArray(base) && Array.isArray(overlay)) return mergeArrays(base, overlay);
  if (isObject(base) && isObject(overlay)) {
    const result = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      result[k] = k in base ? merge(base[k], v) : v;
    }
    return result;
  }
  return overlay;
}

function main(files) {
  if (files.length === 0) {
    process.stderr.write('usage: merge-realm.mjs <realm.json> [overlay.json ...]\n');
    process.exit(2);
  }
  const documents = files.map((f) => strip(JSON.parse(readFileSync(f, 'utf8'))));
  const realm = documents.reduce((acc, doc) => merge(acc, doc));
  process.stdout.write(JSON.stringify(realm, null, 2) + '\n');
}

main(process.argv.slice(2));
