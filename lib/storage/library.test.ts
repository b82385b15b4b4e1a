import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { AsPlainObject } from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { FAKE_TIMERS } from '../../tests/support/settle.ts';
import { LibraryError } from './errors.ts';
import { readSnapshot } from './index-snapshot.ts';
import { type Library, openLibrary } from './library.ts';
import { openLibraryDb } from './schema.ts';
import { ArticleIndex, addPart, INDEX_VERSION } from './search-index.ts';

const opened: Library[] = [];
async function freshLibrary(factory = new IDBFactory()): Promise<Library> {
  const library = await openLibrary(factory, { broadcast: false });
  opened.push(library);
  return library;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const library of opened.splice(0)) library.close();
});

/** Makes the next `times` puts into a store (after `after` that succeed) throw, as a full disk does. */
function failPuts(times = 1, name = 'QuotaExceededError', { store = 'articles', after = 0 } = {}) {
  const original = IDBObjectStore.prototype.put;
  let left = times;
  let passed = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (this.name === store && passed++ >= after && left > 0) {
      left--;
      throw new DOMException('The quota has been exceeded.', name);
    }
    return original.apply(this, args);
  });
}

describe('library: save, read back, update, delete', () => {
  it("keeps a possible name's confidence and an unsure quote's candidate, so the reader paints as the page did", async () => {
    const library = await freshLibrary();
    const text = 'Radon sprach. Kim schwieg.';
    const saved = await library.save(
      makeSavedArticle({
        text,
        blocks: [{ kind: 'paragraph', text, start: 0 }],
        entities: [
          {
            id: 'person:radon',
            name: 'Radon',
            kind: 'person',
            count: 1,
            aliases: [],
            firstSentence: 'Radon sprach.',
            sentences: ['Radon sprach.'],
            mentions: [{ start: 0, end: 5, text: 'Radon' }],
            confidence: 0.3,
            possible: true,
          },
        ],
        quotes: [
          {
            id: 'q1',
            text: 'schwieg',
            kind: 'speech',
            start: 18,
            end: 25,
            speaker: null,
            speakerEntityId: null,
            speakerUnclear: true,
            speakerCandidateId: 'person:kim',
          },
        ],
      }),
    );
    const read = await library.get(saved.id);
    expect(read?.entities[0]).toMatchObject({ possible: true, confidence: 0.3 });
    expect(read?.quotes[0]).toMatchObject({ speakerUnclear: true, speakerCandidateId: 'person:kim' });
  });

  it('saves and finds an article by id and by any form of its URL', async () => {
    const library = await freshLibrary();
    const saved = await library.save(
      makeSavedArticle({ url: 'https://News.Example.com/a/b/?utm_source=x&id=3#top' }),
    );
    expect(await library.get(saved.id)).toEqual(saved);
    expect((await library.getByUrl('https://news.example.com/a/b?id=3'))?.id).toBe(saved.id);
    expect(await library.getByUrl('https://news.example.com/a/c')).toBeUndefined();
  });

  it('re-saving the same URL keeps one record with its id, saved-at, tags and read state', async () => {
    const library = await freshLibrary();
    const first = await library.save(makeSavedArticle({ url: 'https://example.org/story', tags: ['a'] }));
    await library.update(first.id, { read: true });
    const again = await library.save(
      makeSavedArticle({ url: 'https://example.org/story/?fbclid=zz', title: 'Updated title', tags: ['b'] }),
    );
    expect(again.id).toBe(first.id);
    expect(again.savedAt).toBe(first.savedAt);
    expect(again.title).toBe('Updated title');
    expect(again.tags).toEqual(['a', 'b']);
    expect(again.read).toBe(true);
    expect(await library.list()).toHaveLength(1);
  });

  it('updates tags (deduplicated, trimmed) and read state', async () => {
    const library = await freshLibrary();
    const a = await library.save(makeSavedArticle());
    const updated = await library.update(a.id, { tags: [' later ', 'Later', 'politik'], read: true });
    expect(updated.tags).toEqual(['later', 'politik']);
    expect((await library.get(a.id))?.read).toBe(true);
    await expect(library.update('missing', { read: true })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes and restores (undo) the same record', async () => {
    const library = await freshLibrary();
    const a = await library.save(makeSavedArticle({ tags: ['x'] }));
    await library.search();
    const removed = await library.remove(a.id);
    expect(removed).toEqual(a);
    expect(await library.get(a.id)).toBeUndefined();
    expect(await library.search()).toHaveLength(0);
    await library.restore(removed!);
    expect(await library.get(a.id)).toEqual(a);
    expect((await library.search()).map((x) => x.id)).toEqual([a.id]);
  });

  it('persists across reopen of the same database', async () => {
    const factory = new IDBFactory();
    const first = await freshLibrary(factory);
    const a = await first.save(makeSavedArticle());
    first.close();
    const second = await freshLibrary(factory);
    expect(await second.get(a.id)).toEqual(a);
  });
});

describe('library: search, filters, sort, facets', () => {
  async function filled() {
    const library = await freshLibrary();
    await library.save(
      makeSavedArticle({
        title: 'Kim schreibt an Soldaten',
        text: 'Kim Jong Un lobte die Truppen. Pjöngjang und Moskau stehen hinter ihnen.',
        lang: 'de',
        siteName: 'Tagesblick',
        tags: ['nordkorea'],
        savedAt: '2025-01-03T00:00:00.000Z',
        entities: [
          {
            id: 'place:pjöngjang',
            name: 'Pjöngjang',
            kind: 'place',
            count: 1,
            aliases: [],
            firstSentence: '',
            sentences: [],
            mentions: [],
          },
        ],
      }),
    );
    await library.save(
      makeSavedArticle({
        title: 'Budget talks stall in London',
        text: 'The chancellor met union leaders.',
        lang: 'en',
        siteName: 'Daily Courier',
        savedAt: '2025-01-02T00:00:00.000Z',
        read: true,
      }),
    );
    await library.save(
      makeSavedArticle({
        title: 'Alpine rail tunnel opens',
        text: 'Engineers celebrated in Zürich.',
        lang: 'en',
        siteName: null,
        url: 'https://www.alpenpost.example/rail',
        savedAt: '2025-01-01T00:00:00.000Z',
        tags: ['later'],
      }),
    );
    return library;
  }

  const titles = (articles: { title: string }[]) => articles.map((a) => a.title);

  it('finds words in the text, ignoring case and diacritics, and prefixes', async () => {
    const library = await filled();
    expect(titles(await library.search({ query: 'Pjöngjang' }))).toEqual(['Kim schreibt an Soldaten']);
    expect(titles(await library.search({ query: 'pjongjang' }))).toEqual(['Kim schreibt an Soldaten']);
    expect(titles(await library.search({ query: 'zurich' }))).toEqual(['Alpine rail tunnel opens']);
    expect(titles(await library.search({ query: 'chancel' }))).toEqual(['Budget talks stall in London']);
    expect(await library.search({ query: 'Ouagadougou' })).toEqual([]);
  });

  it('every query word must match', async () => {
    const library = await filled();
    expect(titles(await library.search({ query: 'kim moskau' }))).toEqual(['Kim schreibt an Soldaten']);
    expect(await library.search({ query: 'kim london' })).toEqual([]);
  });

  it('filters by tag, site (host without a site name), language, entity and read state', async () => {
    const library = await filled();
    expect(titles(await library.search({ filters: { tag: 'nordkorea' } }))).toEqual([
      'Kim schreibt an Soldaten',
    ]);
    expect(titles(await library.search({ filters: { site: 'alpenpost.example' } }))).toEqual([
      'Alpine rail tunnel opens',
    ]);
    expect(titles(await library.search({ filters: { lang: 'en' } }))).toEqual([
      'Budget talks stall in London',
      'Alpine rail tunnel opens',
    ]);
    expect(titles(await library.search({ filters: { entity: 'pjöngjang' } }))).toEqual([
      'Kim schreibt an Soldaten',
    ]);
    expect(titles(await library.search({ filters: { read: true } }))).toEqual([
      'Budget talks stall in London',
    ]);
    expect(await library.search({ query: 'kim', filters: { lang: 'en' } })).toEqual([]);
  });

  it('sorts newest, oldest, by title and by site', async () => {
    const library = await filled();
    expect(titles(await library.search())).toEqual([
      'Kim schreibt an Soldaten',
      'Budget talks stall in London',
      'Alpine rail tunnel opens',
    ]);
    expect(titles(await library.search({ sort: 'oldest' }))[0]).toBe('Alpine rail tunnel opens');
    expect(titles(await library.search({ sort: 'title' }))).toEqual([
      'Alpine rail tunnel opens',
      'Budget talks stall in London',
      'Kim schreibt an Soldaten',
    ]);
    expect(titles(await library.search({ sort: 'site' }))[0]).toBe('Alpine rail tunnel opens');
  });

  it('counts facets for the filter menus', async () => {
    const library = await filled();
    const facets = await library.facets();
    expect(facets.langs).toEqual([
      ['en', 2],
      ['de', 1],
    ]);
    expect(facets.tags).toEqual([
      ['later', 1],
      ['nordkorea', 1],
    ]);
    expect(facets.entities).toEqual([['Pjöngjang', 1]]);
    expect(facets.sites.map(([s]) => s).sort()).toEqual(
      ['alpenpost.example', 'Daily Courier', 'Tagesblick'].sort(),
    );
  });

  it('sees writes made after the index was built, and refresh() picks up writes from elsewhere', async () => {
    const factory = new IDBFactory();
    const library = await freshLibrary(factory);
    const other = await freshLibrary(factory);
    expect(await library.search({ query: 'volcano' })).toEqual([]);
    await library.save(makeSavedArticle({ title: 'Volcano erupts' }));
    expect(titles(await library.search({ query: 'volcano' }))).toEqual(['Volcano erupts']);
    await other.save(makeSavedArticle({ title: 'Glacier melts' }));
    expect(await library.search({ query: 'glacier' })).toEqual([]);
    library.refresh();
    expect(titles(await library.search({ query: 'glacier' }))).toEqual(['Glacier melts']);
  });
});

describe('library: persisted search index', () => {
  it('reloads the saved snapshot and re-indexes only what changed since', async () => {
    const factory = new IDBFactory();
    const first = await freshLibrary(factory);
    const kept = await first.save(makeSavedArticle({ title: 'Harbour strike ends' }));
    const gone = await first.save(makeSavedArticle({ title: 'Ferry timetable changes' }));
    await first.search();
    await first.persistIndex();
    const snapshot = await getSnapshot(factory);
    expect(Object.keys(snapshot.revs).sort()).toEqual([kept.id, gone.id].sort());

    // Another context changes the library while no index is loaded anywhere.
    const other = await freshLibrary(factory);
    await other.remove(gone.id);
    const added = await other.save(makeSavedArticle({ title: 'Harbour reopens' }));
    await other.update(kept.id, { tags: ['port'] });

    const reader = await freshLibrary(factory);
    expect((await reader.search({ query: 'harbour' })).map((a) => a.id).sort()).toEqual(
      [kept.id, added.id].sort(),
    );
    expect(await reader.search({ query: 'ferry' })).toEqual([]);
    expect((await reader.search({ query: 'port' })).map((a) => a.id)).toEqual([kept.id]);
    await reader.persistIndex();
    expect(Object.keys((await getSnapshot(factory)).revs).sort()).toEqual([kept.id, added.id].sort());
  });

  it('rebuilds from the articles when the snapshot is unreadable', async () => {
    const factory = new IDBFactory();
    const first = await freshLibrary(factory);
    const a = await first.save(makeSavedArticle({ title: 'Orchard harvest' }));
    const db = await openLibraryDb(factory);
    await db.put('meta', { key: 'search-index', indexVersion: INDEX_VERSION, indexParts: 2, revParts: 1 });
    await db.put('meta', { key: 'search-index#000000', text: '{broken' });
    await db.put('meta', { key: 'search-index#000001', text: '[]' });
    await db.put('meta', { key: 'search-index#000002', text: JSON.stringify([[a.id, 1]]) });
    db.close();
    const second = await freshLibrary(factory);
    expect((await second.search({ query: 'orchard' })).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('library: the snapshot in records of its own (INDEX_VERSION 3)', () => {
  it('loads a v2 snapshot (one record) without re-indexing, then writes it again in parts', async () => {
    const factory = new IDBFactory();
    const first = await freshLibrary(factory);
    const article = await first.save(makeSavedArticle({ title: 'Orchard harvest' }));
    // A v2 snapshot of an index that knows this article by another title: finding that title proves the
    // snapshot was loaded, not rebuilt from the articles.
    const db = await openLibraryDb(factory);
    const card = await db.get('cards', article.id);
    const [head, ...rest] = (await ArticleIndex.build([{ ...article, title: 'Zeppelin' }]).toParts())!;
    const plain = JSON.parse(head!) as AsPlainObject;
    for (const part of rest) addPart(plain, part);
    await db.put('meta', {
      key: 'search-index',
      indexVersion: 2,
      parts: [JSON.stringify(plain)],
      revs: { [article.id]: card!.rev },
    });
    db.close();

    const upgraded = await freshLibrary(factory);
    expect((await upgraded.search({ query: 'zeppelin' })).map((a) => a.id)).toEqual([article.id]);
    await upgraded.persistIndex();
    const stored = await getSnapshot(factory);
    expect(stored.legacy).toBe(false);
    expect(stored.revs).toEqual({ [article.id]: card!.rev });
    const reader = await freshLibrary(factory);
    expect((await reader.search({ query: 'zeppelin' })).map((a) => a.id)).toEqual([article.id]);
  });

  /** A library on a new factory with one article, its index snapshot persisted. */
  async function persistedWith(title: string) {
    const factory = new IDBFactory();
    const first = await freshLibrary(factory);
    const article = await first.save(makeSavedArticle({ title }));
    await first.search();
    await first.persistIndex();
    return { factory, first, article };
  }

  it('keeps the previous snapshot whole when writing the next one fails half-way', async () => {
    const { factory, first, article: kept } = await persistedWith('Harbour strike ends');
    const before = await getSnapshot(factory);

    await first.save(makeSavedArticle({ title: 'Ferry timetable changes' }));
    await first.search();
    // The second record of the new snapshot fails, as on a full disk.
    failPuts(1, 'QuotaExceededError', { store: 'meta', after: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await first.persistIndex();
    expect(warn).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
    expect(await getSnapshot(factory)).toEqual(before);
    expect(Object.keys(before.revs)).toEqual([kept.id]);
    // The next load reconciles the old snapshot with the cards: nothing is missing.
    const reader = await freshLibrary(factory);
    expect((await reader.search({ query: 'ferry' })).map((a) => a.title)).toEqual([
      'Ferry timetable changes',
    ]);
  });

  it('re-indexes when a part of the snapshot is missing', async () => {
    const { factory, article } = await persistedWith('Orchard harvest');
    const db = await openLibraryDb(factory);
    await db.delete('meta', 'search-index#000001');
    db.close();
    const reader = await freshLibrary(factory);
    expect((await reader.search({ query: 'orchard' })).map((a) => a.id)).toEqual([article.id]);
  });
});

describe('library: searchNow answers before the index has loaded', () => {
  /** A library on `factory` whose index snapshot was persisted by an earlier session. */
  async function withSnapshot(factory: IDBFactory) {
    const first = await freshLibrary(factory);
    const titled = await first.save(
      makeSavedArticle({ title: 'Harbour strike ends', text: 'Dockers voted.', lang: 'en' }),
    );
    const textOnly = await first.save(
      makeSavedArticle({ title: 'Ferry news', text: 'The harbour reopens on Monday.', lang: 'de' }),
    );
    await first.search({ query: 'harbour' });
    await first.persistIndex();
    first.close();
    return { titled, textOnly };
  }

  it('first answers from the cards (partial), then from the full text once the index is ready', async () => {
    const factory = new IDBFactory();
    const { titled, textOnly } = await withSnapshot(factory);
    const library = await freshLibrary(factory);
    expect(await library.list()).toHaveLength(2);

    const early = await library.searchNow({ query: 'harbour' });
    expect(early.partial).toBe(true);
    expect(early.cards.map((c) => c.id)).toEqual([titled.id]);
    expect(await library.searchNow({ query: 'harbour', filters: { lang: 'de' } })).toEqual({
      cards: [],
      partial: true,
    });

    await library.indexReady();
    const full = await library.searchNow({ query: 'harbour' });
    expect(full.partial).toBe(false);
    expect(full.cards.map((c) => c.id).sort()).toEqual([titled.id, textOnly.id].sort());
    expect(full.cards.map((c) => c.id)).toEqual(
      (await library.search({ query: 'harbour' })).map((c) => c.id),
    );
  });

  it('without a query it lists every card at once and is never partial', async () => {
    const factory = new IDBFactory();
    await withSnapshot(factory);
    const library = await freshLibrary(factory);
    const answer = await library.searchNow({ sort: 'title' });
    expect(answer.partial).toBe(false);
    expect(answer.cards.map((c) => c.title)).toEqual(['Ferry news', 'Harbour strike ends']);
  });

  it('search() still waits for the full index, so its first answer is complete', async () => {
    const factory = new IDBFactory();
    const { titled, textOnly } = await withSnapshot(factory);
    const library = await freshLibrary(factory);
    expect((await library.search({ query: 'harbour' })).map((c) => c.id).sort()).toEqual(
      [titled.id, textOnly.id].sort(),
    );
  });
});

describe('library: cards are read in batches, and searchNow answers from the first ones', () => {
  /** 25 articles, five of them about the harbour, in a library later opened with batches of 10. */
  async function seeded(factory: IDBFactory) {
    const first = await freshLibrary(factory);
    await first.importArticles(
      Array.from({ length: 25 }, (_, i) =>
        makeSavedArticle({
          id: `id-${String(i).padStart(2, '0')}`,
          url: `https://example.org/${i}`,
          title: i % 5 === 0 ? `Harbour news ${i}` : `Other news ${i}`,
        }),
      ),
    );
    first.close();
  }

  async function batched(factory: IDBFactory): Promise<Library> {
    const library = await openLibrary(factory, { broadcast: false, cardBatch: 10 });
    opened.push(library);
    return library;
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers after the first batch, saying how many of how many it searched, then grows to all', async () => {
    const factory = new IDBFactory();
    await seeded(factory);
    // The pauses between batches are timers: while they are not run, only the first batch is read.
    vi.useFakeTimers(FAKE_TIMERS);
    const library = await batched(factory);
    const early = await library.searchNow({ query: 'harbour' });
    expect(early.reading).toEqual({ read: 10, total: 25 });
    expect(early.partial).toBe(true);
    // Ids are read in order: id-00..id-09, of which id-00 and id-05 are about the harbour.
    expect(early.cards.map((c) => c.id).sort()).toEqual(['id-00', 'id-05']);

    const more = library.moreCards();
    await vi.advanceTimersByTimeAsync(0);
    await more;
    expect((await library.searchNow({ query: 'harbour' })).reading).toEqual({ read: 20, total: 25 });

    await vi.runAllTimersAsync();
    await library.moreCards();
    const all = await library.searchNow({ query: 'harbour' });
    expect(all.reading).toBeUndefined();
    expect(all.cards).toHaveLength(5);
    expect(await library.list()).toHaveLength(25);
  });

  it('a write while the cards are read is not lost: the next answer reads again and sees it', async () => {
    const factory = new IDBFactory();
    await seeded(factory);
    vi.useFakeTimers(FAKE_TIMERS);
    const library = await batched(factory);
    expect((await library.searchNow({})).reading?.read).toBe(10);
    await library.save(makeSavedArticle({ url: 'https://example.org/new', title: 'Harbour late' }));
    vi.useRealTimers();
    await library.indexReady();
    expect(await library.list()).toHaveLength(26);
    expect((await library.search({ query: 'harbour' })).map((c) => c.title)).toContain('Harbour late');
  });
});

/** The persisted snapshot's parts and the rev of each article it holds (as a record, for toEqual). */
async function getSnapshot(factory: IDBFactory) {
  const db = await openLibraryDb(factory);
  const revs = new Map<string, number>();
  const snapshot = await readSnapshot(db, revs);
  db.close();
  if (!snapshot) throw new Error('no snapshot');
  return { ...snapshot, revs: Object.fromEntries(revs) };
}

describe('library: failures lose nothing', () => {
  it('a quota error on save is a typed error with a clear message, and earlier saves survive', async () => {
    const library = await freshLibrary();
    const kept = await library.save(makeSavedArticle({ title: 'Kept' }));
    await library.search();
    failPuts(1);
    const error = await library.save(makeSavedArticle({ title: 'Too big' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/no room left.*Nothing already saved was lost/);
    expect((await library.list()).map((a) => a.title)).toEqual(['Kept']);
    expect(await library.get(kept.id)).toEqual(kept);
    // The in-memory index was not touched by the failed write either.
    expect(await library.search({ query: 'big' })).toEqual([]);
  });

  it('a failing re-save leaves the old version of the record intact', async () => {
    const library = await freshLibrary();
    const original = await library.save(
      makeSavedArticle({ url: 'https://example.org/x', title: 'Original' }),
    );
    failPuts(1, 'UnknownError');
    await expect(
      library.save(makeSavedArticle({ url: 'https://example.org/x', title: 'Replacement' })),
    ).rejects.toMatchObject({ code: 'write-failed' });
    expect(await library.get(original.id)).toEqual(original);
  });

  it('an import that fails half-way writes none of its articles', async () => {
    const library = await freshLibrary();
    await library.save(makeSavedArticle({ title: 'Existing', url: 'https://example.org/existing' }));
    const incoming = [
      makeSavedArticle({ title: 'One' }),
      makeSavedArticle({ title: 'Two' }),
      makeSavedArticle({ title: 'Three' }),
    ];
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'articles') calls++;
      if (this.name === 'articles' && calls === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    await expect(library.importArticles(incoming)).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    library.refresh();
    expect((await library.list()).map((a) => a.title)).toEqual(['Existing']);
  });
});

describe('library: import merge', () => {
  it('adds new articles and merges duplicates by normalised URL (also within one file)', async () => {
    const library = await freshLibrary();
    const existing = await library.save(makeSavedArticle({ url: 'https://example.org/a', tags: ['mine'] }));
    const report = await library.importArticles([
      makeSavedArticle({ url: 'http://EXAMPLE.org/a/?utm_medium=mail', tags: ['theirs'], read: true }),
      makeSavedArticle({ url: 'https://example.org/b' }),
      makeSavedArticle({ url: 'https://example.org/b#again' }),
    ]);
    expect(report).toEqual({ added: 1, merged: 2 });
    const all = await library.list();
    expect(all).toHaveLength(2);
    const merged = await library.get(existing.id);
    expect(merged?.tags).toEqual(['mine', 'theirs']);
    expect(merged?.read).toBe(true);
    expect(merged?.title).toBe(existing.title);
  });

  it('an imported id that belongs to another article gets a new id instead of overwriting it', async () => {
    const library = await freshLibrary();
    const mine = await library.save(makeSavedArticle({ url: 'https://example.org/mine' }));
    await library.importArticles([makeSavedArticle({ id: mine.id, url: 'https://example.org/other' })]);
    expect(await library.get(mine.id)).toEqual(mine);
    expect((await library.getByUrl('https://example.org/other'))?.id).not.toBe(mine.id);
  });
});

describe('library: a large import writes in time slices, all or nothing (issue 18)', () => {
  /** A clock that moves 10 ms at each reading: every article fills a whole time slice. */
  function slowClock() {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
  }
  const incoming = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      makeSavedArticle({ url: `https://example.org/slice/${i}`, title: `Slice article ${i}` }),
    );

  it('pausing after every article (on the previous slice marks) writes every one in one transaction', async () => {
    const library = await freshLibrary();
    const marks = vi.spyOn(IDBObjectStore.prototype, 'getKey');
    slowClock();
    const report = await library.importArticles(incoming(30));
    expect(report).toEqual({ added: 30, merged: 0 });
    // A mark after each article's slice: the loop really paused 30 times inside the transaction.
    expect(marks).toHaveBeenCalledTimes(30);
    vi.restoreAllMocks();
    expect(await library.list()).toHaveLength(30);
  });

  it('a write failing in a late slice, after many pauses, leaves the library as it was', async () => {
    const library = await freshLibrary();
    await library.save(makeSavedArticle({ title: 'Existing', url: 'https://example.org/existing' }));
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'articles' && ++calls === 25)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    slowClock();
    await expect(library.importArticles(incoming(30))).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    library.refresh();
    expect((await library.list()).map((a) => a.title)).toEqual(['Existing']);
  });

  it('indexes every imported article on the next open, chunk by chunk, with no timer pause', async () => {
    const factory = new IDBFactory();
    const importer = await freshLibrary(factory);
    await importer.importArticles(incoming(250));
    importer.close();
    // Timers never fire here: reading the articles back (3 chunks) and indexing them (a pause after every
    // article on this clock) must go on through database answers and message-channel tasks alone.
    vi.useFakeTimers(FAKE_TIMERS);
    try {
      slowClock();
      const library = await freshLibrary(factory);
      await library.indexReady();
      for (const i of [0, 99, 100, 199, 249]) {
        expect((await library.search({ query: `slice article ${i}` })).map((c) => c.title)).toContain(
          `Slice article ${i}`,
        );
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
