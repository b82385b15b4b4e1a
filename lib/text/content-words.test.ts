import { describe, expect, it } from 'vitest';
import { contentTerms, sentenceTerms, stem, termsMatch } from './content-words.ts';

describe('content words', () => {
  it('gives topical terms folded and stemmed, without stop words of any language read', () => {
    expect(contentTerms('Die Studenten über Putins neue Pläne für 2025')).toEqual([
      'student',
      'putin',
      'plan',
    ]);
    expect(contentTerms('Les élèves et la réforme')).toEqual(['elev', 'reform']);
    expect(termsMatch('regierung', 'regierungskrise')).toBe(true);
  });

  it('stems by the longest inflection ending, and leaves short words alone', () => {
    expect(
      ['stories', 'bauern', 'lehrern', 'hauses', 'kinder', 'frauen', 'politics', 'leben', 'reise'].map(stem),
    ).toEqual(['stor', 'bau', 'lehr', 'haus', 'kind', 'frau', 'politic', 'leb', 'reis']);
    expect(['haus', 'ies', 'ernst', 'abcd', 'kurs'].map(stem)).toEqual([
      'haus',
      'ies',
      'ernst',
      'abcd',
      'kurs',
    ]);
  });

  it('gives the summariser its terms as written, without German and English function words', () => {
    expect(sentenceTerms('Die Regierung hat über 40 Gesetze beschlossen.')).toEqual([
      'regierung',
      'gesetze',
      'beschlossen',
    ]);
  });
});
