/**
 * Background: the only place that talks to tabs. It injects the content script on demand (activeTab +
 * scripting, no host permissions), runs the text half of the pipeline with the NER model it keeps
 * loaded for all tabs, caches each tab's Analysis, and wires the context menu. The work on tabs lives in
 * lib/background/orchestrator.ts behind a port (utils/background-port.ts); this file is the wiring.
 */
import { createOrchestrator } from '@/lib/background/orchestrator.ts';
import {
  type CardRequest,
  type CardResponses,
  inboundRequest,
  tabAnalysisToWire,
  unhandled,
} from '@/lib/messaging.ts';
import { savedMentionsOf } from '@/lib/storage/saved-mentions.ts';
import { contentTerms } from '@/lib/text/content-words.ts';
import { wikipediaOrigin } from '@/lib/wikipedia/api.ts';
import { type AnswerCache, openAnswerCache } from '@/lib/wikipedia/cache-store.ts';
import { lookUpEntity } from '@/lib/wikipedia/lookup.ts';
import { backgroundLibrary, browserTabPort, extensionUrl } from '@/utils/background-port.ts';
import { disableWikipedia, wikipediaSwitchState } from '@/utils/wikipedia-switch.ts';

const MENU_ANALYZE = 'kontext-analyze';
const MENU_SAVE = 'kontext-save';
const COMMAND_SAVE = 'save-article';

const tabs = createOrchestrator(browserTabPort);

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
        return savedMentionsOf(await (await backgroundLibrary()).list(), message.name, message.url);
      } catch {
        return { total: 0, articles: [] };
      }
    case 'kontext:open-list': {
      const query = message.entity ? `?entity=${encodeURIComponent(message.entity)}` : '';
      const hash = message.wikipediaSwitch ? '#wikipedia' : '';
      const url = `${extensionUrl('/list.html')}${query}${hash}`;
      await browser.tabs.create({ url });
      return { ok: true };
    }
    case 'kontext:wikipedia-off':
      await disableWikipedia(await wikipediaSwitchState());
      return { ok: true };
    default:
      return unhandled(message);
  }
}

export default defineBackground(() => {
  const self = { id: browser.runtime.id, pagesOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const inbound = inboundRequest(message, sender, self);
    if (!inbound) return undefined;
    if (inbound.from === 'card') return answerCard(inbound.request);
    const request = inbound.request;
    switch (request.type) {
      case 'kontext:analyze-tab':
        return tabs.analyzeTab(request.tabId, request.force).then(tabAnalysisToWire);
      case 'kontext:set-highlight-kinds':
        return tabs.setHighlightKinds(request.tabId, request.kinds);
      case 'kontext:sanitized-content':
        return tabs.sanitizedContent(request.tabId);
      case 'kontext:related-links':
        return tabs.relatedLinks(request.tabId);
      default:
        return unhandled(request);
    }
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' || changeInfo.url) void tabs.forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forgetTab(tabId));

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
    if (command === COMMAND_SAVE && tab?.id !== undefined) void tabs.saveTab(tab.id);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_SAVE) {
      void tabs.saveTab(tab.id);
      return;
    }
    if (info.menuItemId !== MENU_ANALYZE) return;
    // The click grants activeTab. Open the popup while the click still counts as a user gesture; it
    // asks for the same analysis, which highlights the page even where openPopup is unavailable.
    void browser.action.openPopup?.().catch(() => undefined);
    void tabs.analyzeTab(tab.id);
  });
});
