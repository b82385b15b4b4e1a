/**
 * Background: the only place that talks to tabs. It injects the content script on demand (activeTab +
 * scripting, no host permissions), runs the text half of the pipeline with the NER model it keeps
 * loaded for all tabs, caches each tab's Analysis, and wires the context menu.
 */
import { type AnalyzeOptions, analyzeExtracted } from '@/lib/analyze-extracted.ts';
import { DeadlineError, singleFlight, withDeadline } from '@/lib/deadline.ts';
import {
  type BackgroundResponses,
  type CardRequest,
  type CardResponses,
  type ContentRequest,
  type ContentResponses,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  isBackgroundRequest,
  isCardRequest,
  isObject,
  isPageExtraction,
  isRestrictedUrl,
  type TabAnalysisResponse,
} from '@/lib/messaging.ts';
import { contentTerms } from '@/lib/related/terms.ts';
// Not the storage barrel: it re-exports the sanitiser, and DOMPurify has no use in a worker without a DOM.
import { LibraryError } from '@/lib/storage/errors.ts';
import { savedArticleFromAnalysis } from '@/lib/storage/from-analysis.ts';
import { openLibrary } from '@/lib/storage/library.ts';
import { savedMentionsOf } from '@/lib/storage/saved-mentions.ts';
import { prepareSentenceSplitter } from '@/lib/text/sentences.ts';
import { timedAsync } from '@/lib/timing.ts';
import type { Analysis } from '@/lib/types.ts';
import { wikipediaOrigin } from '@/lib/wikipedia/api.ts';
import { type AnswerCache, openAnswerCache } from '@/lib/wikipedia/cache-store.ts';
import { lookUpEntity } from '@/lib/wikipedia/lookup.ts';
import { isMissingPart, PART_FILES } from '@/utils/content-parts.ts';
import { tabCache } from '@/utils/tab-cache.ts';
import { disableWikipedia, wikipediaSwitchState } from '@/utils/wikipedia-switch.ts';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const MENU_ANALYZE = 'kontext-analyze';
const MENU_SAVE = 'kontext-save';
const COMMAND_SAVE = 'save-article';
/**
 * Every wait on a tab is bounded: the browser leaves these promises pending forever on a tab that never
 * finishes loading or that it will not script (view-source:), and the popup must answer with a reason.
 * A content script that is there answers a ping at once; injecting takes well under a second on a
 * loaded page; extraction is bounded by the page-size limits in lib/extract, this only catches a stuck page.
 */
const PING_MS = 1_000;
const INJECT_MS = 4_000;
const EXTRACT_MS = 20_000;
const SHOW_MS = 5_000;
/** The whole analysis, cache and model load included; beyond it the tab is answered and freed. */
const ANALYSIS_MS = 30_000;

const modelCache = new Map<string, Promise<ArrayBuffer | null>>();

/** Models ship in the extension (public/models); only the page's language is ever fetched. */
const loadModel: NonNullable<AnalyzeOptions['loadModel']> = (name) => {
  let pending = modelCache.get(name);
  if (!pending) {
    // getURL is typed against files present at build time; model names are only known at run time.
    const url = (browser.runtime.getURL as (path: string) => string)(`/models/${name}`);
    pending = fetch(url)
      // Models (ner-xx.bin) are typed arrays behind a header, read as views: no parsing.
      .then((response) => (response.ok ? response.arrayBuffer() : null))
      .catch(() => null);
    modelCache.set(name, pending);
  }
  return pending;
};

function sendToTab<T extends ContentRequest>(
  tabId: number,
  message: T,
): Promise<ContentResponses[T['type']]> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<ContentResponses[T['type']]>;
}

/**
 * Sends a request that needs a late part of the content script (reading aids, sanitiser): when the
 * content script answers that the part is missing, injects it and asks once more.
 */
async function sendNeedingPart<T extends ContentRequest>(
  tabId: number,
  message: T,
): Promise<ContentResponses[T['type']]> {
  const answer = await sendToTab(tabId, message);
  if (!isMissingPart(answer)) return answer;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    files: [PART_FILES[answer.missing]],
  });
  return sendToTab(tabId, message);
}

/** Whether Kontext's content script is in the tab already (it answers a ping at once). */
function contentScriptAnswers(tabId: number): Promise<boolean> {
  return withDeadline('ping', PING_MS, sendToTab(tabId, { type: 'kontext:ping' })).then(
    () => true,
    () => false,
  );
}

/**
 * Injects the content script unless it already answers (the popup may open many times on one page).
 * `pinged` is the ping, asked for at the start of the analysis beside the tab and cache look-ups.
 */
async function ensureContentScript(
  tabId: number,
  steps: Record<string, number>,
  pinged: Promise<boolean>,
): Promise<void> {
  if (await timedAsync(steps, 'ping', () => pinged)) return;
  await timedAsync(steps, 'inject', () =>
    withDeadline(
      'inject',
      INJECT_MS,
      browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] }),
    ),
  );
}

function failure(failure: TabAnalysisResponse & { ok: false }): TabAnalysisResponse {
  return failure;
}

function timeoutFailure(error: DeadlineError): TabAnalysisResponse {
  return failure({ ok: false, failure: 'timeout', detail: error.message });
}

/**
 * One analysis per tab at a time: the context menu and the popup it opens ask at once. A stuck analysis
 * is answered with a timeout and its tab freed, so the next click starts afresh.
 */
const inFlight = singleFlight<number, TabAnalysisResponse>('analysis', ANALYSIS_MS, timeoutFailure);

function analyzeTab(tabId: number, force = false): Promise<TabAnalysisResponse> {
  return inFlight.run(tabId, () => runAnalysis(tabId, force), force);
}

async function runAnalysis(tabId: number, force: boolean): Promise<TabAnalysisResponse> {
  const steps: Record<string, number> = {};
  // Three independent questions, asked at once: the tab (its URL), the session cache (read into memory
  // for tabCache.get) and whether the content script is there. A ping to a tab that may not be scripted
  // just fails.
  const warming = force ? Promise.resolve() : tabCache.warm(tabId);
  const pinged = contentScriptAnswers(tabId);
  let tab: Browser.tabs.Tab;
  try {
    tab = await timedAsync(steps, 'tab', () => browser.tabs.get(tabId));
  } catch {
    return failure({ ok: false, failure: 'no-tab', detail: `No tab with id ${tabId}.` });
  }
  if (isRestrictedUrl(tab.url)) {
    return failure({ ok: false, failure: 'restricted', detail: `Extensions may not read ${tab.url}.` });
  }
  const cached = force
    ? null
    : await timedAsync(steps, 'cache', () => warming.then(() => tabCache.get(tabId, tab.url)));
  if (cached) {
    // The page may have been reloaded without a navigation event we saw; re-show is cheap and idempotent.
    // The popup does not wait for the page's highlights: it answers at once.
    void showInTab(tabId, cached.analysis, cached.kinds).catch(() => tabCache.remove(tabId));
    return { ok: true, analysis: cached.analysis, cached: true, highlightKinds: cached.kinds, steps };
  }

  try {
    await ensureContentScript(tabId, steps, pinged);
  } catch (error) {
    if (error instanceof DeadlineError) return timeoutFailure(error);
    return failure({ ok: false, failure: 'restricted', detail: String(error) });
  }
  let extraction: unknown;
  try {
    const extracting = timedAsync(steps, 'extract', () =>
      withDeadline('extract', EXTRACT_MS, sendToTab(tabId, { type: 'kontext:extract' })),
    );
    // The page extracts in its own process meanwhile: a new worker's sentence-splitter set-up fits there.
    prepareSentenceSplitter();
    extraction = await extracting;
  } catch (error) {
    if (error instanceof DeadlineError) return timeoutFailure(error);
    return failure({ ok: false, failure: 'error', detail: String(error) });
  }
  // A frame that crashed or navigated answers undefined; anything else is not read.
  if (!isPageExtraction(extraction)) {
    return failure({ ok: false, failure: 'frame', detail: 'The page did not send back an extraction.' });
  }
  try {
    const analysis = await timedAsync(steps, 'analyse', () => analyzeExtracted(extraction, { loadModel }));
    const kinds = [...HIGHLIGHT_KINDS];
    // Neither the session copy of the cache nor the page's highlights hold up the popup's answer (the
    // in-memory cache entry is set at once; messages to the tab keep their order).
    void tabCache.set(tabId, { url: tab.url ?? extraction.url, analysis, kinds });
    if (analysis.status === 'ok') void showInTab(tabId, analysis, kinds).catch(() => undefined);
    return { ok: true, analysis, cached: false, highlightKinds: kinds, steps };
  } catch (error) {
    console.error('Kontext: analysis failed', error);
    return failure({ ok: false, failure: 'error', detail: String(error) });
  }
}

async function showInTab(tabId: number, analysis: Analysis, kinds: HighlightKind[]) {
  if (analysis.status !== 'ok') return;
  await withDeadline('show', SHOW_MS, sendNeedingPart(tabId, { type: 'kontext:show', analysis, kinds }));
}

async function setHighlightKinds(tabId: number, kinds: HighlightKind[]): Promise<{ ok: boolean }> {
  await tabCache.updateKinds(tabId, kinds);
  try {
    await withDeadline('set-kinds', SHOW_MS, sendNeedingPart(tabId, { type: 'kontext:set-kinds', kinds }));
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

async function sanitizedContent(tabId: number): Promise<BackgroundResponses['kontext:sanitized-content']> {
  try {
    const content = await withDeadline(
      'sanitized-content',
      SHOW_MS,
      sendNeedingPart(tabId, { type: 'kontext:sanitized-content' }),
    );
    return isObject(content) && typeof content.html === 'string' ? { html: content.html } : null;
  } catch {
    return null;
  }
}

let library: ReturnType<typeof openLibrary> | null = null;

/** Shows the outcome of a save without a popup: a badge on the tab's icon, and its title says why. */
async function flagTab(tabId: number, ok: boolean, title: string): Promise<void> {
  await browser.action
    .setBadgeBackgroundColor({ tabId, color: ok ? '#137333' : '#b3261e' })
    .catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: ok ? '✓' : '!' }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title }).catch(() => undefined);
}

/** Saves the tab's article from the context menu or the shortcut (the popup saves on its own). */
async function saveTab(tabId: number): Promise<void> {
  const result = await analyzeTab(tabId);
  if (!result.ok || result.analysis.status !== 'ok') {
    await flagTab(tabId, false, browser.i18n.getMessage('saveNothing'));
    return;
  }
  // The worker has no DOM for DOMPurify; the content script sanitises the article it extracted.
  const content = await sanitizedContent(tabId);
  try {
    library ??= openLibrary();
    await (await library).save(savedArticleFromAnalysis(result.analysis, content?.html ?? ''));
    await flagTab(tabId, true, browser.i18n.getMessage('saveDone'));
  } catch (error) {
    const reason = error instanceof LibraryError ? error.message : String(error);
    await flagTab(tabId, false, browser.i18n.getMessage('saveFailed', [reason]));
  }
}

/** A card waits this long for Wikipedia; after that it stays as it is. */
const WIKIPEDIA_TIMEOUT_MS = 6_000;
let wikipediaCache: AnswerCache | null = null;

async function fetchJson(url: string): Promise<unknown> {
  // No cookies and no referrer: Wikipedia learns the name looked up, nothing about the reader's session.
  const response = await fetch(url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(WIKIPEDIA_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Answers the hover card. Wikipedia is asked only while the reader's switch is on. */
async function answerCard(message: CardRequest): Promise<CardResponses[keyof CardResponses]> {
  switch (message.type) {
    case 'kontext:card-wikipedia': {
      const state = await wikipediaSwitchState();
      if (!state.on) return { state: 'off' };
      wikipediaCache ??= openAnswerCache();
      return lookUpEntity(
        { name: message.name, kind: message.kind, context: contentTerms(message.context) },
        message.lang,
        { fetchJson, origin: (lang) => wikipediaOrigin(lang, state.override), cache: wikipediaCache },
      );
    }
    case 'kontext:card-saved':
      try {
        library ??= openLibrary();
        return savedMentionsOf(await (await library).list(), message.name, message.url);
      } catch {
        return { total: 0, articles: [] };
      }
    case 'kontext:open-list': {
      const query = message.entity ? `?entity=${encodeURIComponent(message.entity)}` : '';
      const hash = message.wikipediaSwitch ? '#wikipedia' : '';
      const url = `${(browser.runtime.getURL as (path: string) => string)('/list.html')}${query}${hash}`;
      await browser.tabs.create({ url });
      return { ok: true };
    }
    case 'kontext:wikipedia-off':
      await disableWikipedia(await wikipediaSwitchState());
      return { ok: true };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own extension pages (popup, list, reader; also when opened in a tab) make background
    // requests; our content script sends only card requests. Anything from other extensions is ignored.
    if (sender.id !== browser.runtime.id) return undefined;
    // Hover cards ask from our content script (inside a page) or from the reader page: their requests
    // are checked and bounded (isCardRequest) and can only do what a card shows.
    if (isCardRequest(message)) return answerCard(message);
    if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    if (!isBackgroundRequest(message)) return undefined;
    switch (message.type) {
      case 'kontext:analyze-tab':
        return analyzeTab(message.tabId, message.force);
      case 'kontext:set-highlight-kinds':
        return setHighlightKinds(message.tabId, message.kinds);
      case 'kontext:sanitized-content':
        return sanitizedContent(message.tabId);
    }
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' || changeInfo.url) void tabCache.remove(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabCache.remove(tabId));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ANALYZE,
      title: browser.i18n.getMessage('menuAnalyze'),
      contexts: ['page', 'selection'],
    });
    browser.contextMenus.create({
      id: MENU_SAVE,
      title: browser.i18n.getMessage('menuSave'),
      contexts: ['page', 'selection'],
    });
  });

  // The shortcut grants activeTab on the current tab, like a toolbar click.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND_SAVE && tab?.id !== undefined) void saveTab(tab.id);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_SAVE) {
      void saveTab(tab.id);
      return;
    }
    if (info.menuItemId !== MENU_ANALYZE) return;
    // The click grants activeTab. Open the popup while the click still counts as a user gesture; it
    // asks for the same analysis, which highlights the page even where openPopup is unavailable.
    void browser.action.openPopup?.().catch(() => undefined);
    void analyzeTab(tab.id);
  });
});
