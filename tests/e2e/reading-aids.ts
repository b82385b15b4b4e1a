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
import { afterAll, beforeAll } from 'vitest';
import type { ReadingAidsSnapshot } from '../../lib/highlight/reading-aids.ts';
import type { Analysis } from '../../lib/types.ts';
import { buildSeedPage } from '../fixtures/news-page.ts';
import {
  type ExtensionSession,
  evaluateInExtension,
  type FixtureServer,
  openPopup,
  PAGE_VIEWPORT,
  type Page,
  serveFixtures,
  tabIdOf,
  waitForPopupOutcome,
} from './harness.ts';

/**
 * Serves the seed news page for the enclosing describe block (started before its tests, closed after);
 * call inside the block. Returns the page's URL, known once the server is up.
 */
export function useSeedArticlePage(): () => string {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await serveFixtures((origin) => ({ '/seed/article': buildSeedPage({ origin })! }));
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => server!.url('/seed/article');
}

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

/** Viewport centre of the first `words` (e.g. "Kim Jong Un") in the article's paragraphs (not its title), scrolled into view. */
export async function pointAtFirst(page: Page, words: string): Promise<{ x: number; y: number }> {
  return page.evaluate((needle: string) => {
    for (const paragraph of document.querySelectorAll('article p')) {
      const node = [...paragraph.childNodes].find(
        (n) => n.nodeType === 3 && (n as Text).data.includes(needle),
      );
      if (!node) continue;
      const at = (node as Text).data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (node.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`"${needle}" is not in the article`);
  }, words);
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
  /** documentElement.outerHTML without Kontext's own card host (<kontext-card-…>, a random tag). */
  html: string;
  text: string;
  adoptedSheets: number;
  hasHost: boolean;
}

/** What a page script sees of the page (the main world). */
export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    const isHost = (e: Element) => e.localName.startsWith('kontext-card-');
    for (const host of [...clone.children].filter(isHost)) host.remove();
    return {
      html: clone.outerHTML,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what must not change
      text: document.body?.innerText ?? '',
      adoptedSheets: document.adoptedStyleSheets.length,
      hasHost: [...document.documentElement.children].some(isHost),
    };
  });
}

/** Exceptions and console errors of the page, from now on. Resource load failures are network, not code. */
export function collectPageErrors(page: Page): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (error: unknown) => errors.push(`pageerror: ${String(error)}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() !== 'error') return;
    // Refused or failed loads (offline, the offline copy's policy) are resources, not code failing.
    if (
      /Failed to load resource|net::ERR_|NS_ERROR_|downloadable font|Content[- ]Security[- ]Policy|Refused to/i.test(
        message.text(),
      )
    )
      return;
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
 * A real page's HTML with a Content-Security-Policy <meta> first in <head> that refuses every other origin.
 * Offline, its third-party scripts, fonts and trackers would otherwise hang the load for a long time
 * (parser-blocking scripts waiting on DNS) and fail at random moments later. The page's own inline code
 * still runs. Kontext is unaffected: content scripts and constructed stylesheets are not subject to it.
 */
export function offlineCopy(html: string): string {
  const meta =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'\">";
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const htmlTag = /<html[^>]*>/i.exec(html);
  const at = htmlTag ? htmlTag.index + htmlTag[0].length : 0;
  return `${html.slice(0, at)}<head>${meta}</head>${html.slice(at)}`;
}

/**
 * Opens `url`, waits for the DOM, then (up to 10 s) for the document to complete, then `settleMs` of
 * quiet; records the errors the page produced on its own by then, so a test can tell Kontext's from
 * the page's.
 */
export async function openServedPage(
  session: ExtensionSession,
  url: string,
  settleMs = 500,
): Promise<ServedPage> {
  const page = await session.browser.newPage();
  await page.setViewport(PAGE_VIEWPORT);
  const errors = collectPageErrors(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  await page
    .waitForFunction(() => document.readyState === 'complete', { timeout: 10_000, polling: 100 })
    .catch(() => undefined /* a subresource still pending: compare anyway, the DOM is there */);
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
