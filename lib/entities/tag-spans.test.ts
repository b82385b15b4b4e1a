import { describe, expect, it } from 'vitest';
import { tagsToSpans } from './tag-spans.ts';

describe('tagsToSpans', () => {
  it('turns IOB2 tags into spans, starting a new span on a type change', () => {
    expect(tagsToSpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'ORG' },
    ]);
  });
});
