import { describe, expect, it } from 'vitest';
import { isPossessedNoun, sentenceFeatures } from './features.ts';
import { buildResources } from './model.ts';

const resources = buildResources('de', { LOC: ['Berlin'] }, { '1': ['sagte'] }, ['Olaf'], {
  nouns: { bloom: ['Größe', 'Gestank', 'Soldaten', 'Richter'] },
  givenNames: ['Olaf', 'Brigitte', 'Nikolas'],
  surnames: ['Richter', 'Scholz'],
});

/** The values of one template for each token. */
function valuesOf(tokens: string[], template: string): string[][] {
  return sentenceFeatures(tokens, resources).map((features) =>
    features.filter((f) => f.startsWith(`${template}=`)).map((f) => f.slice(template.length + 1)),
  );
}

describe('lexicon features', () => {
  it('marks common nouns, and compounds that end in one', () => {
    expect(valuesOf(['Die', 'Größe', 'und', 'der', 'Schweinegestank'], 'noun')).toEqual([
      [],
      ['N'],
      [],
      [],
      ['T'],
    ]);
  });

  it('leaves lower-case words and unknown names without a noun value', () => {
    expect(valuesOf(['größe', 'Thierse'], 'noun')).toEqual([[], []]);
  });

  it('marks given names and surnames, and both for a surname that is also a noun', () => {
    const tokens = ['Brigitte', 'Scholz', 'und', 'Richter'];
    expect(valuesOf(tokens, 'name')).toEqual([['G'], ['S'], [], ['S']]);
    expect(valuesOf(tokens, 'noun|name')).toEqual([[], [], [], ['NS']]);
  });

  it('tells each word whether its neighbours are names', () => {
    const tokens = ['Brigitte', 'Weigl', 'sagte'];
    expect(valuesOf(tokens, 'name-1')).toEqual([[], ['GC'], []]);
    expect(valuesOf(tokens, 'name+1')).toEqual([[], [], []]);
    expect(valuesOf(['Herr', 'Scholz'], 'name+1')).toEqual([['SC'], []]);
  });
});

describe('word-cluster features', () => {
  // Classes as training/clusters.ts numbers them: coarse × 16 + fine (Berlin and Paris 35: coarse 2).
  const clustered = buildResources('de', {}, {}, [], {
    clusters: new Map([
      ['in', 3],
      ['Berlin', 35],
      ['Paris', 35],
      ['wohnt', 200],
      ['die', 7],
    ]),
  });
  const of = (tokens: string[], template: string) =>
    sentenceFeatures(tokens, clustered).map((features) =>
      features.filter((f) => f.startsWith(`${template}=`)).map((f) => f.slice(template.length + 1)),
    );

  it('gives a word its class and coarse class, and its neighbours theirs', () => {
    const tokens = ['Anna', 'wohnt', 'in', 'Berlin'];
    expect(of(tokens, 'cl')).toEqual([['-'], ['200'], ['3'], ['35']]);
    expect(of(tokens, 'clc')).toEqual([[], ['12'], ['0'], ['2']]);
    expect(of(tokens, 'cl-1')).toEqual([['<s>'], ['-'], ['200'], ['3']]);
    expect(of(tokens, 'cl+1')).toEqual([['200'], ['3'], ['35'], ['</s>']]);
  });

  it('reads the lower-case form of a capitalised first word', () => {
    expect(of(['Die', 'Berlin'], 'cl0')).toEqual([['7'], []]);
    expect(of(['Berlin', 'die'], 'cl0')).toEqual([['-'], []]);
  });

  it('adds no cluster feature to a model without clusters', () => {
    const features = sentenceFeatures(['Anna', 'wohnt', 'in', 'Berlin'], resources).flat();
    expect(features.filter((f) => /^cl/.test(f))).toEqual([]);
  });
});

describe('isPossessedNoun', () => {
  it('finds the noun a genitive name owns', () => {
    expect(isPossessedNoun('Putins', 'Größe', resources)).toBe(true);
    expect(isPossessedNoun('Putins', 'Schweinegestank', resources)).toBe(true);
  });

  it('keeps surnames, unknown words, and given names that end in s', () => {
    expect(isPossessedNoun('Olafs', 'Richter', resources)).toBe(false);
    expect(isPossessedNoun('Putins', 'Thierse', resources)).toBe(false);
    expect(isPossessedNoun('Nikolas', 'Größe', resources)).toBe(false);
    expect(isPossessedNoun('Anna', 'Größe', resources)).toBe(false);
  });
});
