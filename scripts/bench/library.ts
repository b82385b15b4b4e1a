/**
 * Benchmark: a library of 2,000 saved articles (generated: ~600 words each over a 20,000-word Zipf
 * vocabulary). In Node with fake-indexeddb (slower than a browser's IndexedDB), measures:
 *  - the list's first open ever (cards + building the search index from every article's text),
 *  - every later open (the cards, sorted: what the list shows first), which is what a reader meets,
 *  - the first search after opening (loading the persisted index snapshot), then search answers.
 * Prints the figures; asserts nothing (speed lives here, never in tests).
 * Run: `npx tsx scripts/bench/library.ts` (or through `npm run bench`).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openLibrary } from '../../lib/storage/library.ts';
import { generateLibrary } from '../../tests/support/saved-articles.ts';

const SIZE = 2000;
const QUERIES = [
  'Pjöngjang',
  'pjongjang regierung',
  'Kim Jong Un',
  'wirtsch',
  'climate court',
  'nothingmatches',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export default async function benchLibrary(): Promise<void> {
  const factory = new IDBFactory();
  const articles = generateLibrary(SIZE);
  const importer = await openLibrary(factory, { broadcast: false });
  let start = performance.now();
  await importer.importArticles(articles);
  const importMs = performance.now() - start;
  importer.close();

  start = performance.now();
  const firstEver = await openLibrary(factory, { broadcast: false });
  await firstEver.search({ query: 'Pjöngjang' });
  const firstOpenMs = performance.now() - start;
  start = performance.now();
  await firstEver.persistIndex();
  const persistMs = performance.now() - start;
  firstEver.close();

  const openRuns: number[] = [];
  const firstQueryRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    start = performance.now();
    const library = await openLibrary(factory, { broadcast: false });
    const listed = await library.list();
    openRuns.push(performance.now() - start);
    if (listed.length !== SIZE) throw new Error(`expected ${SIZE} articles, listed ${listed.length}`);
    start = performance.now();
    await library.search({ query: 'Pjöngjang' });
    firstQueryRuns.push(performance.now() - start);
    library.close();
  }

  const library = await openLibrary(factory, { broadcast: false });
  await library.list();
  console.log(`library: ${SIZE} saved articles, imported in one transaction in ${ms(importMs)}`);
  console.log(
    `library: first open ever + first search (index built from all 2,000 texts): ${ms(firstOpenMs)}; snapshot written in ${ms(persistMs)}`,
  );
  console.log(`library: open list (database + 2,000 cards, sorted), median of 3: ${ms(median(openRuns))}`);
  console.log(
    `library: first search after opening (loads the index snapshot), median of 3: ${ms(median(firstQueryRuns))}`,
  );
  for (const query of QUERIES) {
    const runs: number[] = [];
    let hits = 0;
    for (let run = 0; run < 5; run++) {
      start = performance.now();
      hits = (await library.search({ query })).length;
      runs.push(performance.now() - start);
    }
    console.log(`library: search "${query}" → ${hits} hits, median of 5: ${ms(median(runs))}`);
  }
  start = performance.now();
  const filtered = await library.search({ query: 'regierung', filters: { lang: 'de', entity: 'Pjöngjang' } });
  console.log(
    `library: search + filters (lang, entity) → ${filtered.length} hits: ${ms(performance.now() - start)}`,
  );
  library.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLibrary();
}
