/**
 * Finds the long tasks of the page's thread on the hostile pages (issue 18), in headless Chromium: runs the
 * hostile bench's in-page flow (scripts/bench/hostile.ts: extraction, analysis, the reading aids' show())
 * under a CDP trace of the page (devtools.timeline, v8.execute, blink.user_timing, the JS sampler) and
 * prints each renderer main-thread task over 50 ms with what it spent its time on: the largest trace
 * events inside it (style recalc, layout, paint, GC, script) and the JS functions the sampler saw most.
 * Run: `HOSTILE_PAGES=huge-text npx tsx scripts/trace-hostile.ts` (TRACE_OUT=file keeps the trace).
 */
import { writeFileSync } from 'node:fs';
import { buildHostilePages } from '../tests/support/hostile-pages.ts';
import { measureInPage } from './bench/hostile.ts';
import { bundlePipeline, launchBenchChromium, serveBenchPages } from './support/pipeline-page.ts';
import { CATEGORIES, printLongTasks } from './support/trace-tasks.ts';

const LONG_MS = 50;

const only = process.env.HOSTILE_PAGES?.split(',') ?? ['huge-text'];
const pages = buildHostilePages().filter((page) => only.includes(page.name));
const server = await serveBenchPages();
for (const page of pages) server.route(`/${page.name}`, page.html);
const script = await bundlePipeline({ minify: false });
const browser = await launchBenchChromium();
try {
  for (const spec of pages) {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/${spec.name}`, { waitUntil: 'load', timeout: 120_000 });
    await tab.evaluate(script);
    await tab.evaluate('globalThis.__name = (fn) => fn');
    await tab.tracing.start({ categories: CATEGORIES });
    const figures = await tab.evaluate(measureInPage);
    const buffer = await tab.tracing.stop();
    const text = new TextDecoder().decode(buffer);
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, text);
    console.log(
      `${spec.name}: worst task ${Math.round(figures.worstTaskMs ?? 0)} ms, gaps ${JSON.stringify(figures.gaps)}, paint ${Math.round(figures.paintMs)} ms`,
    );
    printLongTasks(text, LONG_MS);
  }
} finally {
  await browser.close();
  server.close();
}
