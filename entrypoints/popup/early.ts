/**
 * The popup's first step, evaluated before the rest of its modules (main.tsx imports it first, for its
 * effect): it takes the analysis request /popup-early.js sent before the bundle loaded
 * (components/popup/early-ask.ts), or, if that script did not run, asks at once itself, so injection and
 * extraction run while the UI's modules evaluate and the popup paints its frame.
 */
import { type EarlyAsk, startEarlyAsk, takeAnswer, takeEarlyAsk } from '@/components/popup/early-ask.ts';
import {
  type BackgroundRequest,
  type BackgroundResponses,
  checkBackgroundResponse,
  type TabAnalysisResponse,
  tabAnalysisFromWire,
} from '@/lib/messaging.ts';
import { browserEarlyAskPorts } from '@/utils/early-ask-ports.ts';

/** The background's reply, checked: a malformed one rejects with a MessageError (the popup shows an error). */
export async function ask<T extends BackgroundRequest>(message: T): Promise<BackgroundResponses[T['type']]> {
  return checkBackgroundResponse<T['type']>(message.type, await browser.runtime.sendMessage(message));
}

/** An analyze-tab reply, checked as `ask` checks, in full (it crosses in the lean shape). */
const analysisFromReply = async (reply: Promise<unknown>): Promise<TabAnalysisResponse> =>
  tabAnalysisFromWire(checkBackgroundResponse('kontext:analyze-tab', await reply));

/** The tab's analysis, in full. */
export const analyzeTab = (tabId: number, force?: boolean): Promise<TabAnalysisResponse> =>
  analysisFromReply(
    browser.runtime.sendMessage({ type: 'kontext:analyze-tab', tabId, force } satisfies BackgroundRequest),
  );

const early: EarlyAsk = takeEarlyAsk() ?? startEarlyAsk(browserEarlyAskPorts(), 'bundle');

/** `popup.html?tabId=N` targets tab N (tests, and the reader opening a popup for a tab); else the active tab. */
export const tabIdPromise = early.tabId;

/** The tab's title, for the popup's first frame (the analysis' own title replaces it); undefined if hidden. */
export const tabTitlePromise: Promise<string | undefined> = tabIdPromise.then((tabId) =>
  tabId === null
    ? undefined
    : browser.tabs.get(tabId).then(
        (tab) => tab.title,
        () => undefined,
      ),
);

/**
 * The early answer, once: a later mount of the article tab asks afresh (the highlight switches may
 * have changed since).
 */
export function takeFirstAnswer(): Promise<TabAnalysisResponse> | undefined {
  const reply = takeAnswer(early);
  return reply && analysisFromReply(reply);
}
