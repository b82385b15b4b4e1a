import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHoverCard, isCardHost } from '../../../components/hover-card/mount.ts';
import { highlightName } from '../../../lib/highlight/kinds.ts';
import { createReadingAids } from '../../../lib/highlight/reading-aids.ts';
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

/** A minimal CSS Custom Highlight API for jsdom: Highlight is a Set of ranges, the registry a Map. */
function installHighlightApi(window: JSDOM['window']) {
  class Highlight extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  const registry = new Map<string, Highlight>();
  Object.assign(window, { Highlight });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  return registry;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reading aids with the CSS Custom Highlight API', () => {
  it('registers one highlight per kind and leaves the DOM exactly as it was', () => {
    const { dom, doc, signal } = page();
    const registry = installHighlightApi(dom.window);
    const before = doc.documentElement.outerHTML;
    const aids = createReadingAids(doc, { signal });
    aids.show(analysis, null);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(aids.inspect().mode).toBe('highlight-api');
    expect([...registry.keys()].sort()).toEqual(
      [highlightName('person'), highlightName('place'), highlightName('speech')].sort(),
    );
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
    const person = registry.get(highlightName('person'));
    aids.setKinds(['place']);
    expect([...registry.keys()]).toEqual([highlightName('place')]);
    aids.setKinds([]);
    expect(registry.size).toBe(0);
    aids.setKinds(['person', 'speech']);
    expect(registry.get(highlightName('person'))).toBe(person);
    expect(registry.has(highlightName('speech'))).toBe(true);
  });

  it('follows content the page re-renders later (debounced MutationObserver)', async () => {
    const { dom, doc, signal } = page();
    installHighlightApi(dom.window);
    const aids = createReadingAids(doc, { signal, mutationDebounceMs: 20 });
    const p2 = doc.getElementById('p2')!;
    p2.remove(); // not there yet when the analysis is shown
    aids.show(analysis, null);
    expect(aids.inspect().blocksLocated).toBe(1);
    expect(aids.inspect().painted.speech).toBeUndefined();
    doc.querySelector('article')!.append(p2); // the page adds it later
    await wait(80);
    const snapshot = aids.inspect();
    expect(snapshot.blocksLocated).toBe(2);
    expect(snapshot.painted.speech).toEqual(['Wir stehen zusammen']);
    expect(snapshot.painted.person?.map((t) => t.replace(/\s+/g, ' '))).toContain('Wladimir Putin');
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
    const { dom, doc, signal } = page();
    installHighlightApi(dom.window);
    const aids = createReadingAids(doc, {
      signal,
      createCard: (d) => createHoverCard(d, { language: 'en' }),
    });
    aids.show(analysis, null);
    const pageSaw: string[] = [];
    doc.body.addEventListener('keydown', (e) => pageSaw.push(e.code));
    const press = (code: string) =>
      doc.body.dispatchEvent(
        new dom.window.KeyboardEvent('keydown', {
          code,
          altKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true,
        }),
      );
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
    const { dom, doc, signal } = page();
    installHighlightApi(dom.window);
    const aids = createReadingAids(doc, {
      signal,
      createCard: (d) => createHoverCard(d, { language: 'en' }),
    });
    aids.show(analysis, null);
    aids.setKinds(['place']);
    aids.focusNextEntity(1);
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
    aids.focusNextEntity(1);
    expect(aids.inspect().card?.entityId).toBe('place:moskau');
  });
});
