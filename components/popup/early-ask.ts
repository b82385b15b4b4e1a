/**
 * The popup's analysis request, sent before its UI bundle loads (issue 16), and its hand-over.
 *
 * popup.html runs a small classic script first (entrypoints/popup-early.ts → /popup-early.js): it finds
 * the tab, asks the background for the tab's analysis and leaves the pending request on
 * `globalThis.__kontextPopupEarlyAsk`. The popup's module bundle (Preact, the saved list…) is fetched and
 * compiled meanwhile; entrypoints/popup/early.ts then takes the request from there, once, and checks the
 * reply. If the early script did not run (an older popup.html, a test page), early.ts asks itself with the
 * same function. Nothing else reads or writes that global.
 *
 * No browser API here: the caller passes the ports (utils/early-ask-ports.ts in the extension).
 */
import type { BackgroundRequest } from '@/lib/messaging.ts';
import { mark } from './marks.ts';
import { tabFromHash } from './popup-tab.ts';

/** What the early request needs from the browser and the popup's address. */
export interface EarlyAskPorts {
  /** The popup's `location.search`: `?tabId=N` targets tab N (tests, the reader); else the active tab. */
  search: string;
  /** The popup's `location.hash`: the analysis is asked for only when the article tab opens first. */
  hash: string;
  activeTabId(): Promise<number | null>;
  /** Sends a request to the background; resolves with its reply, unchecked. */
  sendMessage(message: BackgroundRequest): Promise<unknown>;
}

/** A started request: the tab, and the background's raw reply once asked for (unchecked; see early.ts). */
export interface EarlyAsk {
  readonly tabId: Promise<number | null>;
  /**
   * Set when `tabId` resolves, in a `then` registered before any other, so a reader that waits for
   * `tabId` finds it there; undefined if nothing was asked (no tab, or the saved tab opens first).
   */
  answer?: Promise<unknown>;
}

async function targetTabId(ports: EarlyAskPorts): Promise<number | null> {
  const param = new URLSearchParams(ports.search).get('tabId');
  if (param !== null) return /^\d+$/.test(param) ? Number(param) : null;
  return ports.activeTabId();
}

/** Who sent the request: the early script, or the bundle itself when that did not run. */
export type EarlyAskSender = 'popup-early.js' | 'bundle';

/**
 * Finds the tab and asks for its analysis; marks `kontext:asked` when the request leaves, with the
 * sender as its detail (`{ by }`: the end-to-end test checks the early script did it).
 */
export function startEarlyAsk(ports: EarlyAskPorts, by: EarlyAskSender): EarlyAsk {
  const ask: EarlyAsk = { tabId: targetTabId(ports) };
  void ask.tabId.then(
    (tabId) => {
      if (tabId === null || tabFromHash(ports.hash) !== 'article') return;
      mark('kontext:asked', { by });
      const request: BackgroundRequest = { type: 'kontext:analyze-tab', tabId };
      const answer = ports.sendMessage(request);
      // A failure is the reader's to report (takeAnswer); until it is taken it is not an unhandled one.
      answer.catch(() => undefined);
      ask.answer = answer;
    },
    // The tab's failure reaches whoever awaits `tabId`.
    () => undefined,
  );
  return ask;
}

/** The pending reply, once: a later mount of the article tab asks afresh (the highlight switches may have changed). */
export function takeAnswer(ask: EarlyAsk): Promise<unknown> | undefined {
  const answer = ask.answer;
  ask.answer = undefined;
  return answer;
}

declare global {
  /** The popup's early request, between /popup-early.js and the popup's bundle (see this module). */
  var __kontextPopupEarlyAsk: EarlyAsk | undefined;
}

/** Leaves the started request for the popup's bundle (the early script's only effect). */
export function leaveEarlyAsk(ask: EarlyAsk): void {
  globalThis.__kontextPopupEarlyAsk = ask;
}

/** The request the early script left, once; undefined if it did not run. */
export function takeEarlyAsk(): EarlyAsk | undefined {
  const ask = globalThis.__kontextPopupEarlyAsk;
  globalThis.__kontextPopupEarlyAsk = undefined;
  return ask;
}
