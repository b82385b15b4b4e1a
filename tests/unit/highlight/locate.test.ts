import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { BlockAnchor } from '../../../lib/extract/types.ts';
import { locateBlocks } from '../../../lib/highlight/locate-blocks.ts';
import { buildHighlightSpans, buildHighlightSpansSliced } from '../../../lib/highlight/spans.ts';
import { runToEnd } from '../../../lib/slicing.ts';
import { makeAnalysis } from './make-analysis.ts';

const PAGE = `<!doctype html><html lang="de"><body>
  <header class="site-header"><nav><a href="/">Kim Jong Un im Überblick</a></nav></header>
  <aside class="teaser"><p>Nordkoreas Machthaber Kim Jong Un hat Russland besucht.</p></aside>
  <main><article>
    <h1>Gipfel in Moskau</h1>
    <p>Nordkoreas Machthaber <a href="/kim">Kim <b>Jong</b>
       Un</a> hat Russland besucht.</p>
    <div class="ad ad-inline">Anzeige: Kim Jong Un Fanartikel</div>
    <p>In Moskau traf er Wladimir   Putin. „Wir stehen zusammen“, sagte Kim Jong Un.</p>
  </article>
  <section id="comments"><p>Kim Jong Un? Unglaublich.</p></section></main>
</body></html>`;

const BLOCKS = [
  'Gipfel in Moskau',
  'Nordkoreas Machthaber Kim Jong Un hat Russland besucht.',
  'In Moskau traf er Wladimir Putin. „Wir stehen zusammen“, sagte Kim Jong Un.',
];

function setup() {
  const { window } = new JSDOM(PAGE);
  const analysis = makeAnalysis(
    BLOCKS,
    [
      { name: 'Kim Jong Un', kind: 'person' },
      { name: 'Wladimir Putin', kind: 'person' },
      { name: 'Moskau', kind: 'place' },
      { name: 'Russland', kind: 'place' },
    ],
    [{ text: 'Wir stehen zusammen', speaker: 'Kim Jong Un' }],
  );
  return { doc: window.document, analysis };
}

describe('locating analysed blocks in the live page (no anchors)', () => {
  it('maps every mention to live text, across inline elements and collapsed whitespace', () => {
    const { doc, analysis } = setup();
    const location = locateBlocks(doc, analysis.blocks, null);
    expect(location.blocks.every((b) => b?.source === 'search')).toBe(true);
    const spans = buildHighlightSpans(doc, analysis, location);
    const read = spans.map((s) => s.range.toString().replace(/\s+/g, ' '));
    expect(read).toEqual(spans.map((s) => analysis.text.slice(s.start, s.end)));
    const expectedCount =
      analysis.entities.reduce((n, e) => n + e.mentions.length, 0) + analysis.quotes.length;
    expect(spans).toHaveLength(expectedCount);
    // "Kim <b>Jong</b>\n Un" spans three text nodes.
    const spanning = spans.find((s) => s.entityId === 'person:kim jong un' && s.mentionIndex === 0)!;
    expect(spanning.range.startContainer).not.toBe(spanning.range.endContainer);
  });

  it('past a limit, makes Ranges only for the first mentions and quotes in reading order', () => {
    const { doc, analysis } = setup();
    const location = locateBlocks(doc, analysis.blocks, null);
    const all = buildHighlightSpans(doc, analysis, location).sort(
      (a, b) => a.start - b.start || b.end - a.end,
    );
    expect(all.length).toBeGreaterThan(3);
    const first = runToEnd(buildHighlightSpansSliced(doc, analysis, location, 3));
    expect(first.map((s) => [s.start, s.end, s.kind])).toEqual(
      all.slice(0, 3).map((s) => [s.start, s.end, s.kind]),
    );
  });

  it('paints no mention of a possible name (below the confidence threshold)', () => {
    const { doc, analysis } = setup();
    const possible = analysis.entities[0]!;
    const marked = {
      ...analysis,
      entities: analysis.entities.map((e) => (e === possible ? { ...e, possible: true } : e)),
    };
    const spans = buildHighlightSpans(doc, marked, locateBlocks(doc, marked.blocks, null));
    expect(spans.some((s) => s.entityId === possible.id)).toBe(false);
    expect(spans.some((s) => s.entityId !== null)).toBe(true);
  });

  it('highlights only the article: never navigation, teasers, ads or comments', () => {
    const { doc, analysis } = setup();
    const spans = buildHighlightSpans(doc, analysis, locateBlocks(doc, analysis.blocks, null));
    const article = doc.querySelector('article')!;
    for (const span of spans) {
      const container = span.range.commonAncestorContainer;
      expect(article.contains(container)).toBe(true);
      const element = container.nodeType === 1 ? (container as Element) : container.parentElement!;
      expect(element.closest('.ad, nav, aside, #comments')).toBeNull();
    }
  });

  it('leaves out a block the page no longer has, and keeps the others', () => {
    const { doc, analysis } = setup();
    doc.querySelectorAll('article p')[1]!.remove();
    const location = locateBlocks(doc, analysis.blocks, null);
    expect(location.blocks.map((b) => b !== null)).toEqual([true, true, false]);
    const spans = buildHighlightSpans(doc, analysis, location);
    expect(spans.every((s) => s.start < analysis.blocks[2]!.start)).toBe(true);
    expect(spans.length).toBeGreaterThan(0);
  });
});

/** Anchors as the extractor builds them: per block element, the live Text nodes and raw offsets of each char. */
function anchorsFor(doc: Document): BlockAnchor[] {
  const elements = [doc.querySelector('article h1')!, ...doc.querySelectorAll('article p')];
  return elements.map((element) => {
    const chars: Array<{ node: Text; offset: number; ch: string }> = [];
    const walker = doc.createTreeWalker(element, 4);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        const space = /\s/.test(node.data[i]!);
        if (space && (chars.length === 0 || chars.at(-1)!.ch === ' ')) continue;
        chars.push({ node, offset: i, ch: space ? ' ' : node.data[i]! });
      }
    }
    if (chars.at(-1)?.ch === ' ') chars.pop();
    const pieces: BlockAnchor['pieces'] = [];
    chars.forEach((c, index) => {
      const last = pieces.at(-1);
      if (last && last.node === c.node) {
        last.end = index + 1;
        last.rawOffsets.push(c.offset);
      } else pieces.push({ node: c.node, start: index, end: index + 1, rawOffsets: [c.offset] });
    });
    return { pieces };
  });
}

describe('locating with live anchors from extraction', () => {
  it('uses anchors that still describe the page', () => {
    const { doc, analysis } = setup();
    const anchors = anchorsFor(doc);
    const location = locateBlocks(doc, analysis.blocks, anchors);
    expect(location.blocks.map((b) => b?.source)).toEqual(['anchor', 'anchor', 'anchor']);
    const spans = buildHighlightSpans(doc, analysis, location);
    expect(spans.map((s) => s.range.toString().replace(/\s+/g, ' '))).toEqual(
      spans.map((s) => analysis.text.slice(s.start, s.end)),
    );
  });

  it('falls back to search for a block whose anchored node was replaced (hydration) or edited', () => {
    const { doc, analysis } = setup();
    const anchors = anchorsFor(doc);
    const second = doc.querySelectorAll('article p')[1]!;
    second.replaceWith(second.cloneNode(true)); // same text, new nodes: anchors are detached
    const first = doc.querySelector('article h1')!.firstChild as Text;
    first.data = 'Gipfel in  Moskau'; // same collapsed text, different raw offsets
    const location = locateBlocks(doc, analysis.blocks, anchors);
    expect(location.blocks.map((b) => b?.source)).toEqual(['search', 'anchor', 'search']);
    const spans = buildHighlightSpans(doc, analysis, location);
    for (const span of spans) expect(span.range.startContainer.isConnected).toBe(true);
    expect(spans.map((s) => s.range.toString().replace(/\s+/g, ' '))).toEqual(
      spans.map((s) => analysis.text.slice(s.start, s.end)),
    );
  });
});
