import { describe, expect, it } from 'vitest';
import {
  ENTITY_KINDS,
  HIGHLIGHT_KINDS,
  isEntityKind,
  isHighlightKind,
  isQuoteKind,
  QUOTE_KINDS,
} from './types.ts';

describe('highlight kinds', () => {
  it('lists entity kinds before quote kinds, each once', () => {
    expect(HIGHLIGHT_KINDS).toEqual([...ENTITY_KINDS, ...QUOTE_KINDS]);
    expect(new Set(HIGHLIGHT_KINDS).size).toBe(HIGHLIGHT_KINDS.length);
  });

  it('guards tell the kinds apart and refuse anything else', () => {
    expect(isEntityKind('place')).toBe(true);
    expect(isEntityKind('speech')).toBe(false);
    expect(isQuoteKind('phrase')).toBe(true);
    expect(isHighlightKind('organization')).toBe(true);
    for (const value of ['Person', 'focus', '', null, 3, ['person']])
      expect(isHighlightKind(value)).toBe(false);
  });
});
