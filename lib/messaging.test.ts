import { describe, expect, it } from 'vitest';
import {
  CARD_LIMITS,
  checkBackgroundResponse,
  checkCardResponse,
  checkContentResponse,
  inboundRequest,
  isBackgroundRequest,
  isCardRequest,
  isContentRequest,
  isPageExtraction,
  MessageError,
  type TabAnalysisResponse,
  tabAnalysisFromWire,
  tabAnalysisToWire,
  unhandled,
} from './messaging.ts';
import type { Analysis, Entity } from './types.ts';

const extraction = {
  url: 'https://example.org/a',
  title: 'A',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  langSource: 'markup',
  markupLang: 'en-GB',
  excerpt: null,
  wordCount: 3,
  readingMinutes: 1,
  status: 'ok',
  message: null,
  blocks: [{ kind: 'paragraph', text: 'One two three', start: 0 }],
  text: 'One two three',
  contentHtml: '<p>One two three</p>',
  relatedCandidates: [
    { url: 'https://example.org/b', title: 'B', host: 'example.org', source: 'list', score: 0 },
  ],
  timings: { extract: 1 },
};

describe('isPageExtraction', () => {
  it('accepts what extractPage returns', () => {
    expect(isPageExtraction(extraction)).toBe(true);
  });

  it('refuses what a crashed or replaced frame answers', () => {
    expect(isPageExtraction(undefined)).toBe(false);
    expect(isPageExtraction(null)).toBe(false);
    expect(isPageExtraction({ ok: true })).toBe(false);
    expect(isPageExtraction({ ...extraction, status: 'great' })).toBe(false);
    expect(isPageExtraction({ ...extraction, text: 42 })).toBe(false);
    expect(isPageExtraction({ ...extraction, blocks: [{ text: 'x' }] })).toBe(false);
    expect(isPageExtraction({ ...extraction, relatedCandidates: [null] })).toBe(false);
    expect(isPageExtraction({ ...extraction, wordCount: -1 })).toBe(false);
  });
});

const analysis = {
  status: 'ok',
  url: 'https://example.org/a',
  title: 'A',
  text: 'One two three',
  contentHtml: '<p>One two three</p>',
  entities: [],
  quotes: [],
  summary: [],
  blocks: [],
  related: [],
  support: { names: true },
};

describe('request guards', () => {
  it('accept the requests the extension sends', () => {
    expect(isBackgroundRequest({ type: 'kontext:analyze-tab', tabId: 3 })).toBe(true);
    expect(isBackgroundRequest({ type: 'kontext:analyze-tab', tabId: 3, force: true })).toBe(true);
    expect(isBackgroundRequest({ type: 'kontext:set-highlight-kinds', tabId: 0, kinds: ['person'] })).toBe(
      true,
    );
    expect(isContentRequest({ type: 'kontext:show', analysis, kinds: ['speech', 'place'] })).toBe(true);
    expect(isCardRequest({ type: 'kontext:open-list' })).toBe(true);
    expect(
      isCardRequest({ type: 'kontext:card-wikipedia', name: 'Ada', kind: 'person', lang: 'de', context: '' }),
    ).toBe(true);
  });

  it('refuse unknown types, bad ids, unknown kinds and unbounded strings', () => {
    expect(isBackgroundRequest({ type: 'kontext:analyze-tab', tabId: -1 })).toBe(false);
    expect(isBackgroundRequest({ type: 'kontext:analyze-tab', tabId: 1.5 })).toBe(false);
    expect(isBackgroundRequest({ type: 'kontext:analyze-tab', tabId: 1, force: 'yes' })).toBe(false);
    expect(isBackgroundRequest({ type: 'kontext:set-highlight-kinds', tabId: 1, kinds: ['fish'] })).toBe(
      false,
    );
    expect(isBackgroundRequest({ type: 'kontext:ping' })).toBe(false);
    expect(isContentRequest({ type: 'kontext:show', analysis: { status: 'ok' }, kinds: [] })).toBe(false);
    expect(isCardRequest({ type: 'kontext:card-saved', name: '', url: '' })).toBe(false);
    expect(
      isCardRequest({ type: 'kontext:card-saved', name: 'x'.repeat(CARD_LIMITS.name + 1), url: '' }),
    ).toBe(false);
    expect(
      isCardRequest({ type: 'kontext:card-wikipedia', name: 'Ada', kind: 'speech', lang: 'de', context: '' }),
    ).toBe(false);
    expect(isCardRequest(null)).toBe(false);
    expect(isCardRequest('kontext:wikipedia-off')).toBe(false);
  });
});

describe('reply checkers', () => {
  it('pass well-formed replies through', () => {
    const ok = {
      ok: true,
      analysis: { ...analysis, sentences: [] },
      cached: false,
      highlightKinds: ['person'],
    };
    expect(checkBackgroundResponse('kontext:analyze-tab', ok)).toEqual(ok);
    const links = { related: extraction.relatedCandidates, timings: { related: 2 } };
    expect(checkBackgroundResponse('kontext:related-links', links)).toEqual(links);
    const found = { candidates: extraction.relatedCandidates, ms: 2 };
    expect(checkContentResponse('kontext:related', found)).toEqual(found);
    expect(checkBackgroundResponse('kontext:sanitized-content', null)).toBeNull();
    expect(checkContentResponse('kontext:extract', extraction)).toEqual(extraction);
    expect(checkContentResponse('kontext:ping', { ok: true })).toEqual({ ok: true });
    expect(
      checkCardResponse('kontext:card-saved', { total: 1, articles: [{ id: 'a', title: 'A' }] }),
    ).toEqual({ total: 1, articles: [{ id: 'a', title: 'A' }] });
    expect(checkCardResponse('kontext:card-wikipedia', { state: 'off' })).toEqual({ state: 'off' });
  });

  it('throw a MessageError naming the request for malformed replies', () => {
    expect(() => checkContentResponse('kontext:extract', undefined)).toThrow(MessageError);
    expect(() => checkContentResponse('kontext:extract', { ok: true })).toThrow(/kontext:extract/);
    expect(() => checkContentResponse('kontext:ping', undefined)).toThrow(MessageError);
    expect(() =>
      checkBackgroundResponse('kontext:analyze-tab', {
        ok: true,
        analysis: {},
        cached: false,
        highlightKinds: [],
      }),
    ).toThrow(MessageError);
    expect(() => checkBackgroundResponse('kontext:sanitized-content', { html: 3 })).toThrow(MessageError);
    // A full Analysis is not what crosses: the popup gets the lean shape.
    expect(() =>
      checkBackgroundResponse('kontext:analyze-tab', {
        ok: true,
        analysis,
        cached: false,
        highlightKinds: [],
      }),
    ).toThrow(/lean/);
    expect(() =>
      checkBackgroundResponse('kontext:related-links', { related: [{ url: 1 }], timings: {} }),
    ).toThrow(MessageError);
    expect(() => checkContentResponse('kontext:related', { candidates: [], ms: 'x' })).toThrow(MessageError);
    expect(() => checkCardResponse('kontext:card-wikipedia', { state: 'maybe' })).toThrow(MessageError);
    expect(() => checkCardResponse('kontext:card-saved', { total: -1, articles: [] })).toThrow(MessageError);
  });

  it("maps a failure this version does not know (the dropped 'frame') to 'error'", () => {
    expect(
      checkBackgroundResponse('kontext:analyze-tab', { ok: false, failure: 'frame', detail: 'gone' }),
    ).toEqual({ ok: false, failure: 'error', detail: 'gone' });
    expect(
      checkBackgroundResponse('kontext:analyze-tab', { ok: false, failure: 'timeout', detail: 'slow' }),
    ).toEqual({ ok: false, failure: 'timeout', detail: 'slow' });
  });
});

describe('unhandled', () => {
  it('throws for a case a switch did not cover', () => {
    expect(() => unhandled('surprise' as never)).toThrow(MessageError);
  });
});

describe('inboundRequest', () => {
  const self = { id: 'kontext-id', pagesOrigin: 'chrome-extension://kontext-id/' };
  const popup = { id: 'kontext-id', url: 'chrome-extension://kontext-id/popup.html' };
  const contentScript = { id: 'kontext-id', url: 'https://evil.example/page' };
  const analyze = { type: 'kontext:analyze-tab', tabId: 1 };
  const card = { type: 'kontext:card-saved', name: 'Ada', url: 'https://evil.example/page' };

  it('hears background requests only from our own extension pages', () => {
    expect(inboundRequest(analyze, popup, self)).toEqual({ from: 'page', request: analyze });
    expect(inboundRequest(analyze, contentScript, self)).toBeNull();
    expect(inboundRequest(analyze, { id: 'kontext-id' }, self)).toBeNull();
  });

  it('hears card requests from our content script and pages, nothing from other extensions', () => {
    expect(inboundRequest(card, contentScript, self)).toEqual({ from: 'card', request: card });
    expect(inboundRequest(card, popup, self)).toEqual({ from: 'card', request: card });
    expect(inboundRequest(card, { id: 'other', url: popup.url }, self)).toBeNull();
    expect(inboundRequest(analyze, { id: 'other', url: popup.url }, self)).toBeNull();
  });

  it('ignores malformed messages from anyone', () => {
    expect(inboundRequest({ type: 'kontext:analyze-tab', tabId: 'all' }, popup, self)).toBeNull();
    expect(inboundRequest({ type: 'kontext:card-saved', name: 'Ada' }, contentScript, self)).toBeNull();
    expect(inboundRequest(undefined, popup, self)).toBeNull();
  });
});

describe('the analysis on the wire to the popup', () => {
  const sentence = 'Anna Berger besuchte Lindau.';
  const entity = (name: string): Entity => ({
    id: `person:${name}`,
    name,
    kind: 'person',
    count: 1,
    aliases: [],
    firstSentence: sentence,
    sentences: [sentence, sentence],
    mentions: [{ start: 0, end: name.length, text: name }],
  });
  const full = {
    ...analysis,
    paragraphs: ['One two three'],
    blocks: [{ kind: 'paragraph', text: 'One two three', start: 0 }],
    entities: [entity('Anna Berger'), entity('Lindau')],
  } as unknown as Analysis;
  const response: TabAnalysisResponse = { ok: true, analysis: full, cached: false, highlightKinds: [] };

  it('crosses lean (each sentence once, no paragraphs) and comes back whole', () => {
    const wire = tabAnalysisToWire(response);
    expect(wire.ok && wire.analysis.sentences).toEqual([sentence]);
    expect(wire.ok && 'paragraphs' in wire.analysis).toBe(false);
    const checked = checkBackgroundResponse('kontext:analyze-tab', JSON.parse(JSON.stringify(wire)));
    expect(tabAnalysisFromWire(checked)).toEqual(response);
  });

  it('passes failures through unchanged', () => {
    const failed: TabAnalysisResponse = { ok: false, failure: 'timeout', detail: 'slow' };
    expect(tabAnalysisFromWire(tabAnalysisToWire(failed))).toEqual(failed);
  });

  it('refuses an entity citing a sentence the answer does not hold', () => {
    const wire = tabAnalysisToWire(response);
    if (!wire.ok) throw new Error('expected an analysis');
    expect(() => tabAnalysisFromWire({ ...wire, analysis: { ...wire.analysis, sentences: [] } })).toThrow(
      RangeError,
    );
  });
});
