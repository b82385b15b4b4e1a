/**
 * What the extension ships is what its entrypoints import: this walks their static import graph (relative
 * and `@/` imports, type-only ones included) and checks it holds no training, evaluation, script or
 * test code, and no Node built-in. The training code lives apart (lib/entities/training/, scripts/) so
 * this graph is the runtime alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared-paths.ts';

const ENTRYPOINTS = [
  'entrypoints/background.ts',
  'entrypoints/content/index.ts',
  'entrypoints/aids.ts',
  'entrypoints/sanitize.ts',
  'entrypoints/popup/main.tsx',
  'entrypoints/list/main.tsx',
  'entrypoints/reader/main.tsx',
];

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module file the entrypoints reach, and every bare package or built-in they name. */
function importGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((e) => resolve(ROOT, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (!spec.startsWith('.') && !spec.startsWith('@/')) {
        packages.add(spec);
        continue;
      }
      const base = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : resolve(dirname(file), spec);
      const target = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(
        (p) => existsSync(p) && /\.tsx?$/.test(p),
      );
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

describe("the extension's import graph", () => {
  const { files, packages } = importGraph(ENTRYPOINTS);
  const paths = [...files].map((f) => relative(ROOT, f)).sort();

  it('reaches the runtime, the entity recogniser included', () => {
    expect(paths).toContain('lib/entities/index.ts');
    expect(paths).toContain('lib/entities/model.ts');
    expect(paths).toContain('lib/summary/index.ts');
  });

  it('holds no training, evaluation, script or test code', () => {
    const notShipped = paths.filter(
      (p) =>
        p.startsWith('lib/entities/training/') ||
        p.startsWith('scripts/') ||
        p.startsWith('tests/') ||
        /\.test\.tsx?$/.test(p) ||
        p === 'lib/summary/evaluate.ts' ||
        p.startsWith('lib/stats/'),
    );
    expect(notShipped).toEqual([]);
  });

  it('names no Node built-in', () => {
    expect([...packages].filter((p) => p.startsWith('node:'))).toEqual([]);
  });
});
