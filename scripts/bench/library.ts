/**
 * Benchmark: a library of 2,000 saved articles (generated: ~600 words each over a 20,000-word Zipf
 * vocabulary). In Node with fake-indexeddb (slower than a browser's IndexedDB), measures:
 *  - the list's first open ever (cards + building the search index from every article's text),
 *  - every later open (the cards, sorted: what the list shows first), which is what a reader meets,
 *  - the first search after opening, as the list asks it (searchNow): answered at once from the cards
 *    while the persisted index snapshot loads (flagged partial), and how long until the full index is ready,
 *  - searches typed every 25 ms while the index loads (their latency includes any blocking load step),
 *  - search() waiting for the full index (the old first-search path), then search answers.
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
  const firstAnswers: string[] = [];
  const readyRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    start = performance.now();
    const library = await openLibrary(factory, { broadcast: false });
    const listed = await library.list();
    const shownAt = performance.now();
    openRuns.push(shownAt - start);
    if (listed.length !== SIZE) throw new Error(`expected ${SIZE} articles, listed ${listed.length}`);
    start = performance.now();
    const first = await library.searchNow({ query: 'Pjöngjang' });
    firstQueryRuns.push(performance.now() - start);
    await library.indexReady();
    readyRuns.push(performance.now() - shownAt);
    const full = await library.searchNow({ query: 'Pjöngjang' });
    firstAnswers.push(
      `${first.partial ? 'cards (partial)' : 'full index'}, ${first.cards.length} hits; full index ${full.cards.length}`,
    );
    library.close();
  }

  // A reader typing while the index loads: one search due every 25 ms until it is ready.
  const typing = await openLibrary(factory, { broadcast: false });
  await typing.list();
  let ready = false;
  void typing.indexReady().then(() => {
    ready = true;
  });
  const typedRuns: number[] = [];
  let typedPartial = 0;
  // Latency counts from when the keystroke was due, so a load step blocking the thread is counted too.
  while (!ready) {
    const due = performance.now() + 25;
    await new Promise((resolve) => setTimeout(resolve, 25));
    const answer = await typing.searchNow({ query: 'Pjöngjang' });
    typedRuns.push(performance.now() - due);
    if (answer.partial) typedPartial++;
  }
  typing.close();

  start = performance.now();
  const waiting = await openLibrary(factory, { broadcast: false });
  await waiting.list();
  await waiting.search({ query: 'Pjöngjang' });
  const waitedMs = performance.now() - start;
  waiting.close();

  const library = await openLibrary(factory, { broadcast: false });
  await library.list();
  console.log(`library: ${SIZE} saved articles, imported in one transaction in ${ms(importMs)}`);
  console.log(
    `library: first open ever + first search (index built from all 2,000 texts): ${ms(firstOpenMs)}; snapshot written in ${ms(persistMs)}`,
  );
  console.log(`library: open list (database + 2,000 cards, sorted), median of 3: ${ms(median(openRuns))}`);
  console.log(
    `library: first search right after opening (searchNow), median of 3: ${ms(median(firstQueryRuns))}; answered by ${[...new Set(firstAnswers)].join(' | ')}`,
  );
  console.log(
    `library: full index ready (snapshot loaded + reconciled) after the list is shown, median of 3: ${ms(median(readyRuns))}`,
  );
  console.log(
    `library: searches typed every 25 ms while the index loads: ${typedRuns.length} (${typedPartial} partial), median ${ms(median(typedRuns))}, max ${ms(Math.max(...typedRuns))}`,
  );
  console.log(
    `library: open + list + first search() that waits for the full index (the old path): ${ms(waitedMs)}`,
  );
  console.log('library: later searches (full index):');
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
