/**
 * `npm run bench [-- section...]`: runs every benchmark section in scripts/bench/ — the pipeline
 * stages against Readability first, then the others in name order. A section is a module whose default
 * export is an async function that prints its figures. A section that throws prints its error and the
 * runner goes on; the exit code is 1 when any section failed. Benchmarks assert nothing about speed.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SECTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const FIRST = 'pipeline';

function sectionNames(): string[] {
  return readdirSync(SECTIONS_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => basename(file, '.ts'))
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
}

async function runSection(name: string): Promise<boolean> {
  console.log(`\n=== ${name} (scripts/bench/${name}.ts) ===`);
  const start = performance.now();
  try {
    const module = (await import(pathToFileURL(join(SECTIONS_DIR, `${name}.ts`)).href)) as {
      default?: unknown;
    };
    if (typeof module.default !== 'function') throw new Error('has no default export function');
    await (module.default as () => Promise<void> | void)();
    console.log(`--- ${name}: done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return true;
  } catch (error) {
    console.log(
      `--- ${name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return false;
  }
}

const available = sectionNames();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no section ${unknown.join(', ')} (sections: ${available.join(', ')})`);
  process.exit(1);
}

console.log(`bench: Node ${process.version}, ${new Date().toISOString()}; sections: ${available.join(', ')}`);
const failed: string[] = [];
for (const name of asked.length > 0 ? asked : available) {
  if (!(await runSection(name))) failed.push(name);
}
if (failed.length > 0) {
  console.log(`\nbench: ${failed.length} section(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
