/**
 * Benchmark: where the in-page extraction's time goes, in real headless Chromium and Firefox ESR, over
 * the shared real pages (served from 127.0.0.1 as in the popup bench). Needs `npm run build:test` only
 * for the browsers' launch (no extension code runs here): Kontext's extraction is bundled into the page.
 *
 * Per page, in a fresh tab: the floor's parse (Readability's `parse()` of `document.cloneNode(true)`,
 * its first run, from its own bundle), then Kontext's sliced extraction exactly as the content script
 * runs it, cold (its own copy of Readability): working time, wall time with the pauses, and the number
 * of pauses. Then, warm, each step on its own: the size checks, the native clone, the bounded copy,
 * Readability on each copy, the block reading, the related-link search, and the text pairs (the size
 * checks and the block reading, which only read, as the quickest of five runs).
 *
 * Asserts nothing. Run: `npm run bench page-extract` (KONTEXT_BENCH_BROWSERS=chromium for one browser,
 * KONTEXT_BENCH_PAGES=N for the first N pages).
 */
import { type BrowserName, openPage } from '../../tests/e2e/harness.ts';
import { bundleForPage } from '../support/bundle-for-page.ts';
import { benchSelection, launchServing, NAME_SHIM, quantile } from './support/served-pages.ts';

const FLOOR_ENTRY = `import { Readability } from '@mozilla/readability'; globalThis.__floorReadability = Readability;`;

const KONTEXT_ENTRY = `
import { Readability } from '@mozilla/readability';
import { cloneBounded, depthBeyond, MAX_DEPTH, MAX_TEXT_CHARS } from './lib/extract/bounds.ts';
import { readBlocks, layoutBlocks } from './lib/extract/blocks.ts';
import { extractPageSliced } from './lib/extract/page.ts';
import { findRelatedLinks } from './lib/related/index.ts';
import { runToEnd } from './lib/slicing.ts';
globalThis.__kontext = { Readability, cloneBounded, depthBeyond, MAX_DEPTH, MAX_TEXT_CHARS, readBlocks,
  layoutBlocks, extractPageSliced, findRelatedLinks, runToEnd };
`;

type Row = Record<string, number>;

async function measurePage(evaluate: <T>(fn: () => T | Promise<T>) => Promise<T>): Promise<Row> {
  const cold = await evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the bundles' globals
    const g = globalThis as any;
    let start = performance.now();
    new g.__floorReadability(document.cloneNode(true)).parse();
    const parse = performance.now() - start;
    let pauses = 0;
    const pause = () =>
      new Promise<void>((resolve) => {
        pauses++;
        setTimeout(resolve, 0);
      });
    start = performance.now();
    const result = await g.__kontext.extractPageSliced(document, location.href, { anchors: true }, { pause });
    const wall = performance.now() - start;
    return {
      parse,
      'extract-work': result.extraction.timings.extract as number,
      'related-work': result.extraction.timings.related as number,
      'sliced-wall': wall,
      pauses,
      anchored: result.anchors ? 1 : 0,
    };
  });
  const warm = await evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
    const k = (globalThis as any).__kontext;
    const time = <T>(run: () => T): [T, number] => {
      const start = performance.now();
      const value = run();
      return [value, performance.now() - start];
    };
    // The quickest of five runs, for the steps that only read (the machine is shared: one run is noise).
    const best = (run: () => unknown): number => Math.min(...[1, 2, 3, 4, 5].map(() => time(run)[1]));
    const checks = best(() => {
      document.getElementsByTagName('*').length;
      k.depthBeyond(document.documentElement, k.MAX_DEPTH);
    });
    const [native, nativeClone] = time(() => document.cloneNode(true) as Document);
    const [, pairWalk] = time(() => {
      const live = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      const copy = native.createTreeWalker(native, NodeFilter.SHOW_TEXT);
      const pairs = new Map<Node, Node>();
      for (let a = live.nextNode(), b = copy.nextNode(); a && b; a = live.nextNode(), b = copy.nextNode()) {
        pairs.set(b, a);
      }
      return pairs.size;
    });
    let steps = 0;
    const [bounded, boundedClone] = time(() => {
      const work = k.cloneBounded(document, k.MAX_TEXT_CHARS, true);
      for (;;) {
        const step = work.next();
        if (step.done) return step.value;
        steps++;
      }
    });
    const [, parseNative] = time(() => new k.Readability(native).parse());
    const [parsed, parseBounded] = time(() =>
      new k.Readability(bounded.clone, { serializer: (node: Element) => node }).parse(),
    );
    const blocks = best(() => k.layoutBlocks(k.readBlocks(parsed.content)));
    const [, related] = time(() => k.findRelatedLinks(document, location.href));
    return {
      elements: document.getElementsByTagName('*').length,
      checks,
      'native-clone': nativeClone,
      'pair-walk': pairWalk,
      'bounded-clone': boundedClone,
      'bounded-steps': steps,
      'parse-native': parseNative,
      'parse-bounded': parseBounded,
      blocks,
      related,
    };
  });
  return { ...cold, ...warm };
}

async function benchBrowser(name: BrowserName, bundle: string, pages: string[]): Promise<void> {
  const launched = await launchServing(name, pages);
  if (!launched) return;
  const { session, server } = launched;
  const rows: Row[] = [];
  try {
    for (const pageName of pages) {
      const page = await openPage(session, server.url(`/${pageName}/`));
      await page.evaluate(NAME_SHIM);
      await page.evaluate(bundle);
      // biome-ignore lint/suspicious/noExplicitAny: puppeteer's evaluate typing
      const row = await measurePage((fn) => page.evaluate(fn as any));
      await page.close();
      rows.push(row);
      console.log(
        `  ${name} ${pageName.padEnd(28)} ${Object.entries(row)
          .map(([key, value]) => `${key} ${Number.isInteger(value) ? value : value.toFixed(1)}`)
          .join(', ')}`,
      );
    }
  } finally {
    await server.close();
    await session.close();
  }
  console.log(`\n${name}: ${rows.length} pages; ms (counts for pauses/steps/elements), median / p90 / sum`);
  for (const column of Object.keys(rows[0] ?? {})) {
    const values = rows.map((row) => row[column] ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    console.log(
      `  ${column.padEnd(14)} ${quantile(values, 0.5).toFixed(1).padStart(8)} / ` +
        `${quantile(values, 0.9).toFixed(1).padStart(8)} / ${sum.toFixed(0).padStart(8)}`,
    );
  }
}

export default async function pageExtractBench(): Promise<void> {
  const { browsers, pages } = benchSelection();
  const bundle = `${await bundleForPage(FLOOR_ENTRY)}\n${await bundleForPage(KONTEXT_ENTRY)}`;
  for (const name of browsers) await benchBrowser(name, bundle, pages);
}
