/**
 * E2E helpers for the reading aids (highlights and hover card) in a served page: analyse through the
 * popup, read the aids' state from the content script's own world, clear through a message, and capture
 * what a page script would see of the page.
 *
 * Reading state: the content script keeps `inspect()` on its isolated-world global (INSPECT_GLOBAL in
 * entrypoints/content/highlights.ts). scripting.executeScript from an extension page runs in that same
 * world in both browsers, so the tests read painted ranges and the closed card's text there; page
 * scripts cannot.
 */
import type { ReadingAidsSnapshot } from '../../lib/highlight/reading-aids.ts';
import type { Analysis } from '../../lib/types.ts';
import {
  type ExtensionSession,
  evaluateInExtension,
  openPopup,
  PAGE_VIEWPORT,
  type Page,
  tabIdOf,
  waitForPopupOutcome,
} from './harness.ts';

const INSPECT_GLOBAL = '__kontextReadingAidsInspect';

/** The reading aids' snapshot in `tabId`, or null when the content script has not mounted them. */
export async function inspectAids(
  session: ExtensionSession,
  tabId: number,
): Promise<ReadingAidsSnapshot | null> {
  return evaluateInExtension(
    session,
    async ({ id, name }: { id: number; name: string }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      const [injection] = await api.scripting.executeScript({
        target: { tabId: id },
        func: (global: string) => {
          const inspect = (globalThis as unknown as Record<string, unknown>)[global];
          return typeof inspect === 'function' ? inspect() : null;
        },
        args: [name],
      });
      return (injection?.result ?? null) as never;
    },
    { id: tabId, name: INSPECT_GLOBAL },
  );
}

/** Polls inspectAids until `until` holds; returns the last snapshot (check it: it may not hold). */
export async function waitForAids(
  session: ExtensionSession,
  tabId: number,
  until: (snapshot: ReadingAidsSnapshot | null) => boolean,
  timeoutMs = 15_000,
): Promise<ReadingAidsSnapshot | null> {
  const deadline = Date.now() + timeoutMs;
  let last = await inspectAids(session, tabId);
  while (!until(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    last = await inspectAids(session, tabId);
  }
  return last;
}

export interface AnalysedTab {
  tabId: number;
  outcome: 'analysis' | 'status';
  analysis: Analysis | null;
}

/** Analyses `page` the way a reader does (the popup for its tab), then closes the popup. */
export async function analyseThroughPopup(session: ExtensionSession, page: Page): Promise<AnalysedTab> {
  const tabId = await tabIdOf(session, page);
  const popup = await openPopup(session, tabId);
  const outcome = await waitForPopupOutcome(popup);
  await popup.close();
  // The background caches the tab's analysis: asking again returns the same result without re-analysing.
  const response = await evaluateInExtension(
    session,
    async (id: number) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      return api.runtime.sendMessage({ type: 'kontext:analyze-tab', tabId: id });
    },
    tabId,
  );
  const analysis = (response as { ok?: boolean; analysis?: Analysis } | null)?.analysis ?? null;
  await page.bringToFront();
  return { tabId, outcome, analysis };
}

/** Sends the content script its clear message, as the extension does. */
export async function clearThroughExtension(session: ExtensionSession, tabId: number): Promise<void> {
  await evaluateInExtension(
    session,
    async (id: number) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      await api.tabs.sendMessage(id, { type: 'kontext:clear' });
    },
    tabId,
  );
}

export interface PageState {
  /** documentElement.outerHTML without Kontext's own <kontext-card> host. */
  html: string;
  text: string;
  adoptedSheets: number;
  hasHost: boolean;
}

/** What a page script sees of the page (the main world). */
export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('kontext-card')) host.remove();
    return {
      html: clone.outerHTML,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what must not change
      text: document.body?.innerText ?? '',
      adoptedSheets: document.adoptedStyleSheets.length,
      hasHost: document.querySelector('kontext-card') !== null,
    };
  });
}

/** Exceptions and console errors of the page, from now on. Resource load failures are network, not code. */
export function collectPageErrors(page: Page): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (error: unknown) => errors.push(`pageerror: ${String(error)}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource|net::ERR_|NS_ERROR_|downloadable font/i.test(message.text())) return;
    errors.push(`console.error: ${message.text()}`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  return {
    errors,
    stop() {
      page.off('pageerror', onError);
      page.off('console', onConsole);
    },
  };
}

export interface ServedPage {
  page: Page;
  /** Every error the page logs from its first byte on. */
  errors: { errors: string[]; stop(): void };
  /** Errors the page logged by itself, before Kontext did anything (its scripts fail offline). */
  ownErrors: Set<string>;
}

/**
 * Opens a served copy of a real page with everything outside `origin` refused at once: offline, a
 * page's third-party scripts, fonts and trackers would otherwise hang its load for many seconds, and
 * fail at random later. Waits for the load and `settleMs` of quiet, and records the errors the page
 * produced on its own by then, so a test can tell Kontext's from the page's.
 */
export async function openServedPage(
  session: ExtensionSession,
  url: string,
  origin: string,
  settleMs = 500,
): Promise<ServedPage> {
  const page = await session.browser.newPage();
  await page.setViewport(PAGE_VIEWPORT);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const target = request.url();
    if (target.startsWith(`${origin}/`) || target.startsWith('data:') || target.startsWith('blob:')) {
      void request.continue();
    } else {
      void request.abort('blockedbyclient');
    }
  });
  const errors = collectPageErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { page, errors, ownErrors: new Set(errors.errors) };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Texts the analysis says each kind covers: entity mentions and quote texts. */
export function expectedTexts(analysis: Analysis): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  const add = (kind: string, start: number, end: number) => {
    const set = out[kind] ?? new Set<string>();
    set.add(collapse(analysis.text.slice(start, end)));
    out[kind] = set;
  };
  for (const entity of analysis.entities) for (const m of entity.mentions) add(entity.kind, m.start, m.end);
  for (const quote of analysis.quotes) add(quote.kind, quote.start, quote.end);
  return out;
}

export { collapse };
