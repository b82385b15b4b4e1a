/** The orchestrator's port (lib/background/orchestrator.ts) bound to browser.*: tabs, scripting, action. */
import {
  type AnalyzeOptions,
  analyzeExtracted,
  prepareModels,
  rankLateRelated,
} from '@/lib/analyze-extracted.ts';
import type { SaveOutcome, TabPort } from '@/lib/background/orchestrator.ts';
import { type ContentRequest, type ContentResponses, checkContentResponse } from '@/lib/messaging.ts';
// Not the storage barrel: it re-exports the sanitiser, and DOMPurify has no use in a worker without a DOM.
import { savedArticleFromAnalysis } from '@/lib/storage/from-analysis.ts';
import { type Library, openLibrary } from '@/lib/storage/library.ts';
import { prepareSentenceSplitter } from '@/lib/text/sentences.ts';
import { PART_FILES } from './content-parts.ts';
import { sessionTabStore } from './storage-items.ts';

const CONTENT_SCRIPT = '/content-scripts/content.js';

// getURL is typed against files present at build time; model and page names are only known at run time.
export const extensionUrl = (path: string): string =>
  (browser.runtime.getURL as (path: string) => string)(path);

const modelCache = new Map<string, Promise<ArrayBuffer | null>>();

/** Models ship in the extension (public/models); only the page's language is ever fetched. */
const loadModel: NonNullable<AnalyzeOptions['loadModel']> = (name) => {
  let pending = modelCache.get(name);
  if (!pending) {
    pending = fetch(extensionUrl(`/models/${name}`))
      // Models (ner-xx.bin) are typed arrays behind a header, read as views: no parsing.
      .then((response) => (response.ok ? response.arrayBuffer() : null))
      .catch(() => null);
    modelCache.set(name, pending);
  }
  return pending;
};

let library: Promise<Library> | null = null;
/** The saved-articles library, opened once on first use. */
export const backgroundLibrary = (): Promise<Library> => {
  library ??= openLibrary();
  return library;
};

/** A save's outcome without a popup: a badge on the tab's icon, and its title says why. */
async function reportSave(tabId: number, outcome: SaveOutcome): Promise<void> {
  const title = outcome.ok
    ? browser.i18n.getMessage('saveDone')
    : outcome.reason === 'nothing'
      ? browser.i18n.getMessage('saveNothing')
      : browser.i18n.getMessage('saveFailed', [outcome.detail]);
  await browser.action
    .setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#137333' : '#b3261e' })
    .catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title }).catch(() => undefined);
}

export const browserTabPort: TabPort = {
  tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  async sendToTab<T extends ContentRequest>(tabId: number, message: T): Promise<ContentResponses[T['type']]> {
    return checkContentResponse<T['type']>(
      message.type,
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    );
  },
  async injectContentScript(tabId) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [CONTENT_SCRIPT],
      // Immediately: by default the browser waits for the document to finish, forever on a stalled page.
      injectImmediately: true,
    });
  },
  async injectContentPart(tabId, part) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PART_FILES[part]] });
  },
  prepareAnalysis: () => {
    prepareSentenceSplitter();
    prepareModels(loadModel);
  },
  analyze: (extraction) => analyzeExtracted(extraction, { loadModel }),
  rankRelated: rankLateRelated,
  async save(analysis, html) {
    await (await backgroundLibrary()).save(savedArticleFromAnalysis(analysis, html));
  },
  reportSave,
  store: sessionTabStore,
};
