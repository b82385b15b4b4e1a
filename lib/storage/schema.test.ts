import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { openLibrary } from './library.ts';
import { cardOf, MIGRATIONS, openLibraryDb, SCHEMA_VERSION } from './schema.ts';

describe('schema migrations', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
  });

  it('creates the current schema on a fresh database', async () => {
    const db = await openLibraryDb(new IDBFactory());
    expect(db.version).toBe(SCHEMA_VERSION);
    const store = db.transaction('articles').store;
    expect([...store.indexNames].sort()).toEqual(['bySavedAt', 'byTag', 'byUrl']);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'cards', 'meta']);
    db.close();
  });

  it('upgrades a version-3 database: its cards gain the save-date index the first screen reads', async () => {
    const factory = new IDBFactory();
    const v3 = await openLibraryDb(factory, 3);
    expect([...v3.transaction('cards').store.indexNames]).toEqual([]);
    for (const day of [1, 3, 2]) {
      const article = makeSavedArticle({ title: `Day ${day}`, savedAt: `2025-01-0${day}T00:00:00.000Z` });
      await v3.put('articles', article);
      await v3.put('cards', cardOf(article, 1));
    }
    v3.close();
    const library = await openLibrary(factory, { broadcast: false });
    expect((await library.newestCards(2)).map((c) => c.title)).toEqual(['Day 3', 'Day 2']);
    library.close();
  });

  it('upgrades a version-1 database without losing its articles', async () => {
    const factory = new IDBFactory();
    const v1 = await openLibraryDb(factory, 1);
    // A v1 record had no tags, read state or blocks.
    const { tags: _t, read: _r, blocks: _b, ...oldShape } = makeSavedArticle({ title: 'From version 1' });
    await v1.put('articles', oldShape as never);
    v1.close();

    const library = await openLibrary(factory, { broadcast: false });
    const [card] = await library.list();
    expect(card).toMatchObject({ title: 'From version 1', tags: [], read: false });
    const article = await library.get(card!.id);
    expect(article).toMatchObject({ title: 'From version 1', tags: [], read: false, blocks: [] });
    // The migrated record is searchable (v3 built its card) and works with what came with v2.
    expect((await library.search({ query: 'version' })).map((a) => a.title)).toEqual(['From version 1']);
    await library.update(article!.id, { tags: ['kept'] });
    expect((await library.search({ filters: { tag: 'kept' } })).map((a) => a.title)).toEqual([
      'From version 1',
    ]);
    library.close();
  });

  it('upgrades a version-4 database: addresses that now name one article merge into one record, losing no tag or read state', async () => {
    const factory = new IDBFactory();
    const v4 = await openLibraryDb(factory, 4);
    // Under the v4 key "www." mattered, so these were two records.
    const first = makeSavedArticle({
      url: 'https://www.zeitung.example/politik/wahl',
      normalizedUrl: 'www.zeitung.example/politik/wahl',
      title: 'Wahl (first copy)',
      savedAt: '2025-01-01T00:00:00.000Z',
      tags: ['Politik'],
      read: true,
    });
    const later = makeSavedArticle({
      url: 'https://zeitung.example/politik/wahl?ref_src=tw',
      normalizedUrl: 'zeitung.example/politik/wahl?ref_src=tw',
      title: 'Wahl (later copy)',
      savedAt: '2025-02-01T00:00:00.000Z',
      tags: ['politik', 'Wahl'],
    });
    const other = makeSavedArticle({
      url: 'https://www.zeitung.example/sport/a',
      normalizedUrl: 'www.zeitung.example/sport/a',
    });
    for (const article of [first, later, other]) {
      await v4.put('articles', article);
      await v4.put('cards', cardOf(article, 1));
    }
    v4.close();

    const library = await openLibrary(factory, { broadcast: false });
    const cards = await library.list();
    expect(cards.map((c) => c.id).sort()).toEqual([first.id, other.id].sort());
    const merged = await library.get(first.id);
    expect(merged).toMatchObject({
      title: 'Wahl (later copy)',
      savedAt: first.savedAt,
      tags: ['Politik', 'Wahl'],
      read: true,
      normalizedUrl: 'zeitung.example/politik/wahl',
    });
    expect(await library.get(later.id)).toBeUndefined();
    expect((await library.getByUrl('http://zeitung.example/politik/wahl/'))?.id).toBe(first.id);
    expect((await library.search({ query: 'later' })).map((c) => c.id)).toEqual([first.id]);
    // The rebuilt unique index still refuses a second record for the article: saving again merges.
    await library.save(
      makeSavedArticle({ url: 'https://www.zeitung.example/politik/wahl#top', tags: ['neu'] }),
    );
    expect(await library.list()).toHaveLength(2);
    library.close();
  });
});
