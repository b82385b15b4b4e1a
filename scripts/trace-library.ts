/**
 * Finds the long tasks of the page's thread while a large library is imported and opened (issue 18), in
 * headless Chromium: runs the library bench's large-library flow (scripts/bench/library-browser.ts:
 * parse, check, save in one transaction, index, save the index, then open the list and search) under a
 * CDP trace of the page and prints each main-thread task over TRACE_LONG_MS (default 100) with the trace
 * events it spent its time in (GC with the heap before and after, script, IndexedDB callbacks) and the
 * JS functions the sampler saw most. Run: `KONTEXT_BENCH_LARGE=20000 npx tsx scripts/trace-library.ts`
 * (TRACE_OUT=file keeps the trace).
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundle, largeLibraryJson, measureLargeInPage } from './bench/library-browser.ts';
import { launchBenchChromium } from './support/pipeline-page.ts';
import { printLongTasks } from './support/trace-tasks.ts';

const LONG_MS = Number(process.env.TRACE_LONG_MS ?? 100);
const SIZE = Number(process.env.KONTEXT_BENCH_LARGE ?? 20_000);
/**
 * Fewer categories than trace-hostile.ts: with the detailed timeline (counters on every task) Chromium's
 * trace buffer filled 34 s into a 20,000-entry import and the rest went unrecorded.
 */
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

const large = largeLibraryJson(SIZE);
const server = createServer((req, res) => {
  if (req.url === '/large.json') res.writeHead(200, { 'content-type': 'application/json' }).end(large);
  else
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>t</title>');
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const browser = await launchBenchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'load' });
  await tab.evaluate(await bundle({ minify: false }));
  await tab.evaluate('globalThis.__name = (fn) => fn');
  await tab.tracing.start({ categories: CATEGORIES });
  const figures = await tab.evaluate(measureLargeInPage);
  const text = new TextDecoder().decode(await tab.tracing.stop());
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, text);
  console.log(
    `library, ${SIZE} entries: import ${Math.round(figures.importMs)} ms, worst stalls ${figures.worstStalls.join('; ')}; opening: longest stall ${Math.round(figures.loadLongestStallMs)} ms, first search ${Math.round(figures.firstSearchMs)} ms`,
  );
  printLongTasks(text, LONG_MS);
} finally {
  await browser.close();
  server.close();
}
