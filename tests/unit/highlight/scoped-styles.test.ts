/**
 * Issue 18: on a huge page the `::highlight(...)` rules are scoped to the part of the page that holds the
 * painted ranges, so adopting them does not restyle every element (one ~300 ms task in Chromium on the
 * 10 MB page). The selectors are checked against jsdom's own selector engine: they must match exactly
 * the elements holding ranges (and, where styles do not inherit, their descendants).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createHighlightApiPainter } from '../../../lib/highlight/painter.ts';
import type { HighlightSpan } from '../../../lib/highlight/spans.ts';
import { SCOPED_STYLE_ELEMENTS, scopeSelectors } from '../../../lib/highlight/styles.ts';
import { AFTER_FRAME } from '../../../lib/slicing.ts';
import { installHighlightApi } from './fake-highlight-api.ts';

/**
 * An article of `count` paragraphs (the fifth with an inline <b>), after a header with a paragraph, and
 * `filler` more elements in an aside (a grid of small runs: jsdom's :nth-child is slow on long runs).
 */
function page(count: number, filler = 0): JSDOM {
  const row = '<i></i>'.repeat(100);
  const aside = `<aside>${`<div>${row}</div>`.repeat(Math.ceil(filler / 101))}</aside>`;
  const paragraphs = Array.from({ length: count }, (_, i) =>
    i === 4 ? `<p id="p${i}">Angela <b>Merkel</b> spoke</p>` : `<p id="p${i}">Paragraph ${i}</p>`,
  );
  return new JSDOM(
    `<!doctype html><html><head><title>t</title></head><body><header><p>Site</p></header><main><article>${paragraphs.join('')}</article></main>${aside}</body></html>`,
  );
}

function rangeOver(node: Node): Range {
  const range = node.ownerDocument!.createRange();
  range.selectNodeContents(node);
  return range;
}

const ids = (elements: Iterable<Element>) => [...elements].map((e) => e.id || e.localName);

describe('scopeSelectors', () => {
  it('selects the run of paragraphs holding ranges; with inheritance nothing else', () => {
    const { document } = page(40).window;
    const ranges = ['p2', 'p4', 'p6'].map((id) => rangeOver(document.getElementById(id)!.firstChild!));
    const scope = scopeSelectors(document, ranges, () => true)!;
    expect(scope).toHaveLength(1);
    expect(ids(document.querySelectorAll(scope[0]!))).toEqual(['p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('without inheritance also selects their descendants (a name in a <b>)', () => {
    const { document } = page(40).window;
    const inBold = rangeOver(document.querySelector('#p4 b')!.firstChild!);
    const ranges = [rangeOver(document.getElementById('p1')!.firstChild!), inBold];
    const selected = ids(
      document.querySelectorAll(scopeSelectors(document, ranges, () => false)!.join(', ')),
    );
    expect(selected).toEqual(['p1', 'p2', 'p3', 'p4', 'b']);
  });

  it('a run without nested elements needs no descendant rule (and no probe)', () => {
    const { document } = page(40).window;
    const ranges = ['p6', 'p8'].map((id) => rangeOver(document.getElementById(id)!.firstChild!));
    const scope = scopeSelectors(document, ranges, () => {
      throw new Error('probed');
    })!;
    expect(scope).toHaveLength(1);
    expect(ids(document.querySelectorAll(scope[0]!))).toEqual(['p6', 'p7', 'p8']);
  });

  it('one holder: the holder itself', () => {
    const { document } = page(10).window;
    const scope = scopeSelectors(document, [rangeOver(document.querySelector('#p4 b')!)], () => true)!;
    expect(ids(document.querySelectorAll(scope[0]!))).toEqual(['b']);
  });

  it('ranges across the page: the common ancestor is <body>, its children from header to main', () => {
    const { document } = page(10).window;
    const ranges = [
      rangeOver(document.querySelector('header p')!),
      rangeOver(document.getElementById('p9')!),
    ];
    const scope = scopeSelectors(document, ranges, () => true)!;
    expect(ids(document.querySelectorAll(scope[0]!))).toEqual(['header', 'main']);
  });

  it('null (the universal rule) without ranges or for a range in a shadow tree', () => {
    const { document } = page(3).window;
    expect(scopeSelectors(document, [], () => true)).toBeNull();
    const host = document.getElementById('p0')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>inside</span>';
    expect(scopeSelectors(document, [rangeOver(shadow.firstChild!.firstChild!)], () => true)).toBeNull();
  });
});

/** jsdom has no constructable stylesheets: a sheet that keeps its text, and the document's list. */
function installStyleSheets(dom: JSDOM): CSSStyleSheet[] {
  class FakeSheet {
    text = '';
    replaceSync(text: string) {
      this.text = text;
    }
  }
  const adopted: CSSStyleSheet[] = [];
  Object.assign(dom.window, { CSSStyleSheet: FakeSheet });
  Object.defineProperty(dom.window.document, 'adoptedStyleSheets', { value: adopted, configurable: true });
  return adopted;
}

function spansOver(document: Document, ids: string[]): HighlightSpan[] {
  return ids.map(
    (id, i) =>
      ({
        kind: 'person',
        range: rangeOver(document.getElementById(id)!.firstChild!),
        start: i,
        end: i + 1,
        entityId: 'person:x',
        mentionIndex: i,
        quoteId: null,
      }) as HighlightSpan,
  );
}

describe('Highlight API painter stylesheet', () => {
  it('on an ordinary page adopts the universal rule when prepared', () => {
    const dom = page(20);
    installHighlightApi(dom.window);
    const adopted = installStyleSheets(dom);
    const painter = createHighlightApiPainter(dom.window.document);
    painter.prepare();
    expect(adopted).toHaveLength(1);
    const css = (adopted[0] as unknown as { text: string }).text;
    expect(css).toMatch(new RegExp(`(^|\n)::highlight\\(${painter.names!.person}\\)`));
  });

  it('on a huge page adopts nothing until the ranges are known, then rules scoped to them', () => {
    const dom = page(30, SCOPED_STYLE_ELEMENTS);
    installHighlightApi(dom.window);
    const adopted = installStyleSheets(dom);
    const { document } = dom.window;
    const painter = createHighlightApiPainter(document);
    painter.prepare();
    expect(adopted).toHaveLength(0);
    painter.paint(spansOver(document, ['p10', 'p12']), new Set(['person']));
    expect(adopted).toHaveLength(1);
    const css = (adopted[0] as unknown as { text: string }).text;
    const name = painter.names!.person;
    expect(css).not.toMatch(new RegExp(`(^|\n| )::highlight\\(${name}\\)`));
    const selectors = css
      .split('\n')
      .find((line) => line.includes(`::highlight(${name})`))!
      .split(' {')[0]!
      .split(', ')
      .map((selector) => selector.replace(`::highlight(${name})`, ''));
    expect(ids(document.querySelectorAll(selectors[0]!))).toEqual(['p10', 'p11', 'p12']);
    // A repaint elsewhere rewrites the same sheet; clearing removes it.
    painter.paint(spansOver(document, ['p20']), new Set(['person']));
    expect(adopted).toHaveLength(1);
    expect((adopted[0] as unknown as { text: string }).text).toContain('p:nth-child(21)');
    // The page inserts an element before the article: the periodic restore() follows the paragraph.
    const sheetText = () => (adopted[0] as unknown as { text: string }).text;
    const before = sheetText();
    document.querySelector('main')!.prepend(document.createElement('div'));
    painter.restore();
    expect(sheetText()).not.toBe(before);
    expect(sheetText()).toContain('article:nth-child(2) > p:nth-child(21)');
    painter.clear();
    expect(adopted).toHaveLength(0);
  });

  it('on a huge page registers the highlights a frame after the restyle, not in the same frame', () => {
    // Chromium renders a stylesheet change and newly registered highlights each with a walk over the
    // whole document; in one frame they made one long task (scripts/trace-hostile.ts).
    const dom = page(30, SCOPED_STYLE_ELEMENTS);
    const registry = installHighlightApi(dom.window);
    const adopted = installStyleSheets(dom);
    const { document } = dom.window;
    const painter = createHighlightApiPainter(document);
    painter.prepare();
    const work = painter.paintSliced(spansOver(document, ['p10', 'p12']), new Set(['person']));
    let step = work.next();
    while (!step.done && step.value !== AFTER_FRAME) step = work.next();
    expect(step.done, 'the paint waits for a frame').toBe(false);
    expect(adopted).toHaveLength(1);
    expect(registry.size, 'nothing registered before the frame').toBe(0);
    expect(work.next().done).toBe(true);
    expect(registry.get(painter.names!.person)?.size).toBe(2);
    // Painting the same part again changes no stylesheet, so it needs no frame.
    const again = [...painter.paintSliced(spansOver(document, ['p10', 'p12']), new Set(['person']))];
    expect(again).not.toContain(AFTER_FRAME);
    expect(registry.get(painter.names!.person)?.size).toBe(2);
  });

  it('on an ordinary page never waits for a frame (the sheet was adopted when prepared)', () => {
    const dom = page(20);
    installHighlightApi(dom.window);
    installStyleSheets(dom);
    const painter = createHighlightApiPainter(dom.window.document);
    painter.prepare();
    const steps = [...painter.paintSliced(spansOver(dom.window.document, ['p3']), new Set(['person']))];
    expect(steps).not.toContain(AFTER_FRAME);
  });
});
