#!/usr/bin/env node
/**
 * `npm run analyze`: starts the prebuilt CLI bundle (dist/analyze.mjs, `npm run build:cli`), rebuilding
 * it first when it is missing or older than any of its sources, so a checkout never runs stale code.
 * Plain JavaScript on purpose: this file runs before anything can be compiled.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'dist', 'analyze.mjs');
/** What the bundle is built from: folders are walked, files are checked themselves. */
const SOURCES = [
  'lib',
  'scripts/cli',
  'scripts/analyze.ts',
  'scripts/node-model-loader.ts',
  'package-lock.json',
];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (SOURCES.some((source) => newestChange(join(ROOT, source)) > built)) {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [join(ROOT, 'scripts', 'cli', 'build.ts')], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('analyze: internal error: could not build dist/analyze.mjs (npm run build:cli)\n');
    process.exit(1);
  }
}
await import(pathToFileURL(BUNDLE).href);
