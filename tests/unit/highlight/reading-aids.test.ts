import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHoverCard, isCardHost } from '../../../components/hover-card/mount.ts';
import { MAX_PAINTED_SPANS } from '../../../lib/highlight/cap.ts';
import { createReadingAids } from '../../../lib/highlight/reading-aids.ts';
import { installHighlightApi } from './fake-highlight-api.ts';
import { makeAnalysis } from './make-analysis.ts';

/** Kontext's card host in `doc`, if any (its tag is random; the prefix is fixed). */
const cardHost = (doc: Document) => [...doc.documentElement.children].find(isCardHost) ?? null;

const PAGE = `<!doctype html><html lang="de"><head><title>t</title></head><body>
  <nav><a href="/">Moskau aktuell</a></nav>
  <article>
    <p id="p1">Nordkoreas Machthaber <a href="/kim">Kim <b>Jong</b> Un</a> ist nach Moskau gereist.</p>
    <p id="p2">Dort traf er Wladimir Putin. „Wir stehen zusammen“, sagte Kim Jong Un.</p>
  </article>
  <footer>Impressum</footer>
</body></html>`;

const BLOCKS = [
  'Nordkoreas Machthaber Kim Jong Un ist nach Moskau gereist.',
  'Dort traf er Wladimir Putin. „Wir stehen zusammen“, sagte Kim Jong Un.',
];

const analysis = makeAnalysis(
  BLOCKS,
  [
    { name: 'Kim Jong Un', kind: 'person' },
    { name: 'Wladimir Putin', kind: 'person' },
    { name: 'Moskau', kind: 'place' },
  ],
  [{ text: 'Wir stehen zusammen', speaker: 'Kim Jong Un' }],
);

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  vi.unstubAllGlobals();
});

function page() {
  const dom = new JSDOM(PAGE, { pretendToBeVisual: true });
  // Preact creates nodes through the global `document` (the page's own in a content script).
  vi.stubGlobal('document', dom.window.document);
  const controller = new AbortController();
  controllers.push(controller);
  return { dom, doc: dom.window.document, signal: controller.signal };
}

/** jsdom's internal object behind a DOM wrapper. */
function jsdomImpl<T>(wrapper: object): T {
  const impl = Object.getOwnPropertySymbols(wrapper).find((symbol) => symbol.description === 'impl');
  return (wrapper as Record<symbol, T>)[impl!]!;
}

/**
 * Delivers a key press as the browser delivers a real one (isTrusted true). dispatchEvent() marks every
 * event untrusted, in jsdom as in browsers, so this goes through jsdom's internal dispatch.
 */
function pressTrusted(window: JSDOM['window'], target: EventTarget, init: KeyboardEventInit): void {
  const event = new window.KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  const eventImpl = jsdomImpl<{ isTrusted: boolean }>(event);
  eventImpl.isTrusted = true;
  jsdomImpl<{ _dispatch(event: unknown): boolean }>(target)._dispatch(eventImpl);
}

/** The analysis shown with cards, and the key codes the page's own listener receives. */
function shownWithCard() {
  const { dom, doc, signal } = page();
  installHighlightApi(dom.window);
  const aids = createReadingAids(doc, { signal, createCard: (d) => createHoverCard(d, { language: 'en' }) });
  aids.show(analysis, null);
  const pageSaw: string[] = [];
  doc.body.addEventListener('keydown', (e) => pageSaw.push(e.code));
  return { dom, doc, aids, pageSaw };
}

describe('reading aids with the CSS Custom Highlight API', () => {
  it('registers one highlight per kind and leaves the DOM exactly as it was', () => {
    const { dom, doc, signal } = page();
    const registry = installHighlightApi(dom.window);
    const before = doc.documentElement.outerHTML;
    const aids = createReadingAids(doc, { signal });
    aids.show(analysis, null);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(aids.inspect().mode).toBe('highlight-api');
    const names = aids.inspect().highlightNames!;
    expect([...registry.keys()].sort()).toEqual([names.person, names.place, names.speech].sort());
    const painted = aids.inspect().painted;
    expect(painted.person?.map((t) => t.replace(/\s+/g, ' ')).sort()).toEqual(
      ['Kim Jong Un', 'Kim Jong Un', 'Wladimir Putin'].sort(),
    );
    expect(painted.place).toEqual(['Moskau']);
    expect(painted.speech).toEqual(['Wir stehen zusammen']);
    aids.clear();
    expect(registry.size).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('switches kinds off and on without repainting the others', () => {
    const { dom, doc, signal } = page();
    const registry = installHighlightApi(dom.window);
    const aids = createReadingAids(doc, { signal });
    aids.show(analysis, null);
    const names = aids.inspect().highlightNames!;
    const person = registry.get(names.person);
    aids.setKinds(['place']);
    expect([...registry.keys()]).toEqual([names.place]);
    aids.setKinds([]);
    expect(registry.size).toBe(0);
    aids.setKinds(['person', 'speech']);
    expect(registry.get(names.person)).toBe(person);
    expect(registry.has(names.speech)).toBe(true);
  });

  it('follows content the page re-renders later, once the page has been quiet for the debounce', async () => {
    vi.useFakeTimers();
    try {
      const { dom, doc, signal } = page();
      installHighlightApi(dom.window);
      const aids = createReadingAids(doc, { signal, mutationDebounceMs: 250 });
      const p2 = doc.getElementById('p2')!;
      p2.remove(); // not there yet when the analysis is shown
      aids.show(analysis, null);
      expect(aids.inspect().blocksLocated).toBe(1);
      expect(aids.inspect().painted.speech).toBeUndefined();
      doc.querySelector('article')!.append(p2); // the page adds it later
      await Promise.resolve(); // the MutationObserver's records arrive in a microtask
      vi.advanceTimersByTime(249);
      expect(aids.inspect().blocksLocated).toBe(1); // still inside the debounce: no repaint yet
      vi.advanceTimersByTime(1);
      const snapshot = aids.inspect();
      expect(snapshot.blocksLocated).toBe(2);
      expect(snapshot.painted.speech).toEqual(['Wir stehen zusammen']);
      expect(snapshot.painted.person?.map((t) => t.replace(/\s+/g, ' '))).toContain('Wladimir Putin');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops everything when its signal aborts (content script invalidated)', () => {
    const { dom, doc } = page();
    const registry = installHighlightApi(dom.window);
    const controller = new AbortController();
    const aids = createReadingAids(doc, { signal: controller.signal });
    aids.show(analysis, null);
    controller.abort();
    expect(registry.size).toBe(0);
    expect(aids.inspect().active).toBe(false);
  });
});

describe('reading aids with the <mark> fallback (no Highlight API, as in jsdom)', () => {
  it('wraps the mentions in marks and clear() restores the page, down to its Text node objects', () => {
    const { doc, signal } = page();
    const before = doc.documentElement.outerHTML;
    const textNodes: Text[] = [];
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) textNodes.push(n as Text);
    const data = textNodes.map((t) => t.data);

    const aids = createReadingAids(doc, { signal });
    aids.show(analysis, null);
    expect(aids.inspect().mode).toBe('marks');
    const marks = [...doc.querySelectorAll('mark[data-kontext]')];
    expect(marks.length).toBeGreaterThan(0);
    expect(doc.querySelector('nav mark')).toBeNull();
    const painted = aids.inspect().painted;
    // "Kim <b>Jong</b> Un" becomes three marks; entity marks win over the quote around them.
    expect(painted.person?.join('|')).toContain('Kim |Jong| Un');
    expect(painted.place).toEqual(['Moskau']);
    expect(painted.speech).toEqual(['Wir stehen zusammen']);

    aids.clear();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(textNodes.every((t, i) => t.isConnected && t.data === data[i])).toBe(true);
  });

  it('repaints only the visible kinds', () => {
    const { doc, signal } = page();
    const before = doc.documentElement.outerHTML;
    const aids = createReadingAids(doc, { signal });
    aids.show(analysis, null);
    aids.setKinds(['place']);
    expect([...doc.querySelectorAll('mark[data-kontext]')].map((m) => m.textContent)).toEqual(['Moskau']);
    aids.setKinds([]);
    expect(doc.documentElement.outerHTML).toBe(before);
    aids.setKinds(['person', 'place', 'organization', 'speech', 'phrase']);
    expect(doc.querySelectorAll('mark[data-kontext]').length).toBeGreaterThan(3);
    aids.clear();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('keyboard stepping and the card', () => {
  it('steps through entities in reading order and opens their card with focus; clear removes the host', () => {
    const { dom, doc, signal } = page();
    installHighlightApi(dom.window);
    const before = doc.documentElement.outerHTML;
    const aids = createReadingAids(doc, {
      signal,
      createCard: (d) => createHoverCard(d, { language: 'en' }),
    });
    aids.show(analysis, null);
    aids.focusNextEntity(1);
    let card = aids.inspect().card;
    expect(card?.entityId).toBe('person:kim jong un');
    expect(card?.focused).toBe(true);
    expect(card?.text).toContain('Kim Jong Un');
    expect(card?.text).toContain('Wir stehen zusammen');
    const host = cardHost(doc);
    expect(host?.parentNode).toBe(doc.documentElement);
    expect((host as HTMLElement).shadowRoot).toBeNull(); // closed
    expect(doc.activeElement).toBe(host);
    aids.focusNextEntity(1);
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
    aids.focusNextEntity(-1);
    aids.focusNextEntity(-1);
    card = aids.inspect().card;
    expect(card?.entityId).toBe('person:wladimir putin');
    aids.clear();
    expect(cardHost(doc)).toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('steps with Alt+Shift+N / Alt+Shift+P typed in the page, and keeps the keys from the page', () => {
    const { dom, doc, aids, pageSaw } = shownWithCard();
    const press = (code: string) =>
      pressTrusted(dom.window, doc.body, { code, altKey: true, shiftKey: true });
    press('KeyN');
    expect(aids.inspect().card?.entityId).toBe('person:kim jong un');
    press('KeyN');
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
    press('KeyP');
    expect(aids.inspect().card?.entityId).toBe('person:kim jong un');
    press('KeyX');
    expect(pageSaw).toEqual(['KeyX']);
    aids.clear();
    press('KeyN'); // cleared: the page's keys are its own again
    expect(pageSaw).toEqual(['KeyX', 'KeyN']);
    expect(cardHost(doc)).toBeNull();
  });

  it('skips hidden kinds when stepping', () => {
    const { aids } = shownWithCard();
    aids.setKinds(['place']);
    aids.focusNextEntity(1);
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
    aids.focusNextEntity(1);
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
  });
});

describe('reading aids on a hostile page', () => {
  afterEach(() => vi.useRealTimers());

  it('ignores Alt+Shift+N that page script dispatches (untrusted), and lets the page have it', () => {
    const { dom, doc, aids, pageSaw } = shownWithCard();
    const synthetic = new dom.window.KeyboardEvent('keydown', {
      code: 'KeyN',
      altKey: true,
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    expect(doc.body.dispatchEvent(synthetic)).toBe(true); // not prevented: nothing reveals Kontext
    expect(aids.inspect().card).toBeNull();
    expect(cardHost(doc)).toBeNull();
    expect(pageSaw).toEqual(['KeyN']);
  });

  it('registers its highlights under names a page cannot guess, new for every page', () => {
    const first = page();
    const registry = installHighlightApi(first.dom.window);
    const aids = createReadingAids(first.doc, { signal: first.signal });
    aids.show(analysis, null);
    const other = page();
    installHighlightApi(other.dom.window);
    const otherAids = createReadingAids(other.doc, { signal: other.signal });
    otherAids.show(analysis, null);
    const names = Object.values(aids.inspect().highlightNames!);
    expect(new Set(names).size).toBe(6);
    for (const name of names) expect(name).toMatch(/^h[0-9a-z]{8,}$/);
    expect(registry.has('kontext-person')).toBe(false);
    expect(names).not.toContain(otherAids.inspect().highlightNames!.person);
  });

  it('puts the highlights back when the page deletes them from CSS.highlights', () => {
    vi.useFakeTimers();
    const { dom, doc, signal } = page();
    const registry = installHighlightApi(dom.window);
    const aids = createReadingAids(doc, { signal, watchIntervalMs: 500 });
    aids.show(analysis, null);
    const names = aids.inspect().highlightNames!;
    const person = registry.get(names.person);
    registry.clear(); // what `CSS.highlights.clear()` in page script does
    vi.advanceTimersByTime(500);
    expect(registry.get(names.person)).toBe(person);
    expect(registry.has(names.place)).toBe(true);
    expect(aids.inspect().restored).toBe(1);
    vi.advanceTimersByTime(500); // nothing missing: nothing to do
    expect(aids.inspect().restored).toBe(1);
    aids.clear();
    vi.advanceTimersByTime(1000); // cleared: the watch stopped, nothing comes back
    expect(registry.size).toBe(0);
  });

  /** A page of `count` copies of `sentence`, with the fake Highlight API installed. */
  function repeatedPage(sentence: string, count: number) {
    const paragraphs = Array.from({ length: count }, () => sentence);
    const dom = new JSDOM(
      `<!doctype html><html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    vi.stubGlobal('document', dom.window.document);
    const controller = new AbortController();
    controllers.push(controller);
    return { dom, paragraphs, signal: controller.signal, registry: installHighlightApi(dom.window) };
  }

  it(`paints at most ${MAX_PAINTED_SPANS} mentions, the first in reading order`, () => {
    const { dom, paragraphs, signal, registry } = repeatedPage(
      'Moskau und Moskau und Moskau und Moskau und Moskau.',
      Math.ceil((MAX_PAINTED_SPANS + 500) / 5),
    );
    const many = makeAnalysis(paragraphs, [{ name: 'Moskau', kind: 'place' }]);
    expect(many.entities[0]!.mentions.length).toBeGreaterThan(MAX_PAINTED_SPANS);
    const aids = createReadingAids(dom.window.document, { signal });
    aids.show(many, null);
    const names = aids.inspect().highlightNames!;
    expect((registry.get(names.place) as unknown as Set<Range>).size).toBe(MAX_PAINTED_SPANS);
    expect(aids.inspect().spansDropped).toBe(many.entities[0]!.mentions.length - MAX_PAINTED_SPANS);
  });

  it('paints in slices when asked, giving the page a turn every few hundred ranges; a newer paint wins', async () => {
    const { dom, paragraphs, signal, registry } = repeatedPage(
      'Moskau und Berlin und Moskau und Berlin und Moskau.',
      600,
    );
    const places = makeAnalysis(paragraphs, [{ name: 'Moskau', kind: 'place' }]);
    const both = makeAnalysis(paragraphs, [
      { name: 'Moskau', kind: 'place' },
      { name: 'Berlin', kind: 'place' },
    ]);
    let pauses = 0;
    const aids = createReadingAids(dom.window.document, {
      signal,
      // A pause at every pause point (budget 0), counted.
      slicing: { budgetMs: 0, pause: () => Promise.resolve(void pauses++) },
    });
    const first = aids.show(places, null);
    expect(registry.size).toBe(0); // nothing painted before the first pause
    const second = aids.show(both, null);
    await Promise.all([first, second]);
    const names = aids.inspect().highlightNames!;
    expect((registry.get(names.place) as unknown as Set<Range>).size).toBe(3000);
    expect(pauses).toBeGreaterThanOrEqual(3000 / 250);
  });
});
