import { describe, expect, it, vi } from 'vitest';
import type { SavedArticle, SavedCard } from '../../lib/storage/types.ts';
import type { Entity } from '../../lib/types.ts';
import { makeEntity } from '../../tests/support/entities.ts';
import { savedArticlesLike } from './saved-related.ts';

const entity = makeEntity;

function record(id: string, entities: Entity[]): SavedArticle {
  return {
    id,
    url: `https://example.org/${id}`,
    title: `Article ${id}`,
    entities,
  } as unknown as SavedArticle;
}
const cardOf = (a: SavedArticle) =>
  ({
    id: a.id,
    url: a.url,
    title: a.title,
    entityNames: a.entities.map((e) => e.name),
  }) as unknown as SavedCard;

describe('savedArticlesLike', () => {
  const current = [entity('Kim Jong Un', 'person', 6), entity('Pjöngjang', 'place', 3)];
  const articles = [
    record('weather', [entity('Hamburg', 'place', 4)]),
    record('korea', [entity('Kim Jong Un', 'person', 5), entity('Pjöngjang', 'place', 2)]),
    record('moscow', [entity('Pjöngjang', 'place', 1)]),
    record('self', [entity('Kim Jong Un', 'person', 6)]),
  ];
  articles[3]!.url = 'https://news.example/kim';

  it('ranks saved articles by what they share, reading only those that share a name', async () => {
    const library = {
      list: vi.fn(async () => articles.map(cardOf)),
      get: vi.fn(async (id: string) => articles.find((a) => a.id === id)),
    };
    const ranked = await savedArticlesLike(library, current, 'https://news.example/kim');
    expect(ranked.map((r) => r.id)).toEqual(['korea', 'moscow']);
    expect(ranked[0]!.shared).toEqual(expect.arrayContaining(['Kim Jong Un', 'Pjöngjang']));
    expect(library.get).not.toHaveBeenCalledWith('weather');
  });

  // Issue 14: saved articles naming "Kim Jong-un" were never offered for "Kim Jong Un".
  it('offers saved articles that spell a name differently under the one name fold', async () => {
    const spelt = [record('hyphen', [entity('Kim Jong-un', 'person', 3)])];
    const library = {
      list: vi.fn(async () => spelt.map(cardOf)),
      get: vi.fn(async (id: string) => spelt.find((a) => a.id === id)),
    };
    const ranked = await savedArticlesLike(library, current, 'https://news.example/kim');
    expect(ranked.map((r) => r.id)).toEqual(['hyphen']);
  });

  it('asks nothing of the library when the article names nobody', async () => {
    const library = { list: vi.fn(), get: vi.fn() };
    expect(await savedArticlesLike(library, [], 'https://x.example')).toEqual([]);
    expect(library.list).not.toHaveBeenCalled();
  });
});
