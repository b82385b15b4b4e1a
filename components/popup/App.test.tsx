// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PAINTED_SPANS } from '../../lib/highlight/cap.ts';
import { languageSupport } from '../../lib/language-support.ts';
import type { TabAnalysisResponse } from '../../lib/messaging.ts';
import type { Analysis } from '../../lib/types.ts';
import { createTranslator, type UiLanguage } from '../i18n.ts';
import { App } from './App.tsx';
import type { PopupApi } from './api.ts';

const text = 'Anna Berger besuchte Lindau. „Das Netz ist alt“, sagte Anna Berger.';
const analysis: Analysis = {
  status: 'ok',
  message: null,
  url: 'http://127.0.0.1/a',
  title: 'Netz in Lindau',
  byline: 'Max Muster',
  siteName: 'Weltblick',
  publishedTime: null,
  lang: 'de',
  langSource: 'markup',
  excerpt: null,
  wordCount: 11,
  readingMinutes: 1,
  text,
  paragraphs: [text],
  blocks: [{ kind: 'paragraph', text, start: 0 }],
  contentHtml: `<p>${text}</p>`,
  entities: [
    {
      id: 'person:anna berger',
      name: 'Anna Berger',
      kind: 'person',
      count: 2,
      aliases: [],
      firstSentence: 'Anna Berger besuchte Lindau.',
      sentences: [],
      mentions: [],
    },
    {
      id: 'place:lindau',
      name: 'Lindau',
      kind: 'place',
      count: 1,
      aliases: [],
      firstSentence: 'Anna Berger besuchte Lindau.',
      sentences: [],
      mentions: [],
    },
  ],
  quotes: [
    {
      id: 'q1',
      text: 'Das Netz ist alt',
      kind: 'speech',
      start: 30,
      end: 46,
      speaker: 'Anna Berger',
      speakerEntityId: 'person:anna berger',
    },
  ],
  summary: [{ text: 'Anna Berger besuchte Lindau.', start: 0, end: 28 }],
  related: [
    {
      url: 'https://example.org/x',
      title: 'Mehr über Lindau',
      host: 'example.org',
      source: 'block',
      score: 1,
    },
  ],
  support: languageSupport('de'),
  timings: {},
};

/** A saved article that shares a name with `analysis`. */
const savedAboutLindau = {
  id: 's1',
  url: 'https://example.org/old',
  title: 'Lindau plant',
  entities: [],
  score: 2,
  shared: ['Lindau'],
};

function fakeApi(response: TabAnalysisResponse | Promise<TabAnalysisResponse>): PopupApi {
  return {
    analyzeTab: vi.fn(async () => response),
    relatedLinks: vi.fn(async () => ({ related: [], timings: {} })),
    setHighlightKinds: vi.fn(async () => undefined),
    findSaved: vi.fn(async () => undefined),
    save: vi.fn(async () => ({ id: 'saved-1' })),
    unsave: vi.fn(async () => undefined),
    savedRelated: vi.fn(async () => []),
    readerHref: (id: string) => `reader.html?id=${id}`,
  };
}

let root: HTMLElement;
async function mount(
  api: PopupApi,
  tabId: number | null = 7,
  lang: UiLanguage = 'en',
  firstAnswer?: Promise<TabAnalysisResponse>,
) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      <App api={api} tabId={tabId} lang={lang} t={createTranslator(lang)} firstAnswer={firstAnswer} />,
      root,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
const byTestId = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup App', () => {
  it('shows title, summary, entities by kind, quotes with speakers and related links', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: ['person', 'place'] });
    await mount(api);
    expect(api.analyzeTab).toHaveBeenCalledWith(7, false);
    expect(root.querySelector('h1')?.textContent).toBe('Netz in Lindau');
    expect(byTestId('summary')[0]?.textContent).toContain('Anna Berger besuchte Lindau.');
    expect(byTestId('entity').map((e) => [e.dataset.kind, e.querySelector('.name')?.textContent])).toEqual([
      ['person', 'Anna Berger'],
      ['place', 'Lindau'],
    ]);
    expect(byTestId('quote')[0]?.dataset.speaker).toBe('Anna Berger');
    const link = byTestId('related-link')[0] as HTMLAnchorElement;
    expect(link.href).toBe('https://example.org/x');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it('lists possible names apart, collapsed, and not among the names by kind', async () => {
    const radon = {
      ...analysis.entities[1]!,
      id: 'person:radon',
      name: 'Radon',
      kind: 'person' as const,
      possible: true,
    };
    const api = fakeApi({
      ok: true,
      analysis: { ...analysis, entities: [...analysis.entities, radon] },
      cached: false,
      highlightKinds: [],
    });
    await mount(api);
    const details = byTestId('possible-names')[0] as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toContain('Possible names');
    expect([...details.querySelectorAll('.name')].map((n) => n.textContent)).toEqual(['Radon']);
    const sure = byTestId('entity').filter((e) => !details.contains(e));
    expect(sure.map((e) => e.querySelector('.name')?.textContent)).toEqual(['Anna Berger', 'Lindau']);
  });

  it.each([
    ['en', 'speaker unclear'],
    ['de', 'Sprecher unklar'],
  ] as const)(
    'says "speaker unclear" (%s) where the attribution was too unsure to name anyone',
    async (lang, label) => {
      const unclear = { ...analysis.quotes[0]!, speaker: null, speakerEntityId: null, speakerUnclear: true };
      const plain = { ...analysis.quotes[0]!, id: 'quote-2', speaker: null, speakerEntityId: null };
      await mount(
        fakeApi({
          ok: true,
          analysis: { ...analysis, quotes: [unclear, plain] },
          cached: false,
          highlightKinds: [],
        }),
        7,
        lang,
      );
      const speakers = byTestId('quote').map((q) => q.querySelector('.speaker')?.textContent);
      expect(speakers).toEqual([` — ${label}`, ` — ${lang === 'de' ? 'unbekannt' : 'unknown speaker'}`]);
    },
  );

  it('lists saved articles about the same names, linking to the reader', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    api.savedRelated = vi.fn(async () => [savedAboutLindau]);
    await mount(api);
    const link = byTestId('saved-related')[0] as HTMLAnchorElement;
    expect(link.textContent).toContain('Lindau plant');
    expect(link.getAttribute('href')).toBe('reader.html?id=s1');
    expect(root.textContent).toContain('From your saved list');
  });

  it('saves and unsaves the article', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    await mount(api);
    const save = byTestId('save')[0] as HTMLButtonElement;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    await act(async () => save.click());
    expect(api.save).toHaveBeenCalledWith(analysis);
    expect(save.getAttribute('aria-pressed')).toBe('true');
    await act(async () => save.click());
    expect(api.unsave).toHaveBeenCalledWith('saved-1');
    expect(save.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows a save failure (full disk) without losing the page', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    api.save = vi.fn(async () => {
      throw new Error('The disk is full.');
    });
    await mount(api);
    await act(async () => (byTestId('save')[0] as HTMLButtonElement).click());
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The disk is full.');
    expect(root.querySelector('h1')?.textContent).toBe('Netz in Lindau');
  });

  it('switches highlight kinds in the page', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: ['person', 'place'] });
    await mount(api);
    const placeToggle = root.querySelector<HTMLInputElement>('.toggle.kind-place input')!;
    await act(async () => placeToggle.click());
    expect(api.setHighlightKinds).toHaveBeenLastCalledWith(7, ['person']);
  });

  it('says when it read only the first part of a very long page', async () => {
    await mount(
      fakeApi({
        ok: true,
        cached: false,
        highlightKinds: [],
        analysis: { ...analysis, truncated: true, wordCount: 31_250 },
      }),
    );
    expect(byTestId('truncated')[0]?.textContent).toBe(
      'Kontext read the first 31,250 words of this very long page.',
    );
    expect(createTranslator('de')('readPrefix', { n: '31.250' })).toBe(
      'Kontext hat die ersten 31.250 Wörter dieser sehr langen Seite gelesen.',
    );
  });

  it('says when the page has more mentions than are marked on it', async () => {
    const place = analysis.entities.find((e) => !e.possible)!;
    const mentions = Array.from({ length: MAX_PAINTED_SPANS + 1 }, () => place.mentions[0]!);
    const many = { ...analysis, entities: [{ ...place, mentions }], quotes: [] };
    await mount(fakeApi({ ok: true, cached: false, highlightKinds: [], analysis: many }));
    expect(byTestId('paint-capped')[0]?.textContent).toBe(
      'Only the first 5,000 of 5,001 mentions are marked on the page.',
    );
    expect(createTranslator('de')('paintCapped', { n: '5.000', total: '5.001' })).toBe(
      'Auf der Seite sind nur die ersten 5.000 von 5.001 Erwähnungen markiert.',
    );
  });

  it('says nothing about length when it read the whole page', async () => {
    await mount(fakeApi({ ok: true, cached: false, highlightKinds: [], analysis }));
    expect(byTestId('title')).toHaveLength(1);
    expect(byTestId('truncated')).toHaveLength(0);
    expect(byTestId('paint-capped')).toHaveLength(0);
  });

  it('explains a page extensions may not read', async () => {
    await mount(fakeApi({ ok: false, failure: 'restricted', detail: 'chrome://settings' }));
    expect(byTestId('status')[0]?.textContent).toMatch(/can’t read this page/);
  });

  const noArticle = (status: 'no-article' | 'too-large', message: string) =>
    fakeApi({
      ok: true,
      cached: false,
      highlightKinds: [],
      analysis: { ...analysis, status, message, entities: [], summary: [] },
    });

  it('explains a page without an article, all of it in the UI language', async () => {
    await mount(noArticle('no-article', 'No article text was found on this page.'), 7, 'de');
    expect(byTestId('status')[0]?.textContent).toBe(
      'Kontext hat auf dieser Seite keinen Artikeltext gefunden.',
    );
    // The analysis' own message is English, for logs and the CLI: it never reaches a German reader.
    expect(root.textContent).not.toContain('No article text was found');
  });

  it('says when a page is too large to analyse', async () => {
    await mount(noArticle('too-large', 'The page is too large to analyse (40000 elements).'));
    expect(byTestId('status')[0]?.textContent).toBe('This page is too large for Kontext to analyse.');
  });

  it('turns a thrown error into a message with a retry', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    api.analyzeTab = vi.fn(async () => {
      throw new Error('port closed');
    });
    await mount(api);
    expect(byTestId('status')[0]?.textContent).toMatch(/went wrong/);
    expect(root.querySelector('button')?.textContent).toBe('Try again');
  });

  // Issue 16: main.tsx asks before the popup renders; App shows that answer and asks nothing itself,
  // and a retry still asks the background afresh (forced).
  it('shows the answer asked for before it rendered, and asks afresh only on a retry', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    const early = Promise.resolve<TabAnalysisResponse>({ ok: false, failure: 'timeout', detail: 'slow' });
    await mount(api, 7, 'en', early);
    expect(api.analyzeTab).not.toHaveBeenCalled();
    expect(byTestId('status')[0]?.textContent).toMatch(/did not answer in time/);
    await act(async () => {
      root.querySelector('button')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(api.analyzeTab).toHaveBeenCalledWith(7, true);
    expect(root.querySelector('h1')?.textContent).toBe('Netz in Lindau');
  });

  it('speaks German to a German browser', async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <App
          api={fakeApi({ ok: false, failure: 'no-tab', detail: '' })}
          tabId={1}
          t={createTranslator('de')}
        />,
        root,
      );
    });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(byTestId('status')[0]?.textContent).toBe('Dieser Tab ist nicht mehr geöffnet.');
  });

  const headings = () => [...root.querySelectorAll('h2')].map((h) => h.textContent);

  it('shows a heading for every section that has something under it', async () => {
    await mount(fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] }));
    expect(headings()).toEqual(['Summary', 'Names', 'Quotes', 'Highlights in the page', 'Related reading']);
  });

  it('leaves out empty sections instead of showing bare headings', async () => {
    const empty = { ...analysis, summary: [], entities: [], quotes: [], related: [] };
    await mount(fakeApi({ ok: true, analysis: empty, cached: false, highlightKinds: [] }));
    expect(byTestId('title')[0]?.textContent).toBe('Netz in Lindau');
    expect(headings()).toEqual([]);
    expect(byTestId('summary')).toEqual([]);
  });

  it('shows related reading when only the saved list has some', async () => {
    const api = fakeApi({
      ok: true,
      analysis: { ...analysis, summary: [], quotes: [], related: [] },
      cached: false,
      highlightKinds: [],
    });
    api.savedRelated = vi.fn(async () => [savedAboutLindau]);
    await mount(api);
    expect(headings()).toEqual(['Names', 'Highlights in the page', 'Related reading']);
  });

  const italian: Analysis = {
    ...analysis,
    lang: 'it',
    entities: [],
    quotes: [{ ...analysis.quotes[0]!, speaker: null, speakerEntityId: null }],
    support: languageSupport('it'),
  };

  it('says why names are missing on a page in a language without a model', async () => {
    await mount(fakeApi({ ok: true, analysis: italian, cached: false, highlightKinds: [] }));
    expect(byTestId('language-notice')[0]?.textContent).toBe(
      'Names and speakers are available for German and English; this page is in Italian. ' +
        'Quotes are listed only where their quotation marks are unambiguous, without speakers.',
    );
    expect(headings()).not.toContain('Names');
    // No "— unknown speaker" after every quote, and no switches for names the page cannot have.
    expect(byTestId('quote')[0]?.textContent).toBe('Das Netz ist alt');
    expect([...root.querySelectorAll('.toggle')].map((label) => label.textContent?.trim())).toEqual([
      'All',
      'Speech',
    ]);
  });

  it('says it in German, with German language names, to a German browser', async () => {
    await mount(fakeApi({ ok: true, analysis: italian, cached: false, highlightKinds: [] }), 7, 'de');
    expect(byTestId('language-notice')[0]?.textContent).toBe(
      'Namen und Sprecher erkennt Kontext auf Deutsch und Englisch; diese Seite ist auf Italienisch. ' +
        'Zitate stehen hier nur, wo die Anführungszeichen eindeutig sind, und ohne Sprecher.',
    );
  });

  it('says when the language could not be told', async () => {
    const unknown = { ...italian, lang: 'und', support: languageSupport('und') };
    await mount(fakeApi({ ok: true, analysis: unknown, cached: false, highlightKinds: [] }));
    expect(byTestId('language-notice')[0]?.textContent).toMatch(
      /^Names and speakers are available for German and English; Kontext could not tell which language/,
    );
  });

  it('has no language notice on a German page', async () => {
    await mount(fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] }));
    expect(byTestId('language-notice')).toEqual([]);
  });
});

// Issue 16: names, quotes and summary show as soon as the background has them; the page's related
// links come after, and the view says it is busy until every section is filled.
describe('progressive popup', () => {
  type RelatedAnswer = Awaited<ReturnType<PopupApi['relatedLinks']>>;
  const early = { ...analysis, related: [] };
  const busy = () => byTestId('analysis')[0]?.getAttribute('aria-busy');
  const marks = (name: string) => performance.getEntriesByName(name, 'mark');

  function pendingRelated() {
    const api = fakeApi({
      ok: true,
      analysis: early,
      cached: false,
      highlightKinds: [],
      relatedPending: true,
    });
    let answer!: (value: RelatedAnswer) => void;
    let fail!: (error: unknown) => void;
    api.relatedLinks = vi.fn(
      () =>
        new Promise<RelatedAnswer>((resolve, reject) => {
          answer = resolve;
          fail = reject;
        }),
    );
    return { api, answer: (value: RelatedAnswer) => answer(value), fail: (error: unknown) => fail(error) };
  }

  beforeEach(() => performance.clearMarks());

  it('shows names, quotes and summary first, then fills in the related links', async () => {
    const { api, answer } = pendingRelated();
    await mount(api);
    expect(api.relatedLinks).toHaveBeenCalledWith(7);
    expect(byTestId('entity')).toHaveLength(2);
    expect(byTestId('quote')).toHaveLength(1);
    expect(byTestId('summary')).toHaveLength(1);
    expect(byTestId('related-link')).toEqual([]);
    expect(busy()).toBe('true');
    expect(marks('kontext:results')).toHaveLength(1);
    expect(marks('kontext:complete')).toHaveLength(0);

    await act(async () => answer({ related: analysis.related, timings: { related: 4 } }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(byTestId('related-link').map((a) => (a as HTMLAnchorElement).href)).toEqual([
      'https://example.org/x',
    ]);
    await vi.waitFor(() => expect(busy()).toBeNull());
    await vi.waitFor(() => expect(marks('kontext:complete')).toHaveLength(1));
    const complete = marks('kontext:complete') as PerformanceMark[];
    expect(complete[0]!.detail).toEqual({ timings: { related: 4 } });
    // A save after that keeps the links with the article.
    await act(async () => (byTestId('save')[0] as HTMLButtonElement).click());
    expect(api.save).toHaveBeenCalledWith({ ...early, related: analysis.related });
  });

  it('stops being busy, with no related links, when asking for them fails', async () => {
    const { api, fail } = pendingRelated();
    await mount(api);
    await act(async () => fail(new Error('port closed')));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(byTestId('related-link')).toEqual([]);
    expect(root.querySelector('#related-heading')).toBeNull();
    await vi.waitFor(() => expect(busy()).toBeNull());
    expect(byTestId('entity')).toHaveLength(2);
  });

  it('asks for nothing more when the answer has its related links (a cached analysis)', async () => {
    const api = fakeApi({ ok: true, analysis, cached: true, highlightKinds: [], relatedPending: false });
    await mount(api);
    expect(api.relatedLinks).not.toHaveBeenCalled();
    expect(byTestId('related-link')).toHaveLength(1);
    await vi.waitFor(() => expect(marks('kontext:complete')).toHaveLength(1));
    expect(busy()).toBeNull();
  });

  it('waits for the saved list too before it calls the view filled', async () => {
    const api = fakeApi({ ok: true, analysis, cached: false, highlightKinds: [] });
    let found!: (items: (typeof savedAboutLindau)[]) => void;
    api.savedRelated = vi.fn(() => new Promise<(typeof savedAboutLindau)[]>((resolve) => (found = resolve)));
    await mount(api);
    expect(busy()).toBe('true');
    await act(async () => found([savedAboutLindau]));
    await vi.waitFor(() => expect(byTestId('saved-related')).toHaveLength(1));
    await vi.waitFor(() => expect(busy()).toBeNull());
  });

  it("shows the tab's title above the spinner at once, and the article's title once analysed", async () => {
    let answer!: (response: TabAnalysisResponse) => void;
    const api = fakeApi(new Promise<TabAnalysisResponse>((resolve) => (answer = resolve)));
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <App
          api={api}
          tabId={7}
          t={createTranslator('en')}
          pageTitle={Promise.resolve('Netz | Weltblick')}
        />,
        root,
      );
    });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Netz | Weltblick'));
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Analysing');
    await act(async () => answer({ ok: true, analysis, cached: false, highlightKinds: [] }));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Netz in Lindau'));
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });
});
