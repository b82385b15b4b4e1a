/**
 * The background's work on tabs (lib/background/orchestrator.ts) against a scripted port: each test
 * decides when the page answers. The cache's session store is the real one (utils/tab-cache.ts) on
 * WXT's fakeBrowser, so a "restarted worker" finds what the previous one stored.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createOrchestrator,
  type SaveOutcome,
  TAB_LIMITS,
  type TabPort,
} from '@/lib/background/orchestrator.ts';
import type { PageExtraction } from '@/lib/extract/page.ts';
import { type ContentPart, type ContentRequest, MessageError } from '@/lib/messaging.ts';
import { LibraryError } from '@/lib/storage/errors.ts';
import type { Analysis, RelatedLink } from '@/lib/types.ts';
import { sessionTabStore } from '@/utils/storage-items.ts';

const TAB = 7;
const URL_A = 'https://example.org/a';
const URL_B = 'https://example.org/b';
const LINK: RelatedLink = {
  url: 'https://example.org/next',
  title: 'Next',
  host: 'example.org',
  source: 'block',
  score: 1,
};

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const extractionOf = (url: string, text: string) =>
  ({
    status: 'ok',
    url,
    title: text,
    text,
    lang: 'en',
    blocks: [],
    relatedCandidates: [],
  }) as unknown as PageExtraction;

/** A scripted tab: its URL, whether the content script is there, and how it answers each request. */
function scriptedPort() {
  const tabs = new Map<number, string>([[TAB, URL_A]]);
  let injected = false;
  /** Pending extracts, in the order they were asked for; tests answer them. */
  const extracts: Array<Deferred<PageExtraction>> = [];
  /** Pending related-link searches, in the order they were asked for; tests answer them. */
  const relatedSearches: Array<Deferred<{ candidates: RelatedLink[]; ms: number }>> = [];
  const shown: Analysis[] = [];
  const outcomes: SaveOutcome[] = [];
  /** The late parts of the content script that are in the page (all, unless a test clears them). */
  const parts = new Set<ContentPart>(['aids', 'sanitize', 'related']);
  const port = {
    tabUrl: vi.fn(async (tabId: number) => {
      if (!tabs.has(tabId)) throw new Error('No tab');
      return tabs.get(tabId);
    }),
    sendToTab: vi.fn((_tabId: number, message: ContentRequest): Promise<never> => {
      const answer = (): unknown => {
        if (!injected) return Promise.reject(new Error('Could not establish connection.'));
        switch (message.type) {
          case 'kontext:extract': {
            const next = deferred<PageExtraction>();
            extracts.push(next);
            return next.promise;
          }
          case 'kontext:related': {
            if (!parts.has('related')) return Promise.resolve({ missing: 'related' });
            const next = deferred<{ candidates: RelatedLink[]; ms: number }>();
            relatedSearches.push(next);
            return next.promise;
          }
          case 'kontext:show':
            if (!parts.has('aids')) return Promise.resolve({ missing: 'aids' });
            shown.push(message.analysis);
            return Promise.resolve({ ok: true });
          case 'kontext:sanitized-content':
            if (!parts.has('sanitize')) return Promise.resolve({ missing: 'sanitize' });
            return Promise.resolve({ html: '<p>clean</p>' });
          default:
            return Promise.resolve({ ok: true });
        }
      };
      return answer() as Promise<never>;
    }),
    injectContentScript: vi.fn(async () => {
      injected = true;
    }),
    injectContentPart: vi.fn(async (_tabId: number, part: ContentPart) => {
      parts.add(part);
    }),
    prepareAnalysis: vi.fn(),
    analyze: vi.fn(
      async (extraction: PageExtraction) =>
        ({
          status: 'ok',
          url: extraction.url,
          title: extraction.text,
          text: extraction.text,
          blocks: [],
          entities: [],
          related: [],
          timings: {},
        }) as unknown as Analysis,
    ),
    // Ranking keeps the page's order; the tests check what reaches whom, not the ranking.
    rankRelated: vi.fn((candidates: RelatedLink[], _analysis: Analysis, timings: Record<string, number>) => {
      timings['related-rank'] = 1;
      return candidates;
    }),
    save: vi.fn(async (_analysis: Analysis, _html: string) => undefined),
    reportSave: vi.fn(async (_tabId: number, outcome: SaveOutcome) => {
      outcomes.push(outcome);
    }),
    store: sessionTabStore,
  } satisfies TabPort;
  return { port, tabs, extracts, relatedSearches, shown, outcomes, parts };
}

/** Lets the orchestrator's awaits run until it waits on the page again. */
const settle = () => vi.waitFor(() => undefined);
async function untilExtracts(extracts: unknown[], n: number) {
  await vi.waitFor(() => expect(extracts).toHaveLength(n));
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useRealTimers();
});

describe('one analysis per tab', () => {
  it('answers concurrent requests for a tab with one job', async () => {
    const { port, extracts } = scriptedPort();
    const tabs = createOrchestrator(port);
    const first = tabs.analyzeTab(TAB);
    const second = tabs.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(a.ok && a.analysis.title).toBe('one');
    expect(port.analyze).toHaveBeenCalledTimes(1);
    expect(port.injectContentScript).toHaveBeenCalledTimes(1);
  });

  it('gives a forced re-analysis asked for while one runs its own job after it', async () => {
    const { port, extracts } = scriptedPort();
    const tabs = createOrchestrator(port);
    const stale = tabs.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    const forced = tabs.analyzeTab(TAB, true);
    // Later requests join the fresh job, not the stale one.
    const later = tabs.analyzeTab(TAB);
    await settle();
    expect(extracts).toHaveLength(1); // never two jobs on one tab at once
    extracts[0]!.resolve(extractionOf(URL_A, 'before'));
    const staleAnswer = await stale;
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_A, 'after'));
    const [forcedAnswer, laterAnswer] = await Promise.all([forced, later]);
    expect(staleAnswer.ok && staleAnswer.analysis.title).toBe('before');
    expect(forcedAnswer.ok && forcedAnswer.analysis.title).toBe('after');
    expect(forcedAnswer.ok && forcedAnswer.cached).toBe(false);
    expect(laterAnswer).toBe(forcedAnswer);
  });

  it('lets a forced request skip the cache', async () => {
    const { port, extracts } = scriptedPort();
    const tabs = createOrchestrator(port);
    const first = tabs.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    await first;
    const forced = tabs.analyzeTab(TAB, true);
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_A, 'two'));
    const answer = await forced;
    expect(answer.ok && !answer.cached && answer.analysis.title).toBe('two');
  });
});

/** A scripted tab analysed once (its related-link search still running), and that first answer. */
async function analysedOnce() {
  const scripted = scriptedPort();
  const orchestrator = createOrchestrator(scripted.port);
  const analysing = orchestrator.analyzeTab(TAB);
  await untilExtracts(scripted.extracts, 1);
  scripted.extracts[0]!.resolve(extractionOf(URL_A, 'one'));
  const answer = await analysing;
  // The session copy and the page's highlights follow the answer (afterReply in the orchestrator).
  await untilStoredAndShown(scripted.shown, 1);
  return { ...scripted, orchestrator, answer };
}

async function untilStoredAndShown(shown: Analysis[], n: number) {
  await vi.waitFor(async () => {
    expect(shown).toHaveLength(n);
    expect(await fakeBrowser.storage.session.get(`tab:${TAB}`)).toHaveProperty(`tab:${TAB}.url`);
  });
}

describe('the tab cache', () => {
  it('answers the same tab at the same URL from the cache, and shows it again', async () => {
    const { orchestrator, port, shown } = await analysedOnce();
    const again = await orchestrator.analyzeTab(TAB);
    expect(again.ok && again.cached).toBe(true);
    expect(again.ok && again.analysis.title).toBe('one');
    expect(port.analyze).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(shown.map((analysis) => analysis.title)).toEqual(['one', 'one']));
  });

  it('analyses again once the tab is at another URL', async () => {
    const { orchestrator, tabs, extracts } = await analysedOnce();
    tabs.set(TAB, URL_B);
    const next = orchestrator.analyzeTab(TAB);
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_B, 'two'));
    const answer = await next;
    expect(answer.ok && !answer.cached && answer.analysis.title).toBe('two');
    expect(answer.ok && answer.analysis.url).toBe(URL_B);
  });

  it('keeps the cache in storage.session, where a restarted worker finds it', async () => {
    const { port } = await analysedOnce();
    const restarted = createOrchestrator(port);
    const answer = await restarted.analyzeTab(TAB);
    expect(answer.ok && answer.cached).toBe(true);
    expect(port.analyze).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.storage.session.get(`tab:${TAB}`)).toHaveProperty(`tab:${TAB}.url`, URL_A);
  });

  it('answers before it writes the session copy and shows the page, then does both', async () => {
    const { port, extracts, shown } = scriptedPort();
    const orchestrator = createOrchestrator(port);
    const analysing = orchestrator.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    const answer = await analysing;
    expect(answer.ok && answer.analysis.title).toBe('one');
    // In the answer's task neither copy of the analysis has been made: both follow in the next task.
    expect(shown).toHaveLength(0);
    expect(port.sendToTab).not.toHaveBeenCalledWith(TAB, expect.objectContaining({ type: 'kontext:show' }));
    // A second popup meanwhile is answered from memory.
    expect(await orchestrator.analyzeTab(TAB)).toMatchObject({ ok: true, cached: true });
    await untilStoredAndShown(shown, 2);
  });

  it('forgets a tab that navigated or closed', async () => {
    const { orchestrator, extracts, shown } = await analysedOnce();
    await orchestrator.forgetTab(TAB);
    const next = orchestrator.analyzeTab(TAB);
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_A, 'reloaded'));
    const answer = await next;
    expect(answer.ok && !answer.cached && answer.analysis.title).toBe('reloaded');
    await untilStoredAndShown(shown, 2);
    expect(await fakeBrowser.storage.session.get(`tab:${TAB}`)).toHaveProperty(
      `tab:${TAB}.analysis.title`,
      'reloaded',
    );
  });
});

describe('time limits and failures', () => {
  it('answers a page that never extracts with a timeout, and frees the tab', async () => {
    vi.useFakeTimers();
    const { port, extracts } = scriptedPort();
    const tabs = createOrchestrator(port);
    const stuck = tabs.analyzeTab(TAB);
    await vi.advanceTimersByTimeAsync(0);
    expect(extracts).toHaveLength(1);
    let settled = false;
    void stuck.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(TAB_LIMITS.extract - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const answer = await stuck;
    expect(answer).toMatchObject({ ok: false, failure: 'timeout' });
    expect(!answer.ok && answer.detail).toMatch(/extract/);
    // The next request starts afresh instead of joining the stuck job.
    const next = tabs.analyzeTab(TAB);
    await vi.advanceTimersByTimeAsync(0);
    expect(extracts).toHaveLength(2);
    extracts[1]!.resolve(extractionOf(URL_A, 'fine'));
    expect(await next).toMatchObject({ ok: true, cached: false });
  });

  it('bounds the whole analysis, model load included', async () => {
    vi.useFakeTimers();
    const { port, extracts } = scriptedPort();
    port.analyze.mockImplementationOnce(() => new Promise<Analysis>(() => undefined));
    const tabs = createOrchestrator(port);
    const stuck = tabs.analyzeTab(TAB);
    // (Not vi.waitFor: under fake timers it moves the clock.)
    await vi.advanceTimersByTimeAsync(0);
    expect(extracts).toHaveLength(1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    await vi.advanceTimersByTimeAsync(TAB_LIMITS.analysis - 1);
    let settled = false;
    void stuck.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await stuck).toMatchObject({
      ok: false,
      failure: 'timeout',
      detail: expect.stringMatching(/analysis/),
    });
  });

  it('injects the content script after an unanswered ping, and times out a stuck injection', async () => {
    vi.useFakeTimers();
    const { port } = scriptedPort();
    port.sendToTab.mockImplementationOnce(() => new Promise<never>(() => undefined));
    port.injectContentScript.mockImplementationOnce(() => new Promise<void>(() => undefined));
    const tabs = createOrchestrator(port);
    const answer = tabs.analyzeTab(TAB);
    await vi.advanceTimersByTimeAsync(TAB_LIMITS.ping);
    expect(port.injectContentScript).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(TAB_LIMITS.inject);
    expect(await answer).toMatchObject({
      ok: false,
      failure: 'timeout',
      detail: expect.stringMatching(/inject/),
    });
  });

  it('says clearly when the browser refuses to script the page', async () => {
    const { port, extracts } = scriptedPort();
    port.injectContentScript.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
    const answer = await createOrchestrator(port).analyzeTab(TAB);
    expect(answer).toEqual({
      ok: false,
      failure: 'restricted',
      detail: 'Error: Cannot access contents of the page.',
    });
    expect(extracts).toHaveLength(0);
  });

  it('reads nothing from a frame that answers the extract with something else', async () => {
    const { port } = scriptedPort();
    port.injectContentScript.mockImplementation(async () => undefined);
    port.sendToTab.mockImplementation((_tabId, message) =>
      message.type === 'kontext:extract'
        ? Promise.reject(new MessageError('kontext:extract', 'malformed reply'))
        : (Promise.resolve({ ok: true }) as Promise<never>),
    );
    const answer = await createOrchestrator(port).analyzeTab(TAB);
    expect(answer).toMatchObject({ ok: false, failure: 'error', detail: expect.stringMatching(/malformed/) });
    expect(port.analyze).not.toHaveBeenCalled();
  });

  it('refuses restricted pages and closed tabs without touching them', async () => {
    const { port, tabs } = scriptedPort();
    tabs.set(TAB, 'https://chromewebstore.google.com/detail/x');
    const orchestrator = createOrchestrator(port);
    expect(await orchestrator.analyzeTab(TAB)).toMatchObject({ ok: false, failure: 'restricted' });
    expect(await orchestrator.analyzeTab(99)).toMatchObject({ ok: false, failure: 'no-tab' });
    expect(port.sendToTab).not.toHaveBeenCalled();
  });
});

describe('saving a tab (context menu, shortcut)', () => {
  async function save(setUp: (scripted: ReturnType<typeof scriptedPort>) => void, text = 'one') {
    const scripted = scriptedPort();
    setUp(scripted);
    const saving = createOrchestrator(scripted.port).saveTab(TAB);
    await untilExtracts(scripted.extracts, 1);
    scripted.extracts[0]!.resolve(extractionOf(URL_A, text));
    await vi.waitFor(() => expect(scripted.relatedSearches).toHaveLength(1));
    scripted.relatedSearches[0]!.resolve({ candidates: [LINK], ms: 3 });
    await saving;
    return scripted;
  }

  it('saves the analysed article, its related links included, with the HTML the content script sanitised', async () => {
    const { port, outcomes } = await save(() => undefined);
    expect(port.save).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'one', related: [LINK] }),
      '<p>clean</p>',
    );
    expect(outcomes).toEqual([{ ok: true }]);
  });

  it('injects the sanitiser only when a save needs it', async () => {
    const { port, outcomes } = await save(({ parts }) => parts.delete('sanitize'));
    expect(port.injectContentPart).toHaveBeenCalledWith(TAB, 'sanitize');
    // The one other part injected is the related-link search, with the freshly injected content script.
    expect(port.injectContentPart.mock.calls.map(([, part]) => part).sort()).toEqual(['related', 'sanitize']);
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ title: 'one' }), '<p>clean</p>');
    expect(outcomes).toEqual([{ ok: true }]);
  });

  it('says so when there is no article', async () => {
    const { port, outcomes } = await save(({ port }) =>
      port.analyze.mockResolvedValueOnce({ status: 'no-article' } as Analysis),
    );
    expect(port.save).not.toHaveBeenCalled();
    expect(outcomes).toEqual([{ ok: false, reason: 'nothing' }]);
  });

  it("passes on the library's reason when saving fails", async () => {
    const { outcomes } = await save(({ port }) =>
      port.save.mockRejectedValueOnce(new LibraryError('quota', { message: 'The disk is full.' })),
    );
    expect(outcomes).toEqual([{ ok: false, reason: 'failed', detail: 'The disk is full.' }]);
  });
});

describe('parts of the content script injected late', () => {
  it('injects the reading aids when a page first shows an analysis, then shows it', async () => {
    const { port, extracts, shown, parts } = scriptedPort();
    parts.delete('aids');
    const analysing = createOrchestrator(port).analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    const result = await analysing;
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(shown.map((analysis) => analysis.title)).toEqual(['one']));
    expect(port.injectContentPart).toHaveBeenCalledWith(TAB, 'aids');
    expect(port.injectContentPart).toHaveBeenCalledTimes(2);
  });

  it('injects the related-link search after the extraction, then asks the page for it', async () => {
    const { port, extracts, parts, relatedSearches } = scriptedPort();
    parts.delete('related');
    const orchestrator = createOrchestrator(port);
    const analysing = orchestrator.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    // The first injection is the extraction only: the search's part is not injected before it replies.
    expect(port.injectContentPart).not.toHaveBeenCalled();
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    expect((await analysing).ok).toBe(true);
    await vi.waitFor(() => expect(relatedSearches).toHaveLength(1));
    expect(port.injectContentPart).toHaveBeenCalledWith(TAB, 'related');
    relatedSearches[0]!.resolve({ candidates: [LINK], ms: 4 });
    expect((await orchestrator.relatedLinks(TAB)).related.map((link) => link.url)).toEqual([LINK.url]);
  });

  it('asks a page whose content script was there already, and injects the search only when it is missing', async () => {
    const { port, extracts, parts, relatedSearches } = scriptedPort();
    await port.injectContentScript();
    const orchestrator = createOrchestrator(port);
    const analysing = orchestrator.analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    expect((await analysing).ok).toBe(true);
    await vi.waitFor(() => expect(relatedSearches).toHaveLength(1));
    expect(port.injectContentScript).toHaveBeenCalledOnce();
    expect(port.injectContentPart).not.toHaveBeenCalledWith(TAB, 'related');
    parts.delete('related');
    const again = orchestrator.analyzeTab(TAB, true);
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_A, 'two'));
    expect((await again).ok).toBe(true);
    await vi.waitFor(() => expect(relatedSearches).toHaveLength(2));
    expect(port.injectContentPart).toHaveBeenCalledExactlyOnceWith(TAB, 'related');
  });

  it('reports the time of each step it took, for the bench', async () => {
    const { port, extracts } = scriptedPort();
    const analysing = createOrchestrator(port).analyzeTab(TAB);
    await untilExtracts(extracts, 1);
    extracts[0]!.resolve(extractionOf(URL_A, 'one'));
    const result = await analysing;
    expect(result.ok && Object.keys(result.steps ?? {}).sort()).toEqual(
      ['analyse', 'cache', 'extract', 'inject', 'ping', 'tab'].sort(),
    );
  });
});

describe('related links, after the names and summary', () => {
  it('answers before the page has searched its links, which it was asked for beside the analysis', async () => {
    const { answer, port, relatedSearches } = await analysedOnce();
    expect(answer).toMatchObject({ ok: true, cached: false, relatedPending: true });
    expect(answer.ok && answer.analysis.related).toEqual([]);
    // The extraction left the links out; the search was asked for once, and is still running.
    expect(port.sendToTab).toHaveBeenCalledWith(TAB, { type: 'kontext:extract' });
    expect(relatedSearches).toHaveLength(1);
  });

  it('gives the ranked links once the page answers, and caches them with the analysis', async () => {
    const { orchestrator, port, relatedSearches } = await analysedOnce();
    let links: Awaited<ReturnType<typeof orchestrator.relatedLinks>> | undefined;
    void orchestrator.relatedLinks(TAB).then((answer) => {
      links = answer;
    });
    await settle();
    expect(links).toBeUndefined();
    relatedSearches[0]!.resolve({ candidates: [LINK], ms: 12 });
    await vi.waitFor(() =>
      expect(links).toEqual({ related: [LINK], timings: { related: 12, 'related-rank': 1 } }),
    );
    expect(port.rankRelated).toHaveBeenCalledTimes(1);
    const again = await orchestrator.analyzeTab(TAB);
    expect(again).toMatchObject({ ok: true, cached: true, relatedPending: false });
    expect(again.ok && again.analysis.related).toEqual([LINK]);
    expect(await orchestrator.relatedLinks(TAB)).toEqual(links);
    expect(relatedSearches).toHaveLength(1);
  });

  it('asks the page again when a restarted worker forgot the search', async () => {
    const { port, relatedSearches } = await analysedOnce();
    const restarted = createOrchestrator(port);
    const cached = await restarted.analyzeTab(TAB);
    expect(cached).toMatchObject({ ok: true, cached: true, relatedPending: true });
    const links = restarted.relatedLinks(TAB);
    await vi.waitFor(() => expect(relatedSearches).toHaveLength(2));
    relatedSearches[1]!.resolve({ candidates: [LINK], ms: 5 });
    expect((await links).related).toEqual([LINK]);
  });

  it('gives no links rather than an error when the page cannot search', async () => {
    const { orchestrator, relatedSearches } = await analysedOnce();
    relatedSearches[0]!.reject(new Error('The page navigated.'));
    expect(await orchestrator.relatedLinks(TAB)).toEqual({ related: [], timings: { 'related-rank': 1 } });
  });

  it('keeps a newer analysis when an older search answers late', async () => {
    const { orchestrator, extracts, relatedSearches } = await analysedOnce();
    const forced = orchestrator.analyzeTab(TAB, true);
    await untilExtracts(extracts, 2);
    extracts[1]!.resolve(extractionOf(URL_A, 'two'));
    await forced;
    relatedSearches[0]!.resolve({ candidates: [LINK], ms: 1 });
    relatedSearches[1]!.resolve({ candidates: [], ms: 1 });
    expect((await orchestrator.relatedLinks(TAB)).related).toEqual([]);
    const cached = await orchestrator.analyzeTab(TAB);
    expect(cached.ok && [cached.analysis.title, cached.analysis.related]).toEqual(['two', []]);
  });

  it('has no links for a tab without an analysis', async () => {
    const { port } = scriptedPort();
    expect(await createOrchestrator(port).relatedLinks(TAB)).toEqual({ related: [], timings: {} });
  });
});
