import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../tests/support/entities.ts';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { openLibrary } from './library.ts';
import { savedMentionsOf } from './saved-mentions.ts';

const person = (name: string) => makeEntity(name, 'person', 1);

async function libraryWith() {
  const library = await openLibrary(new IDBFactory(), { broadcast: false });
  const saved = (url: string, title: string, savedAt: string, names: string[]) =>
    library.save(makeSavedArticle({ url, title, savedAt, entities: names.map(person) }));
  await saved('https://a.example/1', 'Raketen über dem Meer', '2026-01-01T00:00:00Z', ['Kim Jong-un']);
  await saved('https://b.example/2', 'Summit in Hanoi', '2026-02-01T00:00:00Z', [
    'Kim Jong Un',
    'Donald Trump',
  ]);
  await saved('https://c.example/3', 'Budget talks', '2026-03-01T00:00:00Z', ['Kim Jong Il']);
  return library;
}

describe('saved articles that name an entity', () => {
  it('finds both spellings of a name, newest first, and no other name', async () => {
    const library = await libraryWith();
    const mentions = savedMentionsOf(await library.list(), 'Kim Jong Un', 'https://news.example/now');
    expect(mentions).toEqual({
      total: 2,
      articles: [
        { id: expect.any(String), title: 'Summit in Hanoi' },
        { id: expect.any(String), title: 'Raketen über dem Meer' },
      ],
    });
    library.close();
  });

  it('leaves out the article being read', async () => {
    const library = await libraryWith();
    const mentions = savedMentionsOf(await library.list(), 'Kim Jong-un', 'https://b.example/2#top');
    expect(mentions.articles.map((a) => a.title)).toEqual(['Raketen über dem Meer']);
    library.close();
  });

  it('the saved list filters by the name under the same fold', async () => {
    const library = await libraryWith();
    const found = await library.search({ filters: { entity: 'kim jong-un' } });
    expect(found.map((card) => card.title).sort()).toEqual(['Raketen über dem Meer', 'Summit in Hanoi']);
    library.close();
  });
});
