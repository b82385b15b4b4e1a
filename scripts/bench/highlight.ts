/**
 * Highlight benchmark, in real headless Chromium (not jsdom: jsdom has no rendering and no Highlight
 * API). For the seed news page, the real page with the largest article (guardian-1) and the largest
 * source (yahoo-1), it runs the extension's own flow inside the page: extractPage (live anchors) and
 * analyzeExtracted (models fetched from public/models/), then times, per run:
 *  - show: createReadingAids().show(analysis, anchors) — locating, Ranges, registering highlights;
 *  - frame: the next frame's rendering (rAF → a task queued from it), where the highlights are painted;
 *  - work = show + frame: analysis result to highlights painted, without the idle wait for vsync;
 *  - wall: the same including that wait;
 * with anchors and without (the text-search fallback). Long tasks (PerformanceObserver 'longtask') are
 * counted over all runs, and forced layouts are counted from a DevTools trace: Layout or style-recalc
 * events inside show() would be layout reads while writing (there should be none; show reads no layout).
 * Prints figures, asserts nothing. Run: `npx tsx scripts/bench/highlight.ts` (or `npm run bench highlight`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSeedPage } from '../../tests/fixtures/news-page.ts';
import {
  BENCH_CHROME,
  bundlePipeline,
  launchBenchChromium,
  serveBenchPages,
} from '../support/pipeline-page.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = process.env.KONTEXT_SHARED_DATA ?? resolve(ROOT, '..', 'shared', 'data');
const RUNS = 15;
const REAL_PAGES = ['guardian-1', 'yahoo-1'];

interface RunFigures {
  show: number;
  frame: number;
  wall: number;
}

interface PageFigures {
  blocks: number;
  located: number;
  spans: number;
  analyseMs: number;
  results: Record<string, RunFigures[]>;
  /** Frames with no change at all: the page's own rendering cost per frame. */
  baselineFrames: number[];
  /** Long tasks overlapping a series' show → painted windows. */
  longTaskCounts: Record<string, number>;
}

/** Runs inside the page. Kept free of closures over Node values: puppeteer serialises it. */
async function measureInPage(runs: number): Promise<PageFigures> {
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, typed at the call sites below
  const kb = (globalThis as any).__kontextBench;
  const t = performance.now();
  const { extraction, anchors } = kb.extractPage(document, location.href, { anchors: true });
  const analysis = await kb.analyzeExtracted(extraction, {
    loadModel: async (name: string) => {
      const response = await fetch(`/models/${name}`);
      if (!response.ok) return null;
      return name.endsWith('.bin') ? response.arrayBuffer() : response.json();
    },
  });
  const analyseMs = performance.now() - t;
  const longTasks: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  const afterNextFrame = () =>
    new Promise<{ frameStart: number; painted: number }>((resolve) =>
      requestAnimationFrame((frameStart) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frameStart, painted: performance.now() });
        channel.port2.postMessage(null);
      }),
    );
  const settle = async () => {
    await afterNextFrame();
    await new Promise((resolve) => setTimeout(resolve, 60));
  };
  let aids = kb.createReadingAids(document, { signal: new AbortController().signal });
  const windows: Record<string, Array<{ start: number; end: number }>> = {};
  /**
   * 'prepared': the aids are created (stylesheet adopted) and left a few frames, as while the analysis
   * runs; 'cold': show() right after clear(), so the stylesheet is adopted in the measured frame;
   * 're-show': show() over highlights already shown.
   */
  const series = async (label: string, useAnchors: boolean, setup: 'prepared' | 'cold' | 'none') => {
    const out: RunFigures[] = [];
    windows[label] = [];
    for (let i = 0; i < runs; i++) {
      if (setup !== 'none') aids.clear();
      if (setup === 'prepared')
        aids = kb.createReadingAids(document, { signal: new AbortController().signal });
      await settle();
      performance.mark('kontext-show-start');
      const start = performance.now();
      aids.show(analysis, useAnchors ? anchors : null);
      const shown = performance.now();
      performance.mark('kontext-show-end');
      const { frameStart, painted } = await afterNextFrame();
      out.push({ show: shown - start, frame: painted - Math.max(frameStart, shown), wall: painted - start });
      windows[label]!.push({ start, end: painted });
    }
    return out;
  };
  const baselineFrames: number[] = [];
  for (let i = 0; i < runs; i++) {
    await settle();
    const start = performance.now();
    const { frameStart, painted } = await afterNextFrame();
    baselineFrames.push(painted - Math.max(frameStart, start));
  }
  const results: Record<string, RunFigures[]> = {
    'anchors, prepared': await series('anchors, prepared', true, 'prepared'),
    'search, prepared': await series('search, prepared', false, 'prepared'),
    'anchors, cold': await series('anchors, cold', true, 'cold'),
    're-show': await series('re-show', true, 'none'),
  };
  await settle();
  observer.disconnect();
  const longTaskCounts: Record<string, number> = {};
  for (const [label, list] of Object.entries(windows)) {
    longTaskCounts[label] = longTasks.filter((task) =>
      list.some((w) => task.start < w.end && task.end > w.start),
    ).length;
  }
  const snapshot = aids.inspect();
  const spans = Object.values(snapshot.painted as Record<string, string[]>).reduce((n, l) => n + l.length, 0);
  return {
    blocks: analysis.blocks.length,
    located: snapshot.blocksLocated,
    spans,
    analyseMs,
    results,
    baselineFrames,
    longTaskCounts,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
}

/** Layout and style-recalc events that began inside a show() call (between its user-timing marks). */
function forcedLayouts(trace: { traceEvents: TraceEvent[] }): {
  windows: number;
  layouts: number;
  styles: number;
} {
  const starts = trace.traceEvents.filter((e) => e.name === 'kontext-show-start').map((e) => e.ts);
  const ends = trace.traceEvents.filter((e) => e.name === 'kontext-show-end').map((e) => e.ts);
  const windows = starts.map((s, i) => [s, ends[i] ?? s] as const);
  const inside = (e: TraceEvent) => windows.some(([s, end]) => e.ts >= s && e.ts <= end);
  return {
    windows: windows.length,
    layouts: trace.traceEvents.filter((e) => e.name === 'Layout' && inside(e)).length,
    styles: trace.traceEvents.filter(
      (e) => (e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles') && inside(e),
    ).length,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const max = (values: number[]) => Math.max(...values);
const fmt = (n: number) => `${n.toFixed(1)} ms`;

function describeSeries(label: string, runs: RunFigures[]): string {
  const work = runs.map((r) => r.show + r.frame);
  return (
    `  ${label.padEnd(18)} show ${fmt(median(runs.map((r) => r.show)))} (max ${fmt(max(runs.map((r) => r.show)))}), ` +
    `frame ${fmt(median(runs.map((r) => r.frame)))}, work ${fmt(median(work))} (max ${fmt(max(work))}), ` +
    `wall ${fmt(median(runs.map((r) => r.wall)))}; first run work ${fmt(work[0] ?? Number.NaN)}`
  );
}

export default async function benchHighlight(): Promise<void> {
  if (!existsSync(BENCH_CHROME)) {
    console.log(`highlight: skipped, no Chromium at ${BENCH_CHROME} (set CHROME_PATH)`);
    return;
  }
  const pages: Array<{ name: string; html: string }> = [];
  const server = await serveBenchPages();
  const { origin } = server;
  const seed = buildSeedPage({ origin });
  if (seed) pages.push({ name: 'seed', html: seed });
  for (const name of REAL_PAGES) {
    const file = join(DATA, 'pages', 'readability', name, 'source.html');
    if (existsSync(file)) pages.push({ name, html: readFileSync(file, 'utf8') });
  }
  if (pages.length === 0) {
    console.log(`highlight: skipped, ${DATA} is absent`);
    server.close();
    return;
  }
  for (const page of pages) server.route(`/${page.name}/`, page.html);

  const script = await bundlePipeline();
  const browser = await launchBenchChromium();
  console.log(`highlight: ${await browser.version()}, headless, 1280×800; ${RUNS} runs per series, medians`);
  try {
    for (const { name, html } of pages) {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1280, height: 800 });
      await tab.goto(`${origin}/${name}/`, { waitUntil: 'load' });
      await tab.evaluate(script);
      // tsx compiles with keepNames: the serialised measureInPage calls its __name helper.
      await tab.evaluate('globalThis.__name = (fn) => fn');
      await tab.tracing.start({ categories: ['devtools.timeline', 'blink.user_timing'] });
      const figures = await tab.evaluate(measureInPage, RUNS);
      const trace = JSON.parse(Buffer.from((await tab.tracing.stop())!).toString('utf8')) as {
        traceEvents: TraceEvent[];
      };
      const forced = forcedLayouts(trace);
      console.log(
        `${name}: ${(html.length / 1024).toFixed(0)} KiB source, ${figures.blocks} blocks (${figures.located} located), ` +
          `${figures.spans} highlight ranges; extraction + analysis in the page ${fmt(figures.analyseMs)}`,
      );
      for (const [label, runs] of Object.entries(figures.results)) {
        console.log(`${describeSeries(label, runs)}; long tasks ${figures.longTaskCounts[label] ?? 0}`);
      }
      console.log(
        `  idle frame (no change) ${fmt(median(figures.baselineFrames))}; ` +
          `layouts inside show(): ${forced.layouts}, style recalcs inside show(): ${forced.styles} (over ${forced.windows} calls)`,
      );
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchHighlight();
}
