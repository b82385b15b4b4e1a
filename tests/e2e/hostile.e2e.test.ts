/**
 * Issue 18, page side: hostile and extreme pages (tests/support/hostile-pages.ts) in real Chromium and
 * Firefox. On every page: the page stays responsive (its own timer never waits more than 200 ms while
 * Kontext works, judged against a control phase on the same page: see CONTROL_MS), its DOM is unchanged, no Kontext error reaches its console,
 * and the analysis answers within 5 s with a result or a reason, which the popup then shows. Each attack
 * also gets its own check.
 *
 * The analysis is requested from an extension page (the message the popup sends) while the page stays
 * the front tab: browsers throttle the timers of background tabs to one a second, which would hide a
 * freeze behind throttling. The popup is opened afterwards and shows the cached answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildHostilePages,
  type HostilePage,
  judgeGap,
  MAX_GAP_MS,
  neverLoadingPage,
  type PhaseGaps,
} from '../support/hostile-pages.ts';
import {
  type ExtensionSession,
  evaluateInExtension,
  type FixtureServer,
  forEachBrowser,
  navigate,
  openPopup,
  PAGE_VIEWPORT,
  type Page,
  serveFixtures,
  tabIdOf,
  useExtensionSession,
  waitForPopupOutcome,
} from './harness.ts';
import { collectPageErrors, inspectAids, waitForAids } from './reading-aids.ts';

const ANSWER_MS = 5_000;
/**
 * The issue's limits, asserted on every run in both browsers: the answer within 5 s, and the page's own
 * 20 ms timer never waiting more than MAX_GAP_MS (200 ms) while Kontext works, judged against a control.
 * The machine these tests run on may be shared: other jobs make the scheduler alone delay a 20 ms timer by
 * 200–400 ms now and then, with Kontext doing nothing. So each page is watched twice in the same test:
 *  1. control: the page loaded, in front, for CONTROL_MS; its largest gap. Nothing of Kontext runs in
 *     the page yet (the content script is registered at runtime and injected on the request);
 *  2. Kontext: from the analysis request until the answer, the highlights registered (the page's highlight
 *     registry stops growing) and SETTLE_MS more; its largest gap.
 * Kontext's largest gap must be ≤ 200 ms plus the control's excess over 200 ms (judgeGap in
 * tests/support/hostile-pages.ts): on a quiet machine (CI) the control's largest gap is a tick or two and
 * this is the plain 200 ms check; only what the machine alone measurably added is allowed on top. Both
 * phases' gaps over 100 ms are printed. The control lasts about as long as the longer Kontext phases
 * (0.6–2.5 s on small pages, 2.9–6.9 s on huge-text and many-mentions); where the Kontext phase is
 * longer it has more chances of a stray gap, which counts against Kontext, never for it.
 * `npm run bench -- hostile` reports the longest task per phase.
 * Measured (issue 18, 3 runs with a 3 s control at load 15–18, 2 cores): every small page passed in
 * Chromium, small Firefox pages passed but for one run (key-spoof 219, card-takeover 231 ms with the
 * control at 122 and 49); huge-text 197–263 ms (Chromium) and 202–223 (Firefox), many-mentions 214–534
 * and 236–355 failed in most runs, with the control at 27–105 ms: Kontext's page tasks there are
 * 40–70 ms of CPU (the browser's restyle and PrePaint/Paint after highlights change on a huge page),
 * stretched 3–6× by the load; gaps before the answer come while the background analyses.
 * Then one run with the 5 s control at load 12–16: all 18 tests passed (largest Kontext-phase gaps,
 * Chromium / Firefox: huge-text 116 / 117 ms, many-mentions 149 / 139, small pages 24–115).
 */
const CONTROL_MS = 5_000;
const SETTLE_MS = 600;

const pages = buildHostilePages();

const NEVER_LOADING = '/never-loading';

interface Answer {
  ms: number;
  ok: boolean;
  failure: string | null;
  status: string | null;
  truncated: boolean;
  lang: string | null;
  entities: number;
  /** Milliseconds per pipeline stage (extract and related in the page, the rest in the background). */
  timings: Record<string, number>;
}

/** Asks the background for the tab's analysis, as the popup does; the reply is reduced in the extension. */
async function requestAnalysis(session: ExtensionSession, tabId: number): Promise<Answer> {
  return evaluateInExtension(
    session,
    async (id: number) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      const started = performance.now();
      const response = await api.runtime.sendMessage({ type: 'kontext:analyze-tab', tabId: id });
      const ms = performance.now() - started;
      const analysis = response?.analysis;
      return {
        ms,
        ok: response?.ok === true,
        failure: response?.failure ?? null,
        status: analysis?.status ?? null,
        truncated: analysis?.truncated === true,
        lang: analysis?.lang ?? null,
        entities: analysis?.entities?.length ?? 0,
        timings: analysis?.timings ?? {},
      };
    },
    tabId,
  );
}

/**
 * A hash of the page's whole DOM as page script sees it (every node's name, attributes and text), without
 * Kontext's card host. Walked iteratively: cloning or serialising a 25k-deep DOM crashes Chromium's tab.
 */
const domFingerprint = (page: Page) =>
  page.evaluate(() => {
    let hash = 0;
    const add = (text: string) => {
      for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    };
    let count = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL, {
      acceptNode: (node) =>
        node.nodeType === 1 && (node as Element).localName.startsWith('kontext-card-')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count++;
      add(node.nodeName);
      if (node.nodeType === 1)
        for (const attr of (node as Element).attributes) add(`${attr.name}=${attr.value}`);
      else add(node.nodeValue ?? '');
    }
    return `${count}:${hash}`;
  });

const probeGaps = (page: Page): Promise<PhaseGaps> =>
  page.evaluate(() => {
    const { maxGap, long } = (window as unknown as { __probe: PhaseGaps }).__probe;
    return { maxGap, long };
  });
const resetProbe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __probe: { reset(): void } }).__probe.reset());
/** Ranges in the page's highlight registry (the page can read it; the content script's world is apart). */
const registeredRanges = (page: Page) =>
  page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    let count = 0;
    for (const highlight of registry?.values() ?? []) count += highlight.size;
    return count;
  });
/** Waits until the highlight registry holds ranges and stopped growing for three polls (5 s at most). */
async function paintingSettled(page: Page): Promise<void> {
  const deadline = Date.now() + 5_000;
  let last = -1;
  let stable = 0;
  while (stable < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const count = await registeredRanges(page);
    stable = count > 0 && count === last ? stable + 1 : 0;
    last = count;
  }
}
const longGapList = (gaps: PhaseGaps, keep: (at: number) => boolean = () => true) =>
  gaps.long
    .filter((g) => keep(g.at))
    .map((g) => Math.round(g.ms))
    .join(', ') || '-';
const pageNow = (page: Page) => page.evaluate(() => performance.now());
const hostile = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __hostile: { gotRoot: boolean; constructed: number; spoofPrevented: number; spoofSent: number };
        }
      ).__hostile,
  );

describe('hostile and extreme pages', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures({
      ...Object.fromEntries(pages.map((p) => [`/${p.name}`, p.html])),
      [NEVER_LOADING]: { body: neverLoadingPage(), hold: true },
    });
  });
  afterAll(async () => server?.close());

  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    /** Opens the page, analyses it with the page in front, and checks what every hostile page must satisfy. */
    async function analyse(spec: HostilePage) {
      // A 10 MB page takes longer than openPage's 20 s to load on a busy machine.
      const page = await session().browser.newPage();
      await page.setViewport(PAGE_VIEWPORT);
      await navigate(session(), page, server.url(`/${spec.name}`), 90_000);
      const tabId = await tabIdOf(session(), page);
      await page.bringToFront();
      const before = await domFingerprint(page);
      const errors = collectPageErrors(page);
      // The control phase: the same page in front, Kontext idle (not yet injected).
      await resetProbe(page);
      await new Promise((resolve) => setTimeout(resolve, CONTROL_MS));
      const control = await probeGaps(page);
      await resetProbe(page);
      const requested = await pageNow(page);
      const answer = await requestAnalysis(session(), tabId);
      const answered = await pageNow(page);
      await page.bringToFront();
      if (answer.status === 'ok') await paintingSettled(page);
      // Give the last painting step, and the probe, a moment to show a freeze.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const kontext = await probeGaps(page);
      const phaseMs = (await pageNow(page)) - requested;
      const judged = judgeGap(control.maxGap, kontext.maxGap);
      console.info(
        `${browserName} ${spec.name}: answer ${Math.round(answer.ms)} ms; page timer: control ${CONTROL_MS} ms largest gap ${Math.round(control.maxGap)} ms (gaps > 100 ms: ${longGapList(control)}), Kontext ${Math.round(phaseMs)} ms largest gap ${Math.round(kontext.maxGap)} ms (gaps > 100 ms before the answer: ${longGapList(kontext, (at) => at < answered)}; after: ${longGapList(kontext, (at) => at >= answered)}); allowed ${Math.round(judged.allowed)} ms (excess ${Math.round(judged.excess)}) ${judged.ok ? 'PASS' : 'FAIL'}; stages ${JSON.stringify(
          Object.fromEntries(Object.entries(answer.timings).map(([k, v]) => [k, Math.round(v)])),
        )}`,
      );
      expect(answer.ok ? (answer.status === 'ok' ? 'analysis' : 'status') : 'status').toBe(spec.outcome);
      expect(answer.ms, 'the analysis answers within 5 s').toBeLessThan(ANSWER_MS);
      expect(
        kontext.maxGap,
        `the page's timer never waits more than ${MAX_GAP_MS} ms plus the control's excess (${Math.round(judged.excess)} ms)`,
      ).toBeLessThanOrEqual(judged.allowed);
      expect(await domFingerprint(page), 'the DOM is unchanged').toBe(before);
      errors.stop();
      expect(errors.errors).toEqual([]);
      return { page, tabId, answer };
    }

    /** The popup shows the tab's (cached) answer: the result or a reason, in time. */
    async function popupShows(tabId: number, outcome: HostilePage['outcome']): Promise<Page> {
      const popup = await openPopup(session(), tabId);
      expect(await waitForPopupOutcome(popup, ANSWER_MS)).toBe(outcome);
      return popup;
    }

    const spec = (name: HostilePage['name']) => pages.find((p) => p.name === name)!;

    it('card-takeover: the card opens with Kontext’s own content; the page gets no root', async () => {
      const { page, tabId } = await analyse(spec('card-takeover'));
      await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyN');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      const shown = await waitForAids(session(), tabId, (s) => s?.card != null, 5_000);
      expect(shown?.card?.text).toMatch(/Wikipedia/);
      const seen = await hostile(page);
      expect(seen.gotRoot).toBe(false);
      await page.close();
    });

    it('key-spoof: Alt+Shift+N from page script opens nothing and is not swallowed', async () => {
      const { page, tabId } = await analyse(spec('key-spoof'));
      await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await inspectAids(session(), tabId))?.card ?? null).toBeNull();
      const seen = await hostile(page);
      expect(seen.spoofSent).toBeGreaterThan(0);
      expect(seen.spoofPrevented).toBe(0);
      await page.close();
    });

    it('highlight-thief: names are unguessable and deleted highlights come back', async () => {
      const { page, tabId } = await analyse(spec('highlight-thief'));
      await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);
      const theft = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
        const found = registry.size;
        const guessed = registry.has('kontext-person');
        registry.clear();
        return { found, guessed };
      });
      expect(theft.found).toBeGreaterThan(0);
      expect(theft.guessed).toBe(false);
      const after = await waitForAids(session(), tabId, (s) => (s?.restored ?? 0) > 0, 5_000);
      expect(after?.restored).toBeGreaterThan(0);
      const size = await page.evaluate(
        () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
      );
      expect(size).toBeGreaterThan(0);
      await page.close();
    });

    it('huge-text: a 10 MB article is read in part, and the popup says so', async () => {
      const { page, tabId, answer } = await analyse(spec('huge-text'));
      expect(answer.truncated).toBe(true);
      // The highlights are painted and styled: on a page this large the ::highlight rules are scoped to
      // the part of the page that was read (lib/highlight/styles.ts); the first paragraph is in it.
      const painted = await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);
      const colour = await page.evaluate(
        (name) =>
          getComputedStyle(document.querySelector('article p:not(.byline)')!, `::highlight(${name})`)
            .backgroundColor,
        painted!.highlightNames!.person,
      );
      expect(colour, 'the first paragraph’s names have their colour').toMatch(/^rgba?\(255, 196, 0/);
      const popup = await popupShows(tabId, 'analysis');
      const notice = await popup.$eval('[data-testid="truncated"]', (el) => el.textContent ?? '');
      expect(notice).toMatch(
        /^(Kontext read the first [\d,.]+ words of this very long page\.|Kontext hat die ersten [\d,.]+ Wörter dieser sehr langen Seite gelesen\.)$/,
      );
      await popup.close();
      await page.close();
    });

    it('many-mentions: at most 5,000 mentions are painted, they are painted, and the popup says so', async () => {
      const { page, tabId } = await analyse(spec('many-mentions'));
      const painted = await waitForAids(session(), tabId, (s) => (s?.painted.place?.length ?? 0) > 0);
      const count = Object.values(painted?.painted ?? {}).reduce((n, list) => n + list.length, 0);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(5_000);
      expect(painted?.spansDropped).toBeGreaterThan(0);
      const popup = await popupShows(tabId, 'analysis');
      const notice = await popup.$eval('[data-testid="paint-capped"]', (el) => el.textContent ?? '');
      expect(notice).toMatch(
        /^(Only the first 5,000 of [\d,]+ mentions are marked on the page\.|Auf der Seite sind nur die ersten 5\.000 von [\d.]+ Erwähnungen markiert\.)$/,
      );
      await popup.close();
      await page.close();
    });

    it('pathological-token: the analysis completes (no "too much recursion")', async () => {
      const { page, answer } = await analyse(spec('pathological-token'));
      expect(answer.entities).toBeGreaterThan(0);
      await page.close();
    });

    it('deep-dom: refused with a reason instead of crashing the tab', async () => {
      const { page, tabId } = await analyse(spec('deep-dom'));
      const popup = await popupShows(tabId, 'status');
      await popup.close();
      await page.close();
    });

    it('never-loading: a page whose load never finishes is analysed all the same', async () => {
      const page = await session().browser.newPage();
      await page.setViewport(PAGE_VIEWPORT);
      // The navigation never completes; the test waits for the article's text instead.
      void page.goto(server.url(NEVER_LOADING), { timeout: 60_000 }).catch(() => {});
      await page.waitForFunction(() => document.querySelectorAll('article p').length >= 12, {
        timeout: 20_000,
      });
      expect(await page.evaluate(() => document.readyState)).toBe('loading');
      const tabId = await tabIdOf(session(), page);
      await page.bringToFront();
      const answer = await requestAnalysis(session(), tabId);
      expect(answer.failure).toBeNull();
      expect(answer.status).toBe('ok');
      expect(answer.entities).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.readyState), 'the page was still loading').toBe('loading');
      await page.close();
    });

    it('english-names: a short English page of Dutch names is not called Dutch', async () => {
      const { page, answer } = await analyse(spec('english-names'));
      expect(answer.lang).not.toBe('nl');
      await page.close();
    });
  });
});
