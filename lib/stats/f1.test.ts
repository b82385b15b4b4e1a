import { describe, expect, it } from 'vitest';
import { f1Score } from './f1.ts';

describe('f1Score', () => {
  it('is the harmonic mean of precision and recall', () => {
    expect(f1Score(1, 1)).toBe(1);
    expect(f1Score(0.5, 1)).toBeCloseTo(2 / 3, 12);
    expect(f1Score(0.9, 0.6)).toBeCloseTo(0.72, 12);
  });

  it('is 0, not NaN, when nothing was found right', () => {
    expect(f1Score(0, 0)).toBe(0);
    expect(f1Score(0, 1)).toBe(0);
  });
});
