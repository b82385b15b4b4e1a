/**
 * `npm run build:cli`: bundles the analyze CLI (scripts/cli/main.ts and what it imports from lib/) into
 * dist/analyze.mjs with esbuild, so a start loads plain JavaScript instead of compiling TypeScript.
 * The pipeline and the DOM are split into chunks loaded on first use, so `--help` and usage errors
 * load only the argument parsing. jsdom stays outside the bundle (it is loaded only for `--dom jsdom`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../tests/support/shared-paths.ts';

export const DIST = join(ROOT, 'dist');

export async function buildCli(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { analyze: 'scripts/cli/main.ts' },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['jsdom'],
    // scripts/analyze.ts runs itself only when it is not in the bundle (main.ts runs it there).
    define: { 'process.env.KONTEXT_CLI_BUNDLE': '"1"' },
    // Some bundled CommonJS modules call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __kontextRequire } from 'node:module'; const require = __kontextRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
