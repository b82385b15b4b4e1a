import { describe, expect, it } from 'vitest';
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

function train(withEnglish: boolean) {
  const resources = buildResources('de', {}, {}, []);
  return trainTagger(withEnglish ? [...german, ...english] : german, {
    lang: 'de',
    epochs: 5,
    seed: 1,
    minFeatureCount: 1,
    pruneBelow: 0,
    scale: 16,
    resources,
    resourcesFor: () => resources,
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
