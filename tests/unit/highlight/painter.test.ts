import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createHighlightApiPainter } from '../../../lib/highlight/painter.ts';
import type { HighlightSpan } from '../../../lib/highlight/spans.ts';
import { installHighlightApi } from './fake-highlight-api.ts';

describe('Highlight API painter', () => {
  it('fills a highlight with more ranges than a call can take arguments (no spread)', () => {
    const { window } = new JSDOM('<!doctype html><p>x</p>');
    const registry = installHighlightApi(window);
    const painter = createHighlightApiPainter(window.document);
    // 200k mentions: spreading them into `new Highlight(...)` throws "Maximum call stack size exceeded"
    // in V8 (Chromium paints nothing); the painter must not depend on argument-list limits.
    const range = window.document.createRange();
    const spans = Array.from(
      { length: 200_000 },
      (_, i) =>
        ({
          kind: 'place',
          range,
          start: i,
          end: i + 1,
          entityId: 'place:x',
          mentionIndex: i,
          quoteId: null,
        }) as HighlightSpan,
    );
    painter.paint(spans, new Set(['place']));
    expect(registry.get(painter.names!.place)?.size).toBe(1); // one Range object, added 200k times
    expect(painter.paintedText().place).toHaveLength(200_000);
  });
});
