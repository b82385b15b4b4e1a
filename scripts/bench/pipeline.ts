/**
 * Benchmark: every pipeline stage (Analysis.timings) on the seed page and on the 20 real Readability
 * test pages, each against Readability's parse() alone on the same page in the same run. Iterations
 * alternate between the two so both meet the same machine load; each figure is a median after a
 * warm-up. Prints the figures and the ratios stage / parse(); asserts nothing (speed lives here).
 * Run: `npx tsx scripts/bench/pipeline.ts [iterations]` (or through `npm run bench`; BENCH_ITERATIONS=n).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../../lib/analyze.ts';
import { buildSeedPage } from '../../tests/fixtures/news-page.ts';
import { hasSharedData, sharedPath } from '../../tests/support/shared-paths.ts';
import { loadModelFromDisk } from '../node-model-loader.ts';

const WARM_UP = 1;
/** Runs per page after the warm-up; BENCH_ITERATIONS overrides (the whole section is ~21 × (1 + this) analyses). */
const DEFAULT_ITERATIONS = Number(process.env.BENCH_ITERATIONS) || 3;

interface BenchPage {
  name: string;
  url: string;
  html: string;
}

interface PageFigures {
  name: string;
  parseMs: number;
  /** Median ms per stage, plus 'total' (the whole analyzeDocument call). */
  stages: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function benchPages(): BenchPage[] {
  const pages: BenchPage[] = [];
  const seed = buildSeedPage({ origin: 'http://127.0.0.1:8080' });
  if (seed) pages.push({ name: 'seed (de)', url: 'http://127.0.0.1:8080/politik/asien/seed', html: seed });
  if (hasSharedData) {
    const dir = sharedPath('pages', 'readability');
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      pages.push({
        name: entry.name,
        url: 'http://fakehost/test/page.html',
        html: readFileSync(`${dir}/${entry.name}/source.html`, 'utf8'),
      });
    }
  }
  return pages;
}

async function measurePage(page: BenchPage, iterations: number): Promise<PageFigures> {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const parseRuns: number[] = [];
  const stageRuns: Record<string, number[]> = {};
  try {
    for (let i = 0; i < WARM_UP + iterations; i++) {
      // Readability rewrites its input, so it gets a fresh clone; cloning is not part of parse().
      const clone = doc.cloneNode(true) as Document;
      let start = performance.now();
      new Readability(clone).parse();
      const parseMs = performance.now() - start;

      start = performance.now();
      const analysis = await analyzeDocument(doc, page.url, { loadModel: loadModelFromDisk });
      const totalMs = performance.now() - start;
      if (i < WARM_UP) continue;
      parseRuns.push(parseMs);
      for (const [stage, ms] of Object.entries({ ...analysis.timings, total: totalMs })) {
        const runs = stageRuns[stage] ?? [];
        runs.push(ms);
        stageRuns[stage] = runs;
      }
    }
  } finally {
    dom.window.close();
  }
  const stages: Record<string, number> = {};
  for (const [stage, runs] of Object.entries(stageRuns)) stages[stage] = median(runs);
  return { name: page.name, parseMs: median(parseRuns), stages };
}

const pad = (text: string, width: number) => text.padStart(width);

function printTable(figures: PageFigures[], stageNames: string[]): void {
  const nameWidth = Math.max(12, ...figures.map((f) => f.name.length));
  const cell = (ms: number, parseMs: number) => `${ms.toFixed(1)} ${(ms / parseMs).toFixed(2)}×`;
  const widths = stageNames.map((stage) =>
    Math.max(stage.length, ...figures.map((f) => cell(f.stages[stage] ?? 0, f.parseMs).length)),
  );
  console.log(
    [
      'page'.padEnd(nameWidth),
      pad('parse() ms', 10),
      ...stageNames.map((stage, i) => pad(stage, widths[i]!)),
    ].join('  '),
  );
  for (const f of figures) {
    console.log(
      [
        f.name.padEnd(nameWidth),
        pad(f.parseMs.toFixed(1), 10),
        ...stageNames.map((stage, i) => pad(cell(f.stages[stage] ?? 0, f.parseMs), widths[i]!)),
      ].join('  '),
    );
  }
}

export default async function benchPipeline(iterations = DEFAULT_ITERATIONS): Promise<void> {
  const pages = benchPages();
  if (pages.length === 0) {
    console.log('pipeline: no pages (../shared is absent, so neither the seed nor the real pages exist)');
    return;
  }
  if (!hasSharedData)
    console.log('pipeline: ../shared is absent; the seed and the 20 real pages are skipped');

  // The first analysis loads the NER model; report that once, then keep it out of the medians.
  const coldStart = performance.now();
  const cold = await analyzeDocument(
    new JSDOM(pages[0]!.html, { url: pages[0]!.url, virtualConsole: new VirtualConsole() }).window.document,
    pages[0]!.url,
    { loadModel: loadModelFromDisk },
  );
  console.log(
    `pipeline: cold first analysis ${(performance.now() - coldStart).toFixed(0)} ms ` +
      `(model load ${(cold.timings.model ?? 0).toFixed(0)} ms); below: medians of ${iterations} runs after ${WARM_UP} warm-up`,
  );
  console.log(
    'pipeline: each cell is "stage ms  stage/parse() ×", parse() = Readability alone on the same page\n',
  );

  const figures: PageFigures[] = [];
  for (const [i, page] of pages.entries()) {
    figures.push(await measurePage(page, iterations));
    process.stderr.write(`pipeline: measured ${page.name} (${i + 1}/${pages.length})\n`);
  }

  const stageNames: string[] = [];
  for (const f of figures)
    for (const stage of Object.keys(f.stages)) if (!stageNames.includes(stage)) stageNames.push(stage);
  // 'total' last, whatever order the stages came in.
  stageNames.sort((a, b) => Number(a === 'total') - Number(b === 'total'));
  printTable(figures, stageNames);

  const real = figures.filter((f) => !f.name.startsWith('seed'));
  if (real.length > 0) {
    const parseSum = real.reduce((sum, f) => sum + f.parseMs, 0);
    console.log(`\npipeline: over the ${real.length} real pages (sum of medians / sum of parse() medians):`);
    for (const stage of stageNames) {
      const sum = real.reduce((total, f) => total + (f.stages[stage] ?? 0), 0);
      const ratios = real.map((f) => (f.stages[stage] ?? 0) / f.parseMs);
      console.log(
        `  ${stage.padEnd(14)} ${(sum / parseSum).toFixed(2)}× (per page: median ${median(ratios).toFixed(2)}×, ` +
          `max ${Math.max(...ratios).toFixed(2)}×)`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  await benchPipeline(Number(process.argv[2]) || DEFAULT_ITERATIONS);
}
