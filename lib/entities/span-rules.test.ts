import { describe, expect, it } from 'vitest';
import type { FeatureResources } from './features.ts';
import { HashedWordSet } from './lexicon.ts';
import { applySpanRules } from './span-rules.ts';

const resources = {
  wordSets: {
    nouns: HashedWordSet.from(['Drohnenangriffe', 'Hochzeitsfeier']),
    givenNames: HashedWordSet.from(['Nikolas']),
  },
} as unknown as FeatureResources;

const rules = (sentence: string, tags: string[]) => applySpanRules(sentence.split(' '), tags, resources);

describe('applySpanRules', () => {
  it('reports only PER, LOC and ORG: the learnt MISC and DERIV classes become O', () => {
    expect(rules('die deutschen Truppen im Ukraine-Krieg', ['O', 'B-DERIV', 'O', 'O', 'B-MISC'])).toEqual([
      'O',
      'O',
      'O',
      'O',
      'O',
    ]);
  });

  it('drops leading role nouns and titles, and a lone one', () => {
    expect(rules('Machthaber Kim Jong Un', ['B-PER', 'I-PER', 'I-PER', 'I-PER'])).toEqual([
      'O',
      'B-PER',
      'I-PER',
      'I-PER',
    ]);
    expect(rules('sagte Dr. Parker', ['O', 'B-PER', 'I-PER'])).toEqual(['O', 'O', 'B-PER']);
    expect(rules('Queen of South', ['B-ORG', 'I-ORG', 'I-ORG'])).toEqual(['B-ORG', 'I-ORG', 'I-ORG']);
    expect(rules('der Kanzler sagte', ['O', 'B-PER', 'O'])).toEqual(['O', 'O', 'O']);
  });

  it("drops the noun a person's genitive owns, but not from a given name ending in s", () => {
    expect(rules('bei Wulffs Hochzeitsfeier', ['O', 'B-PER', 'I-PER'])).toEqual(['O', 'B-PER', 'O']);
    expect(rules('Nikolas Hochzeitsfeier', ['B-PER', 'I-PER'])).toEqual(['B-PER', 'I-PER']);
    expect(rules('Wulffs Hochzeitsfeier', ['B-ORG', 'I-ORG'])).toEqual(['B-ORG', 'I-ORG']);
  });
});
