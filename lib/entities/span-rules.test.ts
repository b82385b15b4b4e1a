import { describe, expect, it } from 'vitest';
import type { FeatureResources } from './features.ts';
import { HashedWordSet } from './lexicon.ts';
import { applySpanRules } from './span-rules.ts';

const resources = {
  wordSets: {
    nouns: HashedWordSet.from(['Drohnenangriffe', 'Hochzeitsfeier']),
    givenNames: HashedWordSet.from(['Nikolas', 'Katrin', 'Lisa', 'Marie', 'Hudson']),
  },
  gazetteer: { kindOf: (name: string) => ({ Berlin: 'LOC', Hudson: 'LOC', 'Katrin Stadion': 'LOC' })[name] },
  firstNames: HashedWordSet.from(['Isabelle']),
  lang: 'de',
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

  it('adds the surname the tagger left out after a lone given name, when it is capitalised and not a role', () => {
    expect(rules('Stadträtin Katrin Habicht zeigte', ['O', 'B-PER', 'O', 'O'])).toEqual([
      'O',
      'B-PER',
      'I-PER',
      'O',
    ]);
    expect(rules('Isabelle Graw sieht', ['B-PER', 'O', 'O'])).toEqual(['B-PER', 'I-PER', 'O']);
    // Not after a name that is no given name, nor before a lower-case word, a role or another name.
    expect(rules('Habicht Katrin sagte', ['B-PER', 'O', 'O'])).toEqual(['B-PER', 'O', 'O']);
    expect(rules('Katrin sagte', ['B-PER', 'O'])).toEqual(['B-PER', 'O']);
    expect(rules('Katrin Kanzlerin', ['B-PER', 'O'])).toEqual(['B-PER', 'O']);
    expect(rules('Katrin Berlin', ['B-PER', 'B-LOC'])).toEqual(['B-PER', 'B-LOC']);
    expect(rules('Katrin Habicht', ['B-LOC', 'O'])).toEqual(['B-LOC', 'O']);
    const english = { ...resources, lang: 'en' };
    expect(applySpanRules(['Katrin', 'Baker'], ['B-PER', 'O'], english)).toEqual(['B-PER', 'O']);
  });

  it('keeps a double given name whole: alone before a surname, or tagged with the surname left out', () => {
    expect(rules('Zuspielerin Lisa-Marie Krause .', ['O', 'O', 'O', 'O'])).toEqual([
      'O',
      'B-PER',
      'I-PER',
      'O',
    ]);
    expect(rules('Lisa-Marie Krause sagte', ['B-PER', 'O', 'O'])).toEqual(['B-PER', 'I-PER', 'O']);
    // Not when a part is no given name, nor before a lower-case word, a role or a place.
    expect(rules('Lisa-Nikola Krause', ['O', 'O'])).toEqual(['O', 'O']);
    expect(rules('Lisa-Marie sagte', ['O', 'O'])).toEqual(['O', 'O']);
    expect(rules('Lisa-Marie Kanzlerin', ['O', 'O'])).toEqual(['O', 'O']);
    expect(rules('Lisa-Marie Berlin', ['O', 'O'])).toEqual(['O', 'O']);
    // A plain given name before an untagged word is left to the tagger.
    expect(rules('Katrin Habicht', ['O', 'O'])).toEqual(['O', 'O']);
  });

  it('makes a two-word place or organisation of a given name and a surname a person', () => {
    expect(rules('Kunsthistorikerin Isabelle Graw sieht', ['O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'O',
      'B-PER',
      'I-PER',
      'O',
    ]);
    expect(rules('Lisa-Marie Krause', ['B-ORG', 'I-ORG'])).toEqual(['B-PER', 'I-PER']);
    // Not when the gazetteer files the name or its last word as a place, nor for longer spans.
    expect(rules('Katrin Stadion', ['B-LOC', 'I-LOC'])).toEqual(['B-LOC', 'I-LOC']);
    expect(rules('Katrin Berlin', ['B-LOC', 'I-LOC'])).toEqual(['B-LOC', 'I-LOC']);
    expect(rules('Hudson River', ['B-LOC', 'I-LOC'])).toEqual(['B-LOC', 'I-LOC']);
    expect(rules('Katrin Habicht Halle', ['B-ORG', 'I-ORG', 'I-ORG'])).toEqual(['B-ORG', 'I-ORG', 'I-ORG']);
    const english = { ...resources, lang: 'en' };
    expect(applySpanRules(['Isabelle', 'Graw'], ['B-LOC', 'I-LOC'], english)).toEqual(['B-LOC', 'I-LOC']);
  });
});
