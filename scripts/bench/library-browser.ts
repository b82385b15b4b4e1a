/**
 * Benchmark: the saved-articles library in a real browser (headless Chromium, its own IndexedDB), with
 * 2,000 generated articles (~600 words each, 20,000-word Zipf vocabulary). The library code is bundled
 * with esbuild and run in a page on 127.0.0.1; the articles are generated in Node and fetched as JSON.
 * Prints: import in one transaction; first open ever + first search (index built from every text);
 * later opens (database + cards, sorted: what the list shows first); the first search right after a later
 * open as the list asks it (searchNow: from the cards, flagged partial, while the index snapshot loads)
 * and the time until the full index is ready; searches typed every 25 ms while it loads (their latency
 * includes any step of the load that blocks the page); search() waiting for the full index (the old
 * path); search answers. Asserts nothing. Run: `npx tsx scripts/bench/library-browser.ts`.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { exportLibraryJson } from '../../lib/storage/export-json.ts';
import { generateLibrary, makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { bundleForPage } from '../support/bundle-for-page.ts';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SIZE = 2000;
const QUERIES = ['Pjöngjang', 'pjongjang regierung', 'Kim Jong Un', 'wirtsch', 'climate court'];

/** Issue 18's large library: 100,000 small entries imported from one file (KONTEXT_BENCH_LARGE to change). */
const LARGE = Number(process.env.KONTEXT_BENCH_LARGE ?? 100_000);

/** The library code for the page (`minify: false` keeps function names for scripts/trace-library.ts). */
export function bundle(options: { minify?: boolean } = {}): Promise<string> {
  return bundleForPage(
    `import { openLibrary } from './lib/storage/library.ts';
    import { importLibraryFile } from './lib/storage/import-file.ts';
    import { sanitizeArticleHtml } from './lib/storage/sanitize.ts';
    globalThis.__kontextLibraryBench = { openLibrary, importLibraryFile, sanitizeArticleHtml };`,
    options,
  );
}

/** The large library's export file: LARGE small entries, a minute apart. */
export function largeLibraryJson(size = LARGE): string {
  return exportLibraryJson(
    Array.from({ length: size }, (_, i) =>
      makeSavedArticle({
        url: `https://large.example/${i}`,
        savedAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
      }),
    ),
  );
}

interface LargeFigures {
  importMs: number;
  importLongestStallMs: number;
  importStallPhase: string;
  stallByPhase: Record<string, number>;
  /** Wall time spent in each step of the import (from the progress reports' phase changes). */
  timeByPhase: Record<string, number>;
  /** The five longest stalls: how late, in which step, and how far the step was then. */
  worstStalls: string[];
  progressReports: number;
  firstScreenMs: number;
  firstSearchMs: number;
  firstSearchRead: number;
  wholeListMs: number;
  readyMs: number;
  loadLongestStallMs: number;
}

/**
 * Runs in the page: imports the large file as the list page does (parse, check, sanitise, one
 * transaction), then opens the library as the list does. A 25 ms timer runs throughout: its longest
 * lateness is how long the page could not answer a click or paint progress.
 */
export async function measureLargeInPage(): Promise<LargeFigures> {
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
  const { openLibrary, importLibraryFile, sanitizeArticleHtml } = (globalThis as any).__kontextLibraryBench;
  const text = await (await fetch('/large.json')).text();
  performance.mark('reading the file');
  let stall = 0;
  let running = true;
  // What the page is doing, to say which step the longest stall began in.
  let phase = 'reading the file';
  let stallPhase = phase;
  let done = 0;
  const stallByPhase: Record<string, number> = {};
  const timeByPhase: Record<string, number> = {};
  let phaseStart = performance.now();
  const enter = (next: string) => {
    const now = performance.now();
    timeByPhase[phase] = (timeByPhase[phase] ?? 0) + now - phaseStart;
    phaseStart = now;
    phase = next;
    // For scripts/trace-library.ts, which names the step of each long task from these marks.
    performance.mark(next);
  };
  const stalls: Array<{ late: number; at: string }> = [];
  const watch = async () => {
    while (running) {
      const due = performance.now() + 25;
      const during = phase;
      const doneBefore = done;
      await new Promise((resolve) => setTimeout(resolve, 25));
      const late = performance.now() - due;
      stallByPhase[during] = Math.max(stallByPhase[during] ?? 0, late);
      if (late > 30) stalls.push({ late, at: `${during} ${doneBefore}→${done}` });
      if (late > stall) {
        stall = late;
        stallPhase = during;
      }
    }
  };
  const library = await openLibrary(indexedDB, { broadcast: false, name: 'large' });
  let progressReports = 0;
  let watching = watch();
  let start = performance.now();
  await importLibraryFile(
    library,
    text,
    (html: string, base: string) => sanitizeArticleHtml(html, window, { baseUrl: base }),
    {
      onProgress: (progress: { phase: string; done: number }) => {
        progressReports++;
        done = progress.done;
        if (progress.phase !== phase) enter(progress.phase);
      },
    },
  );
  const importMs = performance.now() - start;
  enter('indexing');
  await library.indexReady();
  enter('saving the index');
  await library.persistIndex();
  enter('done');
  running = false;
  await watching;
  const importLongestStallMs = stall;
  const importStallPhase = stallPhase;
  const worstStalls = stalls
    .sort((a, b) => b.late - a.late)
    .slice(0, 5)
    .map((s) => `${s.late.toFixed(0)} ms (${s.at})`);
  library.close();

  stall = 0;
  running = true;
  phase = 'opening the list';
  performance.mark(phase);
  watching = watch();
  start = performance.now();
  const reopened = await openLibrary(indexedDB, { broadcast: false, name: 'large' });
  // What the list's first screen waits for: the newest 100 cards (before issue 18: every card).
  const first = reopened.newestCards
    ? await reopened.newestCards(100)
    : (await reopened.searchNow({})).cards.slice(0, 100);
  if (first.length === 0) throw new Error('no cards');
  const firstScreenMs = performance.now() - start;
  // A search typed at once: answered from the cards read so far (issue 18: before, after all of them).
  const early = await reopened.searchNow({ query: 'news' });
  const firstSearchMs = performance.now() - start;
  const firstSearchRead = early.reading?.read ?? (await reopened.list()).length;
  const all = await reopened.list();
  const wholeListMs = performance.now() - start;
  if (all.length === 0) throw new Error('no cards');
  await reopened.indexReady();
  const readyMs = performance.now() - start;
  running = false;
  await watching;
  reopened.close();
  return {
    importMs,
    importLongestStallMs,
    importStallPhase,
    stallByPhase,
    timeByPhase,
    worstStalls,
    progressReports,
    firstScreenMs,
    firstSearchMs,
    firstSearchRead,
    wholeListMs,
    readyMs,
    loadLongestStallMs: stall,
  };
}

interface Figures {
  importMs: number;
  firstEverMs: number;
  persistMs: number;
  openMs: number[];
  firstSearchMs: number[];
  firstAnswers: string[];
  readyMs: number[];
  typedMs: number[];
  typedPartial: number;
  waitedMs: number;
  searches: Array<{ query: string; hits: number; ms: number[] }>;
}

/** Runs in the page; serialised by puppeteer, so it closes over nothing from Node. */
async function measureInPage(args: { size: number; queries: string[] }): Promise<Figures> {
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
  const { openLibrary } = (globalThis as any).__kontextLibraryBench;
  const articles = await (await fetch('/library.json')).json();
  const importer = await openLibrary(indexedDB, { broadcast: false });
  let start = performance.now();
  await importer.importArticles(articles);
  const importMs = performance.now() - start;
  importer.close();

  start = performance.now();
  const firstEver = await openLibrary(indexedDB, { broadcast: false });
  await firstEver.list();
  await firstEver.search({ query: 'Pjöngjang' });
  const firstEverMs = performance.now() - start;
  start = performance.now();
  await firstEver.persistIndex();
  const persistMs = performance.now() - start;
  firstEver.close();

  const openMs: number[] = [];
  const firstSearchMs: number[] = [];
  const firstAnswers: string[] = [];
  const readyMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    start = performance.now();
    const library = await openLibrary(indexedDB, { broadcast: false });
    const cards = await library.list();
    const shownAt = performance.now();
    openMs.push(shownAt - start);
    if (cards.length !== args.size) throw new Error(`listed ${cards.length}`);
    start = performance.now();
    const first = await library.searchNow({ query: 'Pjöngjang' });
    firstSearchMs.push(performance.now() - start);
    await library.indexReady();
    readyMs.push(performance.now() - shownAt);
    const full = await library.searchNow({ query: 'Pjöngjang' });
    firstAnswers.push(
      `${first.partial ? 'cards (partial)' : 'full index'}, ${first.cards.length} hits; full index ${full.cards.length}`,
    );
    library.close();
  }

  // A reader typing while the index loads: one search due every 25 ms until it is ready.
  const typing = await openLibrary(indexedDB, { broadcast: false });
  await typing.list();
  let ready = false;
  void typing.indexReady().then(() => {
    ready = true;
  });
  const typedMs: number[] = [];
  let typedPartial = 0;
  // Latency counts from when the keystroke was due, so a load step blocking the thread is counted too.
  while (!ready) {
    const due = performance.now() + 25;
    await new Promise((resolve) => setTimeout(resolve, 25));
    const answer = await typing.searchNow({ query: 'Pjöngjang' });
    typedMs.push(performance.now() - due);
    if (answer.partial) typedPartial++;
  }
  typing.close();

  start = performance.now();
  const waiting = await openLibrary(indexedDB, { broadcast: false });
  await waiting.list();
  await waiting.search({ query: 'Pjöngjang' });
  const waitedMs = performance.now() - start;
  waiting.close();

  const library = await openLibrary(indexedDB, { broadcast: false });
  await library.search({ query: 'warm-up' });
  const searches: Figures['searches'] = [];
  for (const query of args.queries) {
    const ms: number[] = [];
    let hits = 0;
    for (let run = 0; run < 7; run++) {
      start = performance.now();
      hits = (await library.search({ query })).length;
      ms.push(performance.now() - start);
    }
    searches.push({ query, hits, ms });
  }
  library.close();
  return {
    importMs,
    firstEverMs,
    persistMs,
    openMs,
    firstSearchMs,
    firstAnswers,
    readyMs,
    typedMs,
    typedPartial,
    waitedMs,
    searches,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function printFigures(f: Figures, version: string, jsonChars: number): void {
  console.log(`library-browser: ${version}, ${SIZE} articles (${(jsonChars / 1e6).toFixed(1)} MB of JSON)`);
  console.log(`library-browser: import in one transaction: ${ms(f.importMs)}`);
  console.log(
    `library-browser: first open ever + first search (index built from all texts): ${ms(f.firstEverMs)}; snapshot written in ${ms(f.persistMs)}`,
  );
  console.log(
    `library-browser: open list (database + 2,000 cards, sorted), median of 5: ${ms(median(f.openMs))}`,
  );
  console.log(
    `library-browser: first search right after opening (searchNow), median of 5: ${ms(median(f.firstSearchMs))}; answered by ${[...new Set(f.firstAnswers)].join(' | ')}`,
  );
  console.log(
    `library-browser: full index ready (snapshot loaded + reconciled) after the list is shown, median of 5: ${ms(median(f.readyMs))}`,
  );
  console.log(
    `library-browser: searches typed every 25 ms while the index loads: ${f.typedMs.length} (${f.typedPartial} partial), median ${ms(median(f.typedMs))}, max ${ms(Math.max(...f.typedMs))}`,
  );
  console.log(
    `library-browser: open + list + first search() that waits for the full index (the old path): ${ms(f.waitedMs)}`,
  );
  console.log('library-browser: later searches (full index):');
  for (const s of f.searches) {
    console.log(`library-browser: search "${s.query}" → ${s.hits} hits, median of 7: ${ms(median(s.ms))}`);
  }
}

export default async function benchLibraryInBrowser(): Promise<void> {
  if (!existsSync(CHROME)) {
    console.log(`library-browser: skipped, no Chromium at ${CHROME}`);
    return;
  }
  const json = JSON.stringify(generateLibrary(SIZE));
  const large = largeLibraryJson();
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>library bench</title></head><body></body></html>';
  const server = createServer((req, res) => {
    if (req.url === '/library.json') res.writeHead(200, { 'content-type': 'application/json' }).end(json);
    else if (req.url === '/large.json') res.writeHead(200, { 'content-type': 'application/json' }).end(large);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    // The large library's import took minutes before issue 18's fixes: measure it, do not time out.
    protocolTimeout: 30 * 60_000,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`, { waitUntil: 'load' });
    await tab.evaluate(await bundle());
    // tsx compiles with keepNames: the serialised function calls its __name helper.
    await tab.evaluate('globalThis.__name = (fn) => fn');
    // KONTEXT_BENCH_LARGE_ONLY=1: only the large library (issue 18), not the 2,000 full articles.
    const f = process.env.KONTEXT_BENCH_LARGE_ONLY
      ? null
      : await tab.evaluate(measureInPage, { size: SIZE, queries: QUERIES });
    if (f) printFigures(f, await browser.version(), json.length);
    const big = await tab.evaluate(measureLargeInPage);
    const mb = (large.length / 1e6).toFixed(0);
    console.log(
      `library-browser: large library, ${LARGE} small entries (${mb} MB): import from the file ${ms(big.importMs)}, longest stall ${ms(big.importLongestStallMs)} (${big.importStallPhase}), ${big.progressReports} progress reports`,
    );
    const phases = Object.entries(big.stallByPhase).map(([name, late]) => `${name} ${ms(late)}`);
    console.log(
      `library-browser: large library: longest stall in each step (import, then opening the list): ${phases.join('; ')}`,
    );
    const times = Object.entries(big.timeByPhase).map(([name, spent]) => `${name} ${ms(spent)}`);
    console.log(`library-browser: large library: time in each step: ${times.join('; ')}`);
    console.log(
      `library-browser: large library: worst stalls (step, progress): ${big.worstStalls.join('; ')}`,
    );
    console.log(
      `library-browser: large library: first screen (open + newest 100 cards) ${ms(big.firstScreenMs)}; first search answer ${ms(big.firstSearchMs)} (${big.firstSearchRead} cards searched); whole list ${ms(big.wholeListMs)}; full index ready ${ms(big.readyMs)}; longest stall while loading ${ms(big.loadLongestStallMs)}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLibraryInBrowser();
}
