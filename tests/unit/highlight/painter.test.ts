import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createHighlightApiPainter } from '../../../lib/highlight/painter.ts';
import type { HighlightSpan } from '../../../lib/highlight/spans.ts';
import { installHighlightApi } from './fake-highlight-api.ts';

/** A place span over `range`, the `i`th mention. */
const placeSpan = (range: Range, i: number) =>
  ({
    kind: 'place',
    range,
    start: i,
    end: i + 1,
    entityId: 'place:x',
    mentionIndex: i,
    quoteId: null,
  }) as HighlightSpan;

describe('Highlight API painter', () => {
  it('fills a highlight with more ranges than a call can take arguments (no spread)', () => {
    const { window } = new JSDOM('<!doctype html><p>x</p>');
    const registry = installHighlightApi(window);
    const painter = createHighlightApiPainter(window.document);
    // 200k mentions: spreading them into `new Highlight(...)` throws "Maximum call stack size exceeded"
    // in V8 (Chromium paints nothing); the painter must not depend on argument-list limits.
    const range = window.document.createRange();
    const spans = Array.from({ length: 200_000 }, (_, i) => placeSpan(range, i));
    painter.paint(spans, new Set(['place']));
    expect(registry.get(painter.names!.place)?.size).toBe(1); // one Range object, added 200k times
    expect(painter.paintedText().place).toHaveLength(200_000);
  });

  it('registerBeforeAdding (Firefox): the highlight is registered first and fills as the paint goes on', () => {
    const { window } = new JSDOM(`<!doctype html>${'<p>Berlin and Paris</p>'.repeat(600)}`);
    const registry = installHighlightApi(window);
    const spans = [...window.document.querySelectorAll('p')].map((p, i) => {
      const range = window.document.createRange();
      range.selectNodeContents(p.firstChild!);
      return placeSpan(range, i);
    });
    const sizes = (painter: ReturnType<typeof createHighlightApiPainter>) => {
      const seen: number[] = [];
      for (const _ of painter.paintSliced(spans, new Set(['place'])))
        seen.push(registry.get(painter.names!.place)?.size ?? 0);
      seen.push(registry.get(painter.names!.place)?.size ?? 0);
      return seen;
    };
    const early = createHighlightApiPainter(window.document, undefined, { registerBeforeAdding: true });
    expect(sizes(early)).toEqual([250, 500, 600]);
    early.clear();
    // Chromium's way: nothing is registered until every range is in.
    expect(sizes(createHighlightApiPainter(window.document))).toEqual([0, 0, 600]);
  });
});
