/**
 * The background's work on tabs, without the browser: analysing a tab (inject, extract, analyse, show),
 * one analysis per tab at a time, the per-tab cache, the time limits, and saving a tab's article from the
 * context menu or the shortcut. Everything that touches the browser comes in through a TabPort
 * (utils/background-port.ts binds it to browser.*; tests pass a fake), as PopupApi does for the popup.
 */
import { DeadlineError, singleFlight, withDeadline } from '../deadline.ts';
import type { PageExtraction } from '../extract/page.ts';
import {
  type BackgroundResponses,
  type ContentPart,
  type ContentRequest,
  type ContentResponses,
  isMissingPart,
  isRestrictedUrl,
  type TabAnalysisResponse,
} from '../messaging.ts';
import { LibraryError } from '../storage/errors.ts';
import { timedAsync } from '../timing.ts';
import { type Analysis, HIGHLIGHT_KINDS, type HighlightKind, type RelatedLink } from '../types.ts';

/** What the cache keeps for a tab: the analysis of the page at `url`, and the kinds shown. */
export interface TabEntry {
  url: string;
  analysis: Analysis;
  kinds: HighlightKind[];
  /** The page's related links are still being searched and ranked (absent in entries stored before). */
  relatedPending?: boolean;
}

export type RelatedAnswer = BackgroundResponses['kontext:related-links'];

/** Where the cache survives a stopped worker (storage.session in the extension). Never throws. */
export interface TabStore {
  get(tabId: number): Promise<TabEntry | undefined>;
  set(tabId: number, entry: TabEntry): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export type SaveOutcome =
  | { ok: true }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'failed'; detail: string };

export interface TabPort {
  /** The tab's URL (undefined when the extension may not see it); rejects when there is no such tab. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Sends to the tab's top frame; resolves to the checked reply (checkContentResponse). */
  sendToTab<T extends ContentRequest>(tabId: number, message: T): Promise<ContentResponses[T['type']]>;
  /** Injects the content script into the tab's top frame. */
  injectContentScript(tabId: number): Promise<void>;
  /** Injects a late part of the content script (reading aids, sanitiser; utils/content-parts.ts). */
  injectContentPart(tabId: number, part: ContentPart): Promise<void>;
  /** Set-up the analysis can do while the page extracts (the sentence splitter, the NER models). */
  prepareAnalysis(): void;
  /** The text half of the pipeline (analyzeExtracted with the shipped models). */
  analyze(extraction: PageExtraction): Promise<Analysis>;
  /** Ranks the page's related-link candidates found after the analysis (rankLateRelated); adds its ms. */
  rankRelated(candidates: RelatedLink[], analysis: Analysis, timings: Record<string, number>): RelatedLink[];
  /** Saves the analysed article with its sanitised HTML; rejects with a LibraryError when it cannot. */
  save(analysis: Analysis, html: string): Promise<void>;
  /** Shows a save's outcome on the tab (badge and title). Never throws. */
  reportSave(tabId: number, outcome: SaveOutcome): Promise<void>;
  store: TabStore;
}

/**
 * Every wait on a tab is bounded: the browser leaves these promises pending forever on a tab that never
 * finishes loading or that it will not script (view-source:), and the popup must answer with a reason.
 * A content script that is there answers a ping at once; injecting takes well under a second on a
 * loaded page; extraction is bounded by the page-size limits in lib/extract, this only catches a stuck page.
 * `analysis` bounds the whole, cache and model load included; beyond it the tab is answered and freed.
 */
export const TAB_LIMITS = {
  ping: 1_000,
  inject: 4_000,
  extract: 20_000,
  show: 5_000,
  analysis: 30_000,
} as const;

export type TabLimits = { [K in keyof typeof TAB_LIMITS]: number };

export interface Orchestrator {
  /** One analysis per tab at a time; `force` skips the cache and never takes an older job's answer. */
  analyzeTab(tabId: number, force?: boolean): Promise<TabAnalysisResponse>;
  setHighlightKinds(
    tabId: number,
    kinds: HighlightKind[],
  ): Promise<BackgroundResponses['kontext:set-highlight-kinds']>;
  sanitizedContent(tabId: number): Promise<BackgroundResponses['kontext:sanitized-content']>;
  /**
   * The tab's related links, once the page has searched them and the background ranked them (an answer
   * with `relatedPending` asks for these); none when the tab has no analysis.
   */
  relatedLinks(tabId: number): Promise<RelatedAnswer>;
  /** Saves the tab's article (context menu, shortcut); the outcome goes to port.reportSave. */
  saveTab(tabId: number): Promise<void>;
  /** The tab navigated, reloaded or closed: its cached analysis is stale. */
  forgetTab(tabId: number): Promise<void>;
}

/**
 * Runs `work` in a task after this one: the popup's answer (resolved in this task) is serialised and
 * sent first. Caching the analysis to storage.session and sending it to the page each copy the whole
 * analysis, and on the answer's path they held it up.
 */
const afterReply = (work: () => void): void => {
  setTimeout(work, 0);
};

type Failure = TabAnalysisResponse & { ok: false };
const failure = (kind: Failure['failure'], detail: string): Failure => ({ ok: false, failure: kind, detail });
const timeoutFailure = (error: DeadlineError): Failure => failure('timeout', error.message);

export function createOrchestrator(port: TabPort, limits: TabLimits = TAB_LIMITS): Orchestrator {
  /** In front of port.store: a running worker answers a reopened popup from memory. */
  const memory = new Map<number, TabEntry>();

  const cache = {
    /** `stored`: the session copy, when its read was started earlier (beside other requests). */
    async get(
      tabId: number,
      url: string | undefined,
      stored?: Promise<TabEntry | undefined>,
    ): Promise<TabEntry | undefined> {
      const entry = memory.get(tabId) ?? (await (stored ?? port.store.get(tabId)));
      // Without a URL (no access to the tab's URL) only tab events invalidate; with one, it must match.
      if (!entry || (url && entry.url !== url)) return undefined;
      memory.set(tabId, entry);
      return entry;
    },
    async set(tabId: number, entry: TabEntry): Promise<void> {
      memory.set(tabId, entry);
      await port.store.set(tabId, entry);
    },
    async remove(tabId: number): Promise<void> {
      memory.delete(tabId);
      await port.store.remove(tabId);
    },
  };

  /**
   * After the answer has left: the session copy of the tab's entry, and its highlights in the page, unless
   * the tab moved on meanwhile (forgotten: navigated or closed). The entry is read then, so the related
   * links or highlight switches that came in between are kept.
   */
  function storeAndShow(tabId: number, url: string): void {
    afterReply(() => {
      const current = memory.get(tabId);
      if (!current || current.analysis.url !== url) return;
      void port.store.set(tabId, current);
      void showInTab(tabId, current.analysis, current.kinds).catch(() => undefined);
    });
  }

  /**
   * Per tab, the related links of its latest analysis: the page searches them while the background
   * analyses, and the popup, which shows names and summary first, asks for them after.
   */
  const relatedJobs = new Map<number, Promise<RelatedAnswer>>();

  const send = <T extends ContentRequest>(step: string, ms: number, tabId: number, message: T) =>
    withDeadline(step, ms, port.sendToTab(tabId, message));

  /**
   * Sends a request that needs a late part of the content script (reading aids, sanitiser): when the
   * content script answers that the part is missing, injects it and asks once more.
   */
  async function sendNeedingPart<T extends ContentRequest>(
    tabId: number,
    message: T,
  ): Promise<Exclude<ContentResponses[T['type']], { missing: ContentPart }>> {
    type Answer = Exclude<ContentResponses[T['type']], { missing: ContentPart }>;
    const answer = await port.sendToTab(tabId, message);
    if (!isMissingPart(answer)) return answer as Answer;
    await port.injectContentPart(tabId, answer.missing);
    const again = await port.sendToTab(tabId, message);
    if (isMissingPart(again)) throw new Error(`The ${again.missing} part did not load.`);
    return again as Answer;
  }

  /** Whether Kontext's content script is in the tab already (it answers a ping at once). */
  const contentScriptAnswers = (tabId: number): Promise<boolean> =>
    send('ping', limits.ping, tabId, { type: 'kontext:ping' }).then(
      () => true,
      () => false,
    );

  /**
   * Injects the content script unless it already answers (the popup may open many times on one page);
   * true when it injected. `pinged` is the ping, asked beside the cache look-up.
   */
  async function ensureContentScript(
    tabId: number,
    steps: Record<string, number>,
    pinged: Promise<boolean>,
  ): Promise<boolean> {
    if (await timedAsync(steps, 'ping', () => pinged)) return false;
    await timedAsync(steps, 'inject', () =>
      withDeadline('inject', limits.inject, port.injectContentScript(tabId)),
    );
    return true;
  }

  async function showInTab(tabId: number, analysis: Analysis, kinds: HighlightKind[]): Promise<void> {
    if (analysis.status !== 'ok') return;
    await withDeadline(
      'show',
      limits.show,
      sendNeedingPart(tabId, { type: 'kontext:show', analysis, kinds }),
    );
  }

  /**
   * Ranks the candidates the page answers (none when it cannot: gone, navigated, too slow) and fills the
   * cached entry, unless a newer analysis replaced it meanwhile.
   */
  async function finishRelated(
    tabId: number,
    analysis: Analysis,
    candidates: Promise<Exclude<ContentResponses['kontext:related'], { missing: ContentPart }>>,
  ): Promise<RelatedAnswer> {
    const timings: Record<string, number> = {};
    let found: RelatedLink[] = [];
    try {
      const reply = await candidates;
      found = reply.candidates;
      timings.related = reply.ms;
    } catch {
      // No related reading rather than an error: names, quotes and summary are on screen already.
    }
    const related = port.rankRelated(found, analysis, timings);
    const current = memory.get(tabId);
    if (current?.analysis === analysis) {
      const filled = { ...analysis, related, timings: { ...analysis.timings, ...timings } };
      void cache.set(tabId, { ...current, analysis: filled, relatedPending: false });
    }
    return { related, timings };
  }

  /**
   * The page's search, from a part of the content script (utils/content-parts.ts) injected on the first
   * ask; `fresh`: the content script was just injected, so the part is injected at once, without the ask
   * that would answer it missing.
   */
  const askRelated = (tabId: number, fresh = false) =>
    withDeadline(
      'related',
      limits.extract,
      (fresh ? port.injectContentPart(tabId, 'related') : Promise.resolve()).then(() =>
        sendNeedingPart(tabId, { type: 'kontext:related' }),
      ),
    );

  async function relatedLinks(tabId: number): Promise<RelatedAnswer> {
    const job = relatedJobs.get(tabId);
    if (job) return job;
    const entry = memory.get(tabId) ?? (await port.store.get(tabId));
    if (entry?.analysis.status !== 'ok') return { related: [], timings: {} };
    if (!entry.relatedPending) return { related: entry.analysis.related, timings: {} };
    // A stopped worker forgot the search it had asked for: the page (it keeps its extraction) is asked again.
    memory.set(tabId, entry);
    const again = finishRelated(tabId, entry.analysis, askRelated(tabId));
    relatedJobs.set(tabId, again);
    return again;
  }

  async function runAnalysis(tabId: number, force: boolean): Promise<TabAnalysisResponse> {
    const steps: Record<string, number> = {};
    // The tab's URL and the session copy of the cache are asked at once. The page itself is not asked
    // anything (not even a ping) before its URL shows that it may be scripted.
    const stored = force || memory.has(tabId) ? undefined : port.store.get(tabId);
    let url: string | undefined;
    try {
      url = await timedAsync(steps, 'tab', () => port.tabUrl(tabId));
    } catch {
      return failure('no-tab', `No tab with id ${tabId}.`);
    }
    if (isRestrictedUrl(url)) return failure('restricted', `Extensions may not read ${url}.`);
    // Whether the content script is there, asked beside the cache look-up.
    const pinged = contentScriptAnswers(tabId);
    const cached = force ? undefined : await timedAsync(steps, 'cache', () => cache.get(tabId, url, stored));
    if (cached) {
      // The page may have been reloaded without a navigation event we saw; re-show is cheap and idempotent.
      // The popup does not wait for the page's highlights: it is answered first.
      afterReply(() => void showInTab(tabId, cached.analysis, cached.kinds).catch(() => cache.remove(tabId)));
      return {
        ok: true,
        analysis: cached.analysis,
        cached: true,
        highlightKinds: cached.kinds,
        steps,
        relatedPending: cached.relatedPending ?? false,
      };
    }
    relatedJobs.delete(tabId);

    let injected: boolean;
    try {
      injected = await ensureContentScript(tabId, steps, pinged);
    } catch (error) {
      if (error instanceof DeadlineError) return timeoutFailure(error);
      // The browser refused to script the page (a store, an error page, a frame it keeps to itself).
      return failure('restricted', String(error));
    }
    let extraction: PageExtraction;
    try {
      const extracting = timedAsync(steps, 'extract', () =>
        send('extract', limits.extract, tabId, { type: 'kontext:extract' }),
      );
      // The page extracts in its own process meanwhile: a new worker's set-up fits there.
      port.prepareAnalysis();
      extraction = await extracting;
    } catch (error) {
      if (error instanceof DeadlineError) return timeoutFailure(error);
      // A frame that crashed or navigated answers undefined (a MessageError): nothing else is read.
      return failure('error', String(error));
    }
    // The page searches its related links while the background analyses; the popup gets them later.
    const relatedPending = extraction.status === 'ok';
    const candidates = relatedPending ? askRelated(tabId, injected) : null;
    candidates?.catch(() => undefined);
    try {
      const analysis = await timedAsync(steps, 'analyse', () => port.analyze(extraction));
      const kinds = [...HIGHLIGHT_KINDS];
      // The in-memory entry is set at once (a second popup finds it); the session copy and the page's
      // highlights wait until the popup's answer has left (afterReply).
      memory.set(tabId, { url: url ?? extraction.url, analysis, kinds, relatedPending });
      if (candidates) relatedJobs.set(tabId, finishRelated(tabId, analysis, candidates));
      storeAndShow(tabId, analysis.url);
      return { ok: true, analysis, cached: false, highlightKinds: kinds, steps, relatedPending };
    } catch (error) {
      console.error('Kontext: analysis failed', error);
      return failure('error', String(error));
    }
  }

  /**
   * The context menu and the popup it opens ask at once. A stuck analysis is answered with a timeout
   * and its tab freed, so the next click starts afresh.
   */
  const inFlight = singleFlight<number, TabAnalysisResponse>('analysis', limits.analysis, timeoutFailure);

  const analyzeTab = (tabId: number, force = false) =>
    inFlight.run(tabId, () => runAnalysis(tabId, force), force);

  async function sanitizedContent(tabId: number): Promise<BackgroundResponses['kontext:sanitized-content']> {
    try {
      return await withDeadline(
        'sanitized-content',
        limits.show,
        sendNeedingPart(tabId, { type: 'kontext:sanitized-content' }),
      );
    } catch {
      return null;
    }
  }

  return {
    analyzeTab,
    sanitizedContent,
    relatedLinks,
    async setHighlightKinds(tabId, kinds) {
      const entry = memory.get(tabId) ?? (await port.store.get(tabId));
      if (entry) await cache.set(tabId, { ...entry, kinds });
      try {
        await withDeadline(
          'set-kinds',
          limits.show,
          sendNeedingPart(tabId, { type: 'kontext:set-kinds', kinds }),
        );
        return { ok: true };
      } catch {
        return { ok: false };
      }
    },
    async saveTab(tabId) {
      const result = await analyzeTab(tabId);
      if (!result.ok || result.analysis.status !== 'ok') {
        await port.reportSave(tabId, { ok: false, reason: 'nothing' });
        return;
      }
      const analysis = result.relatedPending
        ? { ...result.analysis, related: (await relatedLinks(tabId)).related }
        : result.analysis;
      // The worker has no DOM for DOMPurify; the content script sanitises the article it extracted.
      const content = await sanitizedContent(tabId);
      try {
        await port.save(analysis, content?.html ?? '');
        await port.reportSave(tabId, { ok: true });
      } catch (error) {
        const detail = error instanceof LibraryError ? error.message : String(error);
        await port.reportSave(tabId, { ok: false, reason: 'failed', detail });
      }
    },
    forgetTab: (tabId) => {
      relatedJobs.delete(tabId);
      return cache.remove(tabId);
    },
  };
}
