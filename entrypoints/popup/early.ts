/**
 * The popup's first step, evaluated before the rest of its modules (main.tsx imports it first, for its
 * effect): it asks the background for the tab's analysis at once, so injection and extraction run while
 * the UI's modules evaluate and the popup paints its frame.
 */
import { mark } from '@/components/popup/marks.ts';
import { tabFromHash } from '@/components/popup/PopupShell.tsx';
import {
  type BackgroundRequest,
  type BackgroundResponses,
  checkBackgroundResponse,
  type TabAnalysisResponse,
  tabAnalysisFromWire,
} from '@/lib/messaging.ts';

/** The background's reply, checked: a malformed one rejects with a MessageError (the popup shows an error). */
export async function ask<T extends BackgroundRequest>(message: T): Promise<BackgroundResponses[T['type']]> {
  return checkBackgroundResponse<T['type']>(message.type, await browser.runtime.sendMessage(message));
}

/** The tab's analysis, in full (it crosses in the lean shape). */
export const analyzeTab = async (tabId: number, force?: boolean): Promise<TabAnalysisResponse> =>
  tabAnalysisFromWire(await ask({ type: 'kontext:analyze-tab', tabId, force }));

/** `popup.html?tabId=N` targets tab N (tests, and the reader opening a popup for a tab); else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null) return /^\d+$/.test(param) ? Number(param) : null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export const tabIdPromise = targetTabId();

/** The tab's title, for the popup's first frame (the analysis' own title replaces it); undefined if hidden. */
export const tabTitlePromise: Promise<string | undefined> = tabIdPromise.then((tabId) =>
  tabId === null
    ? undefined
    : browser.tabs.get(tabId).then(
        (tab) => tab.title,
        () => undefined,
      ),
);

let firstAnswer: Promise<TabAnalysisResponse> | undefined;
// Registered before main.tsx's own `then` on the same promise, so the request is out before the render.
void tabIdPromise.then((tabId) => {
  if (tabId !== null && tabFromHash(location.hash) === 'article') {
    mark('kontext:asked');
    firstAnswer = analyzeTab(tabId);
  }
});

/**
 * The early answer, once: a later mount of the article tab asks afresh (the highlight switches may
 * have changed since).
 */
export function takeFirstAnswer(): Promise<TabAnalysisResponse> | undefined {
  const answer = firstAnswer;
  firstAnswer = undefined;
  return answer;
}
