import { describe, expect, it } from 'vitest';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { searchCards } from './card-search.ts';
import { cardOf } from './schema.ts';
import type { SavedArticle } from './types.ts';

const card = (overrides: Partial<SavedArticle>) => cardOf(makeSavedArticle(overrides), 1);
const place = (name: string) => ({
  id: `place:${name}`,
  name,
  kind: 'place' as const,
  count: 1,
  aliases: [],
  firstSentence: '',
  sentences: [],
  mentions: [],
});

const cards = [
  card({
    title: 'Kim schreibt an Soldaten',
    text: 'Moskau steht dahinter.',
    siteName: 'Tagesblick',
    tags: ['nordkorea'],
    entities: [place('Pjöngjang')],
    savedAt: '2025-01-03T00:00:00.000Z',
  }),
  card({
    title: 'Reise nach Pjöngjang',
    siteName: 'Alpenpost',
    byline: 'Anna Straße',
    savedAt: '2025-01-02T00:00:00.000Z',
  }),
  card({ title: 'Budget talks', siteName: 'Daily Courier', savedAt: '2025-01-01T00:00:00.000Z' }),
];
const titles = (found: { title: string }[]) => found.map((c) => c.title);

describe('searchCards (the answer while the full-text index loads)', () => {
  it('matches title, entity names, tags, site and byline, folding case, diacritics and ß', () => {
    expect(titles(searchCards(cards, 'pjongjang'))).toEqual([
      'Reise nach Pjöngjang',
      'Kim schreibt an Soldaten',
    ]);
    expect(titles(searchCards(cards, 'NORDKOREA'))).toEqual(['Kim schreibt an Soldaten']);
    expect(titles(searchCards(cards, 'courier'))).toEqual(['Budget talks']);
    expect(titles(searchCards(cards, 'strasse'))).toEqual(['Reise nach Pjöngjang']);
  });

  it('matches prefixes, needs every term, and never looks at the text it does not have', () => {
    expect(titles(searchCards(cards, 'sold'))).toEqual(['Kim schreibt an Soldaten']);
    expect(titles(searchCards(cards, 'kim pjöngjang'))).toEqual(['Kim schreibt an Soldaten']);
    expect(searchCards(cards, 'kim courier')).toEqual([]);
    expect(searchCards(cards, 'moskau')).toEqual([]);
    expect(searchCards(cards, ' ,. ')).toEqual([]);
  });
});
