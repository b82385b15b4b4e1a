/**
 * `npm run build:cli`: bundles the analyze CLI (scripts/cli/main.ts and what it imports from lib/) into
 * dist/analyze.mjs with esbuild, so a start loads plain JavaScript instead of compiling TypeScript.
 * The pipeline and the DOM are split into chunks loaded on first use, so `--help` and usage errors
 * load only the argument parsing. jsdom stays outside the bundle (it is loaded only for `--dom jsdom`).
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { ROOT } from '../../tests/support/shared-paths.ts';
import { linkedomPatches } from './linkedom-patches.ts';

export const DIST = join(ROOT, 'dist');

/**
 * How Kontext bundles for Node: ESM for Node 20, jsdom left outside (loaded only for `--dom jsdom`),
 * two of linkedom's slow paths patched
 * (scripts/cli/linkedom-patches.ts). The CLI benchmark's floor is bundled the same way (same DOM).
 */
export const NODE_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['jsdom'],
  // Some bundled CommonJS modules call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __kontextRequire } from 'node:module'; const require = __kontextRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [linkedomPatches],
} satisfies BuildOptions;

/** Builds into a folder of its own and then swaps it in, so a CLI starting meanwhile never sees half a bundle. */
export async function buildCli(): Promise<void> {
  const staging = `${DIST}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    ...NODE_BUNDLE,
    entryPoints: { analyze: 'scripts/cli/main.ts' },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    // scripts/analyze.ts runs itself only when it is not in the bundle (main.ts runs it there).
    define: { 'process.env.KONTEXT_CLI_BUNDLE': '"1"' },
  });
  rmSync(DIST, { recursive: true, force: true });
  renameSync(staging, DIST);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
