/**
 * Bundles Kontext modules into one script a browser page can run (benchmarks measure the real code in
 * real Chromium, not in jsdom). `entry` is TypeScript resolved from the project root, for example
 * `import { x } from './lib/x.ts'; globalThis.__bench = { x };`.
 */
import { build } from 'esbuild';
import { ROOT } from '../../tests/support/shared-paths.ts';

/** `minify: false` keeps function names (scripts/trace-hostile.ts names the JS in long tasks). */
export async function bundleForPage(entry: string, { minify = true } = {}): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
