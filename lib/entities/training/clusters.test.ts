import { describe, expect, it } from 'vitest';
import { wordClusters } from './clusters.ts';

const text = [
  'Anna wohnt in Berlin .',
  'Anna wohnt in Paris .',
  'Otto lebt in Berlin .',
  'Otto lebt in Paris .',
  'Die Firma baut in Berlin Autos .',
  'Die Firma baut in Paris Autos .',
  'Anna sagt , dass Otto kommt .',
  'Otto sagt , dass Anna kommt .',
  'Der Hund schläft .',
].map((s) => s.split(' '));

const small = { coarse: 2, fine: 2, contexts: 5, minCount: 2 };

describe('word clusters', () => {
  it('puts words seen between the same neighbours in the same class', () => {
    const clusters = wordClusters(text, small);
    // Berlin and Paris, and Anna and Otto, have the same neighbours as often: the same vector.
    expect(clusters.get('Berlin')).toBe(clusters.get('Paris'));
    expect(clusters.get('Anna')).toBe(clusters.get('Otto'));
    for (const c of clusters.values()) expect(c).toBeGreaterThanOrEqual(0);
    for (const c of clusters.values()) expect(c).toBeLessThan(4);
    // More than one class is used.
    expect(new Set(clusters.values()).size).toBeGreaterThan(1);
  });

  it('classes only the most frequent words seen at least minCount times', () => {
    const clusters = wordClusters(text, { ...small, words: 3 });
    // '.' 9 times, 'in' 6, then Anna and Otto 4 each: a tie goes to the word that sorts first.
    expect([...clusters.keys()].sort()).toEqual(['.', 'Anna', 'in']);
    expect(wordClusters(text, small).has('Hund')).toBe(false);
  });

  it('is deterministic and does not depend on the order of the sentences', () => {
    const once = [...wordClusters(text, small)];
    expect([...wordClusters(text, small)]).toEqual(once);
    const reordered = new Map(wordClusters([...text].reverse(), small));
    expect(new Map(once)).toEqual(reordered);
  });
});
