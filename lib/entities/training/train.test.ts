import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../features.ts';
import { buildResources, tagSentence } from '../model.ts';
import { trainTagger } from './train.ts';

const sentence = (text: string, tags: string) => ({ tokens: text.split(' '), tags: tags.split(' ') });

/** A tiny German corpus that never mentions Zorbik, and an English one that does, as a company. */
const german = [
  sentence('Anna wohnt in Berlin .', 'B-PER O O B-LOC O'),
  sentence('Die Firma baut Autos .', 'O O O O O'),
  sentence('In Berlin regnet es .', 'O B-LOC O O O'),
  sentence('Anna kauft Brot .', 'B-PER O O O'),
];
const english = [
  sentence('Zorbik sells cars .', 'B-ORG O O O'),
  sentence('Shares of Zorbik rose .', 'O O B-ORG O O'),
  sentence('Zorbik said on Monday .', 'B-ORG O O O O'),
];

/** Small-corpus training options: five epochs, no pruning, empty word lists. */
function options() {
  const resources = buildResources('de', {}, {}, []);
  return {
    lang: 'de',
    epochs: 5,
    seed: 1,
    minFeatureCount: 1,
    pruneBelow: 0,
    scale: 16,
    resources,
    resourcesFor: () => resources,
  };
}

function train(withEnglish: boolean) {
  return trainTagger(withEnglish ? [...german, ...english] : german, {
    ...options(),
    auxiliaryFrom: german.length,
  });
}

describe('training with an auxiliary language (feature augmentation)', () => {
  it('carries what the other corpus teaches about a word into the model', () => {
    expect(tagSentence(train(true), ['Zorbik', 'baut', 'Autos', '.'])[0]).toBe('B-ORG');
    expect(tagSentence(train(false), ['Zorbik', 'baut', 'Autos', '.'])[0]).not.toBe('B-ORG');
  });

  it('still learns the model language itself', () => {
    expect(tagSentence(train(true), ['Anna', 'wohnt', 'in', 'Berlin', '.'])).toEqual([
      'B-PER',
      'O',
      'O',
      'B-LOC',
      'O',
    ]);
  });

  it('is reproducible', () => {
    const tokens = ['Shares', 'of', 'Anna', 'in', 'Berlin'];
    expect(tagSentence(train(true), tokens)).toEqual(tagSentence(train(true), tokens));
  });
});

describe('training with several domains', () => {
  /** German newspaper sentences (a domain of the model's own language) naming a place GermEval lacks. */
  const newspapers = [
    sentence('Quelbach liegt am Fluss .', 'B-LOC O O O O'),
    sentence('Nach Quelbach fährt Anna .', 'O B-LOC O B-PER O'),
  ];
  const domainOf = (si: number) => (si < german.length ? 0 : si < german.length + english.length ? 1 : 2);

  function trainDomains(sameLanguage: boolean) {
    return trainTagger([...german, ...english, ...newspapers], {
      ...options(),
      domainOf,
      sameLanguageDomains: new Set(sameLanguage ? [2] : []),
    });
  }
  const word = TEMPLATES.indexOf('w');

  it('keeps the features a same-language domain alone shows, and drops those of another language', () => {
    const model = trainDomains(true);
    expect(model.weights.weightsOf(word, 'Quelbach')).toBeDefined();
    expect(model.weights.weightsOf(word, 'Zorbik')).toBeUndefined();
    expect(tagSentence(model, ['Anna', 'wohnt', 'in', 'Quelbach', '.'])[3]).toBe('B-LOC');
  });

  it('drops them too when the domain is not marked as the same language', () => {
    expect(trainDomains(false).weights.weightsOf(word, 'Quelbach')).toBeUndefined();
  });

  it('trains as auxiliaryFrom does when domainOf gives the same split', () => {
    const tokens = ['Zorbik', 'baut', 'Autos', 'in', 'Berlin'];
    const viaDomains = trainTagger([...german, ...english], {
      ...options(),
      domainOf: (si) => (si < german.length ? 0 : 1),
    });
    expect(tagSentence(viaDomains, tokens)).toEqual(tagSentence(train(true), tokens));
    expect(viaDomains.weights.values).toEqual(train(true).weights.values);
  });
});
