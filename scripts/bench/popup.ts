/**
 * Benchmark: the popup in real headless Chromium and Firefox ESR with Kontext's test build
 * (`npm run build:test` first), over the shared real pages (pages/readability, served from 127.0.0.1).
 *
 * Per page, in the same run: the floor = Readability's `parse()` of a clone of the page, in the page,
 * plus one trivial `scripting.executeScript` round trip into the tab. Then the popup is opened for the
 * tab (`popup.html?tabId=N`) and its User Timing marks (`kontext:painted`, `kontext:response`,
 * `kontext:results`, whose detail is the background's per-step milliseconds, and `kontext:complete`,
 * whose detail is the related search's) and the analysis' own stage timings give the breakdown, printed
 * as ratios to the floor: median and p90 over the pages. The popup is then closed and opened again on
 * the unchanged page: the cached answer, in ms after paint.
 *
 * The popup is progressive: it shows title, names, quotes and summary first, and the page's related
 * links (searched in the page while the background analyses) and the saved articles about the same
 * names after. Columns: boot (popup navigation → painted), asked (popup navigation → kontext:asked, the
 * analysis request leaving), asked→painted (the head start the request has over the first frame), nav→results (popup
 * navigation → the first results: boot + results, what the reader waits in all), results (painted → the FIRST results on
 * screen: title, names, quotes, summary; the goal: ≤ 2.0; the popup asks before it paints, so part of
 * the work is done by then), complete (painted → EVERY section filled, related reading included),
 * message (asked → response, minus the background's own work), tab/cache/ping/inject (background steps;
 * inject is the executeScript round trip: compiling and evaluating content.js, and the extraction's first
 * slices, which start when the script is injected), page (inject + the extract request's round trip: all
 * the background waits for the page), extract (the extraction's working time in the page, part of page),
 * page-other (page − extract: compile, evaluation, messaging, serialisation and the extraction's pauses),
 * related (the link search in the page, from its late part injected after the extraction, beside the
 * background's analysis; on the way to `complete` only), each text
 * stage, related-rank (in the background, after the search), store (storage.session), show (highlights
 * sent to the page), render (response → first results on screen).
 *
 * Asserts nothing. Run: `npm run bench popup` (KONTEXT_BENCH_BROWSERS=chromium for one browser,
 * KONTEXT_BENCH_PAGES=N for the first N pages).
 */
import type { Page } from 'puppeteer-core';
import {
  type BrowserName,
  evaluateInExtension,
  openPage,
  openPopup,
  tabIdOf,
  waitForPopupOutcome,
} from '../../tests/e2e/harness.ts';
import { bundleForPage } from '../support/bundle-for-page.ts';
import { benchSelection, launchServing, NAME_SHIM, quantile } from './support/served-pages.ts';

interface PopupMarks {
  asked: number;
  painted: number;
  response: number;
  results: number;
  complete: number;
  steps: Record<string, number>;
  timings: Record<string, number>;
  /** The related search's: related (in the page), related-rank (background). */
  late: Record<string, number>;
  cached: boolean;
}

/** Reads the popup's marks and the analysis' timings (the popup shows them nowhere; the marks carry them). */
async function readMarks(popup: Page): Promise<PopupMarks> {
  await popup.evaluate(NAME_SHIM);
  return popup.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined;
    const asked = at('kontext:asked');
    const painted = at('kontext:painted');
    const response = at('kontext:response');
    const results = at('kontext:results');
    const complete = at('kontext:complete');
    const late = ((complete?.detail ?? {}) as { timings?: Record<string, number> }).timings ?? {};
    const detail = (results?.detail ?? {}) as {
      steps?: Record<string, number>;
      timings?: Record<string, number>;
      cached?: boolean;
    };
    return {
      asked: asked?.startTime ?? Number.NaN,
      painted: painted?.startTime ?? Number.NaN,
      response: response?.startTime ?? Number.NaN,
      results: results?.startTime ?? Number.NaN,
      complete: complete?.startTime ?? Number.NaN,
      late,
      steps: detail.steps ?? {},
      timings: detail.timings ?? {},
      cached: detail.cached ?? false,
    };
  });
}

/** The text stages as analysis.timings names them, in pipeline order; others are listed after. */
const STAGE_ORDER = ['model', 'sentences', 'entities', 'quotes', 'summary', 'related-rank'];

async function benchBrowser(name: BrowserName, bundle: string, pages: string[]): Promise<void> {
  const launched = await launchServing(name, pages);
  if (!launched) return;
  const { session, server } = launched;
  const rows: Array<Record<string, number>> = [];
  try {
    await evaluateInExtension(session, NAME_SHIM as never);
    for (const pageName of pages) {
      const page = await openPage(session, server.url(`/${pageName}/`));
      const tabId = await tabIdOf(session, page);
      // Floor, part 1: Readability's parse() of a clone, in the page (its first run, as Kontext's is).
      await page.evaluate(NAME_SHIM);
      await page.evaluate(bundle);
      const parse = await page.evaluate(() => {
        const start = performance.now();
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
        new (globalThis as any).__kontextReadability(document.cloneNode(true)).parse();
        return performance.now() - start;
      });
      // Floor, part 2: one trivial injection round trip, from an extension page.
      const inject = await evaluateInExtension(
        session,
        async (id: number) => {
          // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
          const g = globalThis as any;
          const api = g.browser ?? g.chrome;
          const start = performance.now();
          await api.scripting.executeScript({ target: { tabId: id }, func: () => 1 });
          return performance.now() - start;
        },
        tabId,
      );
      const floor = parse + inject;

      const popup = await openPopup(session, tabId);
      const outcome = await waitForPopupOutcome(popup);
      await popup.waitForFunction(() => performance.getEntriesByName('kontext:complete').length > 0);
      const first = await readMarks(popup);
      await popup.close();
      const again = await openPopup(session, tabId);
      await waitForPopupOutcome(again);
      await again.waitForFunction(() => performance.getEntriesByName('kontext:complete').length > 0);
      const cached = await readMarks(again);
      await again.close();
      await page.close();

      const steps = first.steps;
      const background = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
      // What the background waits for the page: the injection (the extraction starts in it) and the rest.
      const inPage = (steps.inject ?? 0) + (steps.extract ?? 0);
      const timings = { ...first.timings, ...first.late };
      const row: Record<string, number> = {
        floor,
        parse,
        'floor-inject': inject,
        boot: first.painted,
        // The head start: how soon after the popup's navigation the analysis is asked for, and how much
        // earlier than the first frame (negative: asked after painting).
        asked: first.asked,
        'asked→painted': first.painted - first.asked,
        results: first.results - first.painted,
        // What the reader waits in all: the popup's navigation → the first results on screen.
        'nav→results': first.results,
        complete: first.complete - first.painted,
        message: first.response - first.asked - background,
        tab: steps.tab ?? 0,
        cache: steps.cache ?? 0,
        ping: steps.ping ?? 0,
        inject: steps.inject ?? 0,
        page: inPage,
        extract: timings.extract ?? 0,
        'page-other': inPage - (timings.extract ?? 0),
        related: timings.related ?? 0,
      };
      const analyse = steps.analyse ?? 0;
      let stages = 0;
      for (const [stage, ms] of Object.entries(timings)) {
        if (stage === 'extract' || stage === 'related') continue;
        row[stage] = ms;
        // The late ranking is not part of the background's analyse step.
        if (!(stage in first.late)) stages += ms;
      }
      row['analyse-other'] = analyse - stages;
      row.store = steps.store ?? 0;
      row.show = steps.show ?? 0;
      row.render = first.results - first.response;
      row['cached-ms'] = cached.results - cached.painted;
      rows.push(row);
      console.log(
        `  ${name} ${pageName.padEnd(28)} ${outcome.padEnd(8)} floor ${floor.toFixed(1).padStart(6)} ms ` +
          `(parse ${parse.toFixed(1)}, inject ${inject.toFixed(1)}); asked ${first.asked.toFixed(0)} ms, ` +
          `painted ${first.painted.toFixed(0)} ms after navigation; painted→results ` +
          `${row.results!.toFixed(0).padStart(5)} ms = ${(row.results! / floor).toFixed(2)}×; all sections ` +
          `${row.complete!.toFixed(0).padStart(5)} ms = ${(row.complete! / floor).toFixed(2)}×; cached ` +
          `${row['cached-ms']!.toFixed(0)} ms${cached.cached ? '' : ' (NOT cached)'}`,
      );
    }
  } finally {
    await server.close();
    await session.close();
  }

  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort((a, b) => {
    const ia = STAGE_ORDER.indexOf(a);
    const ib = STAGE_ORDER.indexOf(b);
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  });
  console.log(
    `\n${name}: ${rows.length} pages; ratio to the same page's floor (ms in brackets), median / p90`,
  );
  for (const column of columns) {
    const values = rows.map((row) => row[column] ?? 0);
    const ratios = rows.map((row) => (row[column] ?? 0) / row.floor!);
    const absolute =
      column === 'floor' || column === 'parse' || column === 'floor-inject' || column === 'asked→painted';
    console.log(
      `  ${column.padEnd(16)} ${absolute ? '      ' : `${quantile(ratios, 0.5).toFixed(2).padStart(5)}×`} / ` +
        `${absolute ? '      ' : `${quantile(ratios, 0.9).toFixed(2).padStart(5)}×`}   ` +
        `(${quantile(values, 0.5).toFixed(1)} / ${quantile(values, 0.9).toFixed(1)} ms)`,
    );
  }
  console.log(
    `  ${name} RESULT painted→results: median ${quantile(
      rows.map((row) => row.results! / row.floor!),
      0.5,
    ).toFixed(2)}× floor, p90 ${quantile(
      rows.map((row) => row.results! / row.floor!),
      0.9,
    ).toFixed(2)}×; painted→all sections: median ${quantile(
      rows.map((row) => row.complete! / row.floor!),
      0.5,
    ).toFixed(2)}×, p90 ${quantile(
      rows.map((row) => row.complete! / row.floor!),
      0.9,
    ).toFixed(2)}×; cached answer after paint: median ${quantile(
      rows.map((row) => row['cached-ms']!),
      0.5,
    ).toFixed(0)} ms, max ${Math.max(...rows.map((row) => row['cached-ms']!)).toFixed(0)} ms`,
  );
}

export default async function popupBench(): Promise<void> {
  const { browsers, pages } = benchSelection();
  const bundle = await bundleForPage(
    `import { Readability } from '@mozilla/readability'; globalThis.__kontextReadability = Readability;`,
  );
  for (const name of browsers) await benchBrowser(name, bundle, pages);
}
