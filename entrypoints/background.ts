/**
 * Background: the only place that talks to tabs. It injects the content script on demand (activeTab +
 * scripting, no host permissions), runs the text half of the pipeline with the NER model it keeps
 * loaded for all tabs, caches each tab's Analysis, and wires the context menu.
 */
import { type AnalyzeOptions, analyzeExtracted } from '@/lib/analyze-extracted.ts';
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
  isRestrictedUrl,
  type TabAnalysisResponse,
} from '@/lib/messaging.ts';
import { contentTerms } from '@/lib/related/terms.ts';
import { LibraryError, openLibrary, savedArticleFromAnalysis } from '@/lib/storage/index.ts';
import { savedMentionsOf } from '@/lib/storage/saved-mentions.ts';
import { prepareSentenceSplitter } from '@/lib/text/sentences.ts';
import type { Analysis } from '@/lib/types.ts';
import { wikipediaOrigin } from '@/lib/wikipedia/api.ts';
import { type AnswerCache, openAnswerCache } from '@/lib/wikipedia/cache-store.ts';
import { lookUpEntity } from '@/lib/wikipedia/lookup.ts';
import { tabCache } from '@/utils/tab-cache.ts';
import { disableWikipedia, wikipediaSwitchState } from '@/utils/wikipedia-switch.ts';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const MENU_ANALYZE = 'kontext-analyze';
const MENU_SAVE = 'kontext-save';
const COMMAND_SAVE = 'save-article';
/** A page that does not answer in this time gets a message instead of an endless spinner. */
const EXTRACT_TIMEOUT_MS = 20_000;

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Injects the content script unless it already answers (the popup may open many times on one page). */
async function ensureContentScript(tabId: number): Promise<void> {
  try {
    await sendToTab(tabId, { type: 'kontext:ping' });
    return;
  } catch {
    // Not there yet: inject it below.
  }
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] });
}

function failure(failure: TabAnalysisResponse & { ok: false }): TabAnalysisResponse {
  return failure;
}

const inFlight = new Map<number, Promise<TabAnalysisResponse>>();

/** One analysis per tab at a time: the context menu and the popup it opens ask at once. */
function analyzeTab(tabId: number, force = false): Promise<TabAnalysisResponse> {
  const running = inFlight.get(tabId);
  if (running) return running;
  const pending = runAnalysis(tabId, force).finally(() => inFlight.delete(tabId));
  inFlight.set(tabId, pending);
  return pending;
}

async function runAnalysis(tabId: number, force: boolean): Promise<TabAnalysisResponse> {
  let tab: Browser.tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return failure({ ok: false, failure: 'no-tab', detail: `No tab with id ${tabId}.` });
  }
  if (isRestrictedUrl(tab.url)) {
    return failure({ ok: false, failure: 'restricted', detail: `Extensions may not read ${tab.url}.` });
  }
  const cached = force ? null : await tabCache.get(tabId, tab.url);
  if (cached) {
    // The page may have been reloaded without a navigation event we saw; re-show is cheap and idempotent.
    await showInTab(tabId, cached.analysis, cached.kinds).catch(() => tabCache.remove(tabId));
    return { ok: true, analysis: cached.analysis, cached: true, highlightKinds: cached.kinds };
  }

  try {
    await ensureContentScript(tabId);
  } catch (error) {
    return failure({ ok: false, failure: 'restricted', detail: String(error) });
  }
  let extraction: ContentResponses['kontext:extract'];
  try {
    const extracting = withTimeout(sendToTab(tabId, { type: 'kontext:extract' }), EXTRACT_TIMEOUT_MS);
    // The page extracts in its own process meanwhile: a new worker's sentence-splitter set-up fits there.
    prepareSentenceSplitter();
    extraction = await extracting;
  } catch (error) {
    const timedOut = error instanceof Error && error.message === 'timeout';
    return failure({ ok: false, failure: timedOut ? 'timeout' : 'error', detail: String(error) });
  }
  try {
    const analysis = await analyzeExtracted(extraction, { loadModel });
    const kinds = [...HIGHLIGHT_KINDS];
    await tabCache.set(tabId, { url: tab.url ?? extraction.url, analysis, kinds });
    if (analysis.status === 'ok') await showInTab(tabId, analysis, kinds).catch(() => undefined);
    return { ok: true, analysis, cached: false, highlightKinds: kinds };
  } catch (error) {
    console.error('Kontext: analysis failed', error);
    return failure({ ok: false, failure: 'error', detail: String(error) });
  }
}

async function showInTab(tabId: number, analysis: Analysis, kinds: HighlightKind[]) {
  if (analysis.status !== 'ok') return;
  await sendToTab(tabId, { type: 'kontext:show', analysis, kinds });
}

async function setHighlightKinds(tabId: number, kinds: HighlightKind[]): Promise<{ ok: boolean }> {
  await tabCache.updateKinds(tabId, kinds);
  try {
    await sendToTab(tabId, { type: 'kontext:set-kinds', kinds });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

async function sanitizedContent(tabId: number): Promise<BackgroundResponses['kontext:sanitized-content']> {
  try {
    return await sendToTab(tabId, { type: 'kontext:sanitized-content' });
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
