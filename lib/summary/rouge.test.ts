import { describe, expect, it } from 'vitest';
import { lcsLength, rougeL, rougeN, rougeTokens } from './rouge.ts';

describe('ROUGE', () => {
  it('tokenises like rouge-score: lower case, non-alphanumerics separate', () => {
    expect(rougeTokens("The U.S. isn't 2-1 up!")).toEqual(['the', 'u', 's', 'isn', 't', '2', '1', 'up']);
    expect(rougeTokens('Größe „Straße“')).toEqual(['größe', 'straße']);
  });

  // The example in Lin (2004) and in rouge-score's tests:
  // candidate "the cat was found under the bed", reference "the cat was under the bed".
  it('computes ROUGE-1 by hand: 6 of 7 candidate and 6 of 6 reference unigrams match', () => {
    const s = rougeN('the cat was found under the bed', 'the cat was under the bed', 1);
    expect(s.precision).toBeCloseTo(6 / 7, 10);
    expect(s.recall).toBeCloseTo(1, 10);
    expect(s.f1).toBeCloseTo((2 * (6 / 7)) / (6 / 7 + 1), 10);
  });

  it('computes ROUGE-2 by hand: 4 of 6 candidate and 4 of 5 reference bigrams match', () => {
    const s = rougeN('the cat was found under the bed', 'the cat was under the bed', 2);
    expect(s.precision).toBeCloseTo(4 / 6, 10);
    expect(s.recall).toBeCloseTo(4 / 5, 10);
    expect(s.f1).toBeCloseTo(8 / 11, 10);
  });

  it('clips repeated n-grams to the reference count', () => {
    const s = rougeN('the the the the', 'the cat', 1);
    expect(s.precision).toBeCloseTo(1 / 4, 10);
    expect(s.recall).toBeCloseTo(1 / 2, 10);
  });

  it('computes ROUGE-L from the longest common subsequence', () => {
    // rouge-score's test: "testing one two" vs "testing two" → LCS 2, P 2/3, R 1.
    const s = rougeL('testing one two', 'testing two');
    expect(s.precision).toBeCloseTo(2 / 3, 10);
    expect(s.recall).toBeCloseTo(1, 10);
    expect(s.f1).toBeCloseTo(0.8, 10);
    expect(lcsLength(['a', 'b', 'c', 'b', 'd', 'a', 'b'], ['b', 'd', 'c', 'a', 'b', 'a'])).toBe(4);
  });

  it('gives zero, not NaN, for empty texts', () => {
    expect(rougeN('', 'the cat', 1).f1).toBe(0);
    expect(rougeL('the cat', '').f1).toBe(0);
  });
});
