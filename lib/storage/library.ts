/**
 * The saved-articles library. IndexedDB keeps two copies of each article in one transaction: the full
 * record (`articles`: text, HTML, entities…) and a light card (`cards`) that the list loads, sorts and
 * filters. The full-text index (MiniSearch) is persisted as a snapshot and reconciled on load with the
 * cards' revs, so opening a 2,000-article list reads the cards and one snapshot, and only re-indexes
 * what changed since (for example articles the popup or the background saved meanwhile). Loading that
 * snapshot takes far longer than reading the cards, so searchNow() answers from the cards (flagged
 * `partial`) until the index is ready, and indexReady() tells the caller when to ask again. The cards
 * themselves are read CARD_BATCH per task: searchNow answers from those read so far (`reading` says how
 * many of how many) and moreCards() says when more are in, so a library of 100,000 is searchable at once.
 *
 * Every write is one transaction: a failure (a full disk) aborts it and leaves what was saved untouched.
 * Pure TypeScript: no browser.* calls. Several contexts (popup, list, reader, background) may hold a
 * Library at once; writes announce themselves on a BroadcastChannel (onLibraryChange) so others refresh().
 */
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { quickTask } from '../slicing.ts';
import { foldName } from '../text/fold.ts';
import { sameArticleKey, siteNameOf } from '../url.ts';
import { searchCards } from './card-search.ts';
import { LibraryError, toWriteError } from './errors.ts';
import { readSnapshot, writeSnapshot } from './index-snapshot.ts';
import { uniqueTags } from './record-rules.ts';
import { fitSavedArticle, fitSavedCard } from './repair.ts';
import { cardOf, type LibraryDb, type LibrarySchema, nextRev, openLibraryDb } from './schema.ts';
import { ArticleIndex, nextTask, timeSlice } from './search-index.ts';
import type {
  ArticlePatch,
  FacetCounts,
  MergeReport,
  ReadingProgress,
  SavedArticle,
  SavedCard,
  SearchAnswer,
  SearchRequest,
  SortOrder,
} from './types.ts';

export const LIBRARY_CHANNEL = 'kontext-library';

export interface LibraryChange {
  kind: 'saved' | 'updated' | 'removed' | 'imported';
  ids: string[];
}

type WriteTx = IDBPTransaction<LibrarySchema, ('articles' | 'cards')[], 'readwrite'>;
type ArticleStore = IDBPObjectStore<LibrarySchema, ('articles' | 'cards')[], 'articles', 'readwrite'>;

export interface Library {
  /** Saves (or re-saves: same normalised URL keeps its id, saved-at, tags and read state). */
  save(article: SavedArticle): Promise<SavedArticle>;
  get(id: string): Promise<SavedArticle | undefined>;
  getByUrl(url: string): Promise<SavedArticle | undefined>;
  /** Every saved article's card, newest first. */
  list(): Promise<SavedCard[]>;
  /**
   * The newest `limit` cards without reading the others (what a list's first screen needs while the
   * whole list loads: on a library of 100,000 that is seconds).
   */
  newestCards(limit: number): Promise<SavedCard[]>;
  /** Full-text search; the first one after opening waits for the search index to load. */
  search(request?: SearchRequest): Promise<SavedCard[]>;
  /**
   * Answers at once: from the full-text index when it is loaded, else from the cards alone with
   * `partial: true` (a subset of what the index will find). Ask again after indexReady() resolves.
   */
  searchNow(request?: SearchRequest): Promise<SearchAnswer>;
  /** Resolves when the full-text index is loaded (it starts loading as soon as the cards are read). */
  indexReady(): Promise<void>;
  /**
   * While the cards are read (a batch of CARD_BATCH per task): resolves once the next batch is in, so a
   * caller shown a `reading` answer can ask again. Says how many are read then, or undefined (at once)
   * when every card is.
   */
  moreCards(): Promise<ReadingProgress | undefined>;
  facets(): Promise<FacetCounts>;
  update(id: string, patch: ArticlePatch): Promise<SavedArticle>;
  /** Deletes and returns the record, so the caller can offer undo through restore(). */
  remove(id: string): Promise<SavedArticle | undefined>;
  restore(article: SavedArticle): Promise<SavedArticle>;
  /** Merges articles in ONE transaction: all or nothing. Duplicates (normalised URL) merge tags and read. */
  importArticles(articles: SavedArticle[], options?: ImportArticlesOptions): Promise<MergeReport>;
  /** Every full record, newest first (for export). */
  exportAll(): Promise<SavedArticle[]>;
  /** Forgets the in-memory copy; the next list/search reloads from the database. */
  refresh(): void;
  /** Writes the search index snapshot now if it changed (it is otherwise written after a load). */
  persistIndex(): Promise<void>;
  close(): void;
}

export interface ImportArticlesOptions {
  /** Called with the number of articles merged so far, every few hundred and at the end. */
  onProgress?: (done: number) => void;
}

/**
 * Cards read per IndexedDB request, with a pause for the page between two: reading 100,000 in one
 * getAll blocked the page for seconds, and searches had to wait for the last card.
 */
export const CARD_BATCH = 2000;

/** Articles merged between two progress reports. */
const PROGRESS_EVERY = 200;

export interface OpenLibraryOptions {
  /** Database name (tests and benchmarks use their own). */
  name?: string;
  /** Announce writes on a BroadcastChannel where one exists. Default true. */
  broadcast?: boolean;
  /** Cards read per request (default CARD_BATCH; tests use a few to see the reading in steps). */
  cardBatch?: number;
}

export function newArticleId(): string {
  return globalThis.crypto.randomUUID();
}

const byNewest = (a: { savedAt: string }, b: { savedAt: string }) =>
  a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The record as it is written: fitted to the record rules, with its duplicate key and tidy tags. */
function fitForWrite(input: SavedArticle): SavedArticle {
  const article = fitSavedArticle(input) ?? input;
  return { ...article, normalizedUrl: sameArticleKey(article.url), tags: uniqueTags(article.tags) };
}

/** Articles read from the database for re-indexing in one request batch. */
const INDEX_CHUNK = 100;

/**
 * Indexes articles (recording each one's rev), pausing for the page every SLICE_MS of work (timeSlice).
 * By time, not every INDEX_CHUNK: after a 100,000-entry import that was 1,000 pauses of at least 4 ms.
 */
async function indexInChunks(
  index: ArticleIndex,
  items: ReadonlyArray<{ article: SavedArticle; card: SavedCard }>,
  revs: Map<string, number>,
): Promise<void> {
  const sliceOver = timeSlice();
  for (const [i, { article, card }] of items.entries()) {
    if (i > 0 && sliceOver()) await quickTask();
    index.upsert(article);
    revs.set(card.id, card.rev);
  }
}

function countInto(map: Map<string, number>, key: string): void {
  if (key) map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

function sortResults(results: SavedCard[], sort: SortOrder, query: string): SavedCard[] {
  if (sort === 'relevance' && query) return results;
  if (sort === 'oldest') return results.sort((a, b) => byNewest(b, a));
  if (sort === 'title') return results.sort((a, b) => collator.compare(a.title, b.title));
  if (sort === 'site')
    return results.sort((a, b) => collator.compare(siteNameOf(a), siteNameOf(b)) || byNewest(a, b));
  return results.sort(byNewest);
}

export async function openLibrary(
  factory: IDBFactory = globalThis.indexedDB,
  options: OpenLibraryOptions = {},
): Promise<Library> {
  if (!factory) throw new LibraryError('open-failed', { message: 'IndexedDB is not available here.' });
  let db: LibraryDb;
  try {
    db = await openLibraryDb(factory, undefined, options.name);
  } catch (error) {
    throw new LibraryError('open-failed', { cause: error });
  }
  // Another context upgrading the schema must not be blocked by this one.
  db.addEventListener('versionchange', () => db.close());
  return new IndexedDbLibrary(db, options.broadcast ?? true, options.cardBatch ?? CARD_BATCH);
}

interface LoadedState {
  /** Grows batch by batch while the cards are read (`complete` false). */
  cards: Map<string, SavedCard>;
  /** How many cards the store held when reading began: the M of "searching N of M". */
  total: number;
  /** Every card is read. */
  complete: boolean;
  /** Resolves when the next batch is read (and, the last time, when all are). */
  nextBatch: Promise<void>;
  /** Resolves when every card is read (rejects when reading fails). */
  cardsRead: Promise<void>;
  /** Loaded (snapshot + reconcile) right after the cards: the list shows cards before that. */
  index: Promise<ArticleIndex>;
  /** The index has finished loading (or failed to: then searches surface its error). */
  ready: boolean;
  /** Rev of each article as the index holds it. */
  revs: Map<string, number>;
  /** The index differs from the persisted snapshot. */
  dirty: boolean;
}

function progressOf(state: LoadedState): ReadingProgress {
  return { read: state.cards.size, total: Math.max(state.total, state.cards.size) };
}

class IndexedDbLibrary implements Library {
  private loaded: LoadedState | null = null;
  private loading: Promise<LoadedState> | null = null;
  /** The state being read, from its first batch on (searchNow answers from it before `loaded`). */
  private reading: Promise<LoadedState> | null = null;
  private generation = 0;
  private closed = false;

  constructor(
    private readonly db: LibraryDb,
    private readonly broadcast: boolean,
    private readonly cardBatch: number,
  ) {}

  async save(input: SavedArticle): Promise<SavedArticle> {
    const article = fitForWrite(input);
    const [stored] = await this.write(async (tx) => {
      const existing = fitSavedArticle(
        await tx.objectStore('articles').index('byUrl').get(article.normalizedUrl),
      );
      const record: SavedArticle = existing
        ? {
            ...article,
            id: existing.id,
            savedAt: existing.savedAt,
            tags: uniqueTags([...existing.tags, ...article.tags]),
            read: existing.read,
          }
        : article;
      return [this.putBoth(tx, record)];
    });
    this.announce({ kind: 'saved', ids: [stored!.article.id] });
    return stored!.article;
  }

  async get(id: string): Promise<SavedArticle | undefined> {
    return fitSavedArticle(await this.db.get('articles', id)) ?? undefined;
  }

  async getByUrl(url: string): Promise<SavedArticle | undefined> {
    return fitSavedArticle(await this.db.getFromIndex('articles', 'byUrl', sameArticleKey(url))) ?? undefined;
  }

  async list(): Promise<SavedCard[]> {
    const { cards } = await this.load();
    return [...cards.values()].sort(byNewest);
  }

  async newestCards(limit: number): Promise<SavedCard[]> {
    if (this.loaded) return (await this.list()).slice(0, limit);
    const cards: SavedCard[] = [];
    let cursor = await this.db.transaction('cards').store.index('bySavedAt').openCursor(null, 'prev');
    while (cursor && cards.length < limit) {
      const card = fitSavedCard(cursor.value);
      if (card) cards.push(card);
      cursor = await cursor.continue();
    }
    return cards;
  }

  async search(request: SearchRequest = {}): Promise<SavedCard[]> {
    return (await this.answer(request, true)).cards;
  }

  searchNow(request: SearchRequest = {}): Promise<SearchAnswer> {
    return this.answer(request, false);
  }

  async indexReady(): Promise<void> {
    await (await this.load()).index;
  }

  async moreCards(): Promise<ReadingProgress | undefined> {
    const state = await this.begin();
    if (state.complete) return undefined;
    // A failed read rejects here, so a caller asking again and again learns of it.
    await Promise.race([state.nextBatch, state.cardsRead]);
    return state.complete ? undefined : progressOf(state);
  }

  private async answer(request: SearchRequest, waitForIndex: boolean): Promise<SearchAnswer> {
    // searchNow answers from the cards read so far; search() waits for all of them and the index.
    const state = waitForIndex ? await this.load() : await this.begin();
    const { cards } = state;
    const reading = state.complete ? undefined : progressOf(state);
    const query = request.query?.trim() ?? '';
    const filters = request.filters ?? {};
    const partial = reading !== undefined || (query !== '' && !waitForIndex && !state.ready);
    let results = !query
      ? [...cards.values()]
      : partial
        ? searchCards(cards.values(), query)
        : (await state.index).query(query).flatMap((id) => cards.get(id) ?? []);
    const tag = filters.tag?.toLowerCase();
    // One name fold (lib/text/fold.ts): the card's "filter by this name" finds "Kim Jong-un" for "Kim Jong Un".
    const entity = filters.entity === undefined ? undefined : foldName(filters.entity);
    results = results.filter(
      (a) =>
        (tag === undefined || a.tags.some((t) => t.toLowerCase() === tag)) &&
        (filters.site === undefined || siteNameOf(a) === filters.site) &&
        (filters.lang === undefined || a.lang === filters.lang) &&
        (filters.read === undefined || a.read === filters.read) &&
        (entity === undefined || a.entityNames.some((name) => foldName(name) === entity)),
    );
    const sorted = sortResults(results, request.sort ?? (query ? 'relevance' : 'newest'), query);
    return reading ? { cards: sorted, partial, reading } : { cards: sorted, partial };
  }

  async facets(): Promise<FacetCounts> {
    const { cards } = await this.load();
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    const langs = new Map<string, number>();
    const entities = new Map<string, number>();
    for (const card of cards.values()) {
      for (const t of card.tags) countInto(tags, t);
      countInto(sites, siteNameOf(card));
      countInto(langs, card.lang);
      for (const name of card.entityNames) countInto(entities, name);
    }
    return {
      tags: sortedCounts(tags),
      sites: sortedCounts(sites),
      langs: sortedCounts(langs),
      entities: sortedCounts(entities),
    };
  }

  async update(id: string, patch: ArticlePatch): Promise<SavedArticle> {
    const [updated] = await this.write(async (tx) => {
      const current = fitSavedArticle(await tx.objectStore('articles').get(id));
      if (!current) throw new LibraryError('not-found');
      const next: SavedArticle = {
        ...current,
        ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
        ...(patch.read !== undefined ? { read: patch.read } : {}),
      };
      return [this.putBoth(tx, next)];
    });
    this.announce({ kind: 'updated', ids: [id] });
    return updated!.article;
  }

  async remove(id: string): Promise<SavedArticle | undefined> {
    let removed: SavedArticle | undefined;
    await this.write(async (tx) => {
      removed = await tx.objectStore('articles').get(id);
      if (removed) {
        await tx.objectStore('articles').delete(id);
        await tx.objectStore('cards').delete(id);
      }
      return [];
    });
    if (removed && !this.loaded && (this.loading || this.reading)) this.refresh();
    if (removed && this.loaded) {
      const state = this.loaded;
      state.cards.delete(id);
      state.index = state.index.then((index) => {
        index.remove(id);
        state.revs.delete(id);
        state.dirty = true;
        return index;
      });
    }
    if (removed) this.announce({ kind: 'removed', ids: [id] });
    return removed;
  }

  restore(article: SavedArticle): Promise<SavedArticle> {
    return this.save(article);
  }

  async importArticles(articles: SavedArticle[], options: ImportArticlesOptions = {}): Promise<MergeReport> {
    const report: MergeReport = { added: 0, merged: 0 };
    const written = await this.write(async (tx) => {
      const store: ArticleStore = tx.objectStore('articles');
      // Two reads for the whole library instead of two per article (a 100,000-entry file made that
      // minutes): which normalised URLs are saved (and under which id), and which ids are taken.
      const savedIds = new Map<string, string>();
      let cursor = await store.index('byUrl').openKeyCursor();
      while (cursor) {
        savedIds.set(String(cursor.key), String(cursor.primaryKey));
        cursor = await cursor.continue();
      }
      const takenIds = new Set((await store.getAllKeys()).map(String));
      const changed: Array<{ article: SavedArticle; card: SavedCard }> = [];
      const sliceOver = timeSlice();
      /** The read that marks the end of the previous slice's writes (see below). */
      let previousMark: Promise<unknown> = Promise.resolve();
      for (const [i, input] of articles.entries()) {
        if (i > 0 && i % PROGRESS_EVERY === 0) options.onProgress?.(i);
        const article = fitForWrite(input);
        const savedId = savedIds.get(article.normalizedUrl);
        if (savedId !== undefined) {
          // Reads in this transaction see its own earlier writes, so duplicates within the file merge too.
          const existing = fitSavedArticle(await store.get(savedId));
          report.merged++;
          if (!existing) continue;
          const tags = uniqueTags([...existing.tags, ...article.tags]);
          const read = existing.read || article.read;
          if (tags.length !== existing.tags.length || read !== existing.read) {
            changed.push(this.putBoth(tx, { ...existing, tags, read }));
          }
          continue;
        }
        // An id that is already taken (by another URL) must not overwrite that article.
        if (!article.id || takenIds.has(article.id)) article.id = newArticleId();
        takenIds.add(article.id);
        savedIds.set(article.normalizedUrl, article.id);
        changed.push(this.putBoth(tx, article));
        report.added++;
        // After every SLICE_MS of work, a read queued behind this slice's writes marks its end, and the
        // loop waits for the PREVIOUS slice's mark: the database writes one slice while the page prepares
        // the next, and the page paints the progress between them. (Waiting for this slice's own mark left
        // the page idle while the database caught up: two thirds of a 20,000-entry import. A pause of any
        // other kind would let the transaction commit half-way.)
        if (sliceOver()) {
          const mark = store.getKey(article.id);
          mark.catch(() => {}); // the last one is never awaited; an abort surfaces through tx.done
          await previousMark;
          previousMark = mark;
        }
      }
      options.onProgress?.(articles.length);
      return changed;
    });
    if (written.length > 0) this.announce({ kind: 'imported', ids: written.map((w) => w.article.id) });
    return report;
  }

  async exportAll(): Promise<SavedArticle[]> {
    return (await this.db.getAll('articles')).flatMap((raw) => fitSavedArticle(raw) ?? []).sort(byNewest);
  }

  refresh(): void {
    this.generation++;
    this.loaded = null;
    this.loading = null;
    this.reading = null;
  }

  async persistIndex(): Promise<void> {
    const state = this.loaded;
    if (!state) return;
    await state.index;
    if (!state.dirty || this.closed) return;
    state.dirty = false;
    const index = await state.index;
    let written: boolean;
    try {
      written = await writeSnapshot(this.db, index, state.revs);
    } catch (error) {
      // Only a cache: the next load re-indexes what the old snapshot lacks. A full disk must not break search.
      state.dirty = true;
      if (!this.closed) console.warn('Kontext: could not persist the search index', error);
      return;
    }
    if (!written) {
      // A write changed the index while it was serialised: write it once the writes are done.
      state.dirty = true;
      await nextTask();
      return this.persistIndex();
    }
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }

  /** Every card read (the index may still be loading). */
  private load(): Promise<LoadedState> {
    if (this.loaded) return Promise.resolve(this.loaded);
    if (this.loading) return this.loading;
    const generation = this.generation;
    this.loading = this.begin().then(async (state) => {
      await state.cardsRead;
      // A refresh() while loading discards this result.
      if (this.generation === generation) this.loaded = state;
      return state;
    });
    return this.loading;
  }

  /** The state from its first batch of cards on; the others are read meanwhile. */
  private begin(): Promise<LoadedState> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.reading ??= this.readState();
    return this.reading;
  }

  private async readState(): Promise<LoadedState> {
    const state: LoadedState = {
      cards: new Map(),
      total: await this.db.count('cards'),
      complete: false,
      nextBatch: Promise.resolve(),
      cardsRead: Promise.resolve(),
      index: Promise.resolve(ArticleIndex.build()),
      ready: false,
      revs: new Map(),
      dirty: false,
    };
    let after: IDBValidKey | undefined = await this.readBatch(state, undefined);
    state.cardsRead = (async () => {
      while (after !== undefined) {
        let announce = () => {};
        state.nextBatch = new Promise((resolve) => {
          announce = resolve;
        });
        await nextTask();
        after = await this.readBatch(state, after);
        announce();
      }
      state.complete = true;
    })();
    state.cardsRead.catch(() => {});
    // Started once every card is read, while the list renders them; searchNow answers from the cards
    // until it is done.
    state.index = state.cardsRead.then(() => this.readIndex(state, [...state.cards.values()]));
    state.index.then(
      () => {
        state.ready = true;
      },
      () => {
        state.ready = true;
      },
    );
    return state;
  }

  /**
   * Reads the next `cardBatch` cards (by id) into the state. Returns the last id read, or undefined when
   * there are no more. Whatever the stores hold (records from an older Kontext or an old import), the list
   * gets valid cards.
   */
  private async readBatch(
    state: LoadedState,
    after: IDBValidKey | undefined,
  ): Promise<IDBValidKey | undefined> {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const batch = (await this.db.getAll('cards', range, this.cardBatch)) as Array<
      SavedCard & { id: IDBValidKey }
    >;
    for (const raw of batch) {
      const card = fitSavedCard(raw);
      if (card) state.cards.set(card.id, card);
    }
    return batch.length < this.cardBatch ? undefined : batch[batch.length - 1]!.id;
  }

  /** The persisted snapshot, reconciled with the cards: only articles whose rev it lacks are re-indexed. */
  private async readIndex(state: LoadedState, cardList: SavedCard[]): Promise<ArticleIndex> {
    let index: ArticleIndex | null = null;
    const revs = state.revs;
    try {
      const snapshot = await readSnapshot(this.db, revs);
      if (snapshot) {
        index = await ArticleIndex.fromParts(snapshot.parts);
        // Written again in the current form (below); until then it loads as before.
        if (snapshot.legacy) state.dirty = true;
      }
    } catch {
      index = null;
    }
    // Without an index, the revs read with it mean nothing (cleared below).
    index ??= ArticleIndex.build();
    if (!index.size) revs.clear();
    const current = new Map(cardList.map((c) => [c.id, c.rev]));
    for (const id of [...revs.keys()]) {
      if (!current.has(id)) {
        index.remove(id);
        revs.delete(id);
        state.dirty = true;
      }
    }
    const stale = cardList.filter((c) => revs.get(c.id) !== c.rev);
    // A chunk of articles at a time, read in their own transaction (a pause would end a shared one), so a
    // library of 100,000 re-indexes without holding every text in memory or blocking the page. The next
    // chunk is read while this one is indexed (and awaiting a read lets the page run), instead of a timer
    // pause per chunk: after a 100,000-entry import that was 1,000 pauses of at least 4 ms, with the page
    // idle while each chunk was read.
    const readChunk = (start: number) => {
      const chunk = stale.slice(start, start + INDEX_CHUNK);
      const articles = this.db.transaction('articles').store;
      const reading = Promise.all(chunk.map((c) => articles.get(c.id))).then((fresh) =>
        fresh.flatMap((raw, i) => {
          const article = fitSavedArticle(raw);
          return article ? [{ article, card: chunk[i]! }] : [];
        }),
      );
      reading.catch(() => {}); // awaited below; an index failing first must not leave it unhandled
      return reading;
    };
    let next = stale.length > 0 ? readChunk(0) : undefined;
    for (let start = 0; next; start += INDEX_CHUNK) {
      const found = await next;
      next = start + INDEX_CHUNK < stale.length ? readChunk(start + INDEX_CHUNK) : undefined;
      await indexInChunks(index, found, revs);
      state.dirty = true;
    }
    if (state.dirty) setTimeout(() => void this.persistIndex(), 0);
    return index;
  }

  /**
   * Queues both writes without waiting for them: a failed request aborts the transaction, which write()
   * reports through `tx.done` (waiting for each of 100,000 puts in turn was most of a large import).
   */
  private putBoth(tx: WriteTx, article: SavedArticle): { article: SavedArticle; card: SavedCard } {
    const card = cardOf(article, nextRev());
    tx.objectStore('articles')
      .put(article)
      .catch(() => {});
    tx.objectStore('cards')
      .put(card)
      .catch(() => {});
    return { article, card };
  }

  /**
   * Runs `work` in one readwrite transaction over articles and cards; any failure aborts it and surfaces
   * as a LibraryError. Only after the commit does the in-memory copy learn of the change.
   */
  private async write<T extends { article: SavedArticle; card: SavedCard }>(
    work: (tx: WriteTx) => Promise<T[]>,
  ): Promise<T[]> {
    let tx: WriteTx | undefined;
    let written: T[];
    try {
      const opened = this.db.transaction(['articles', 'cards'], 'readwrite');
      tx = opened;
      opened.done.catch(() => {});
      written = await work(opened);
      await opened.done;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted by the browser.
      }
      // The transaction's own error (a quota abort) explains more than the AbortError its requests see.
      throw toWriteError(error instanceof LibraryError ? error : (tx?.error ?? error));
    }
    this.remember(written);
    return written;
  }

  private remember(written: Array<{ article: SavedArticle; card: SavedCard }>): void {
    if (written.length === 0) return;
    if (!this.loaded) {
      // A load in flight may have read the stores before this write: let the next search load again.
      if (this.loading || this.reading) this.refresh();
      return;
    }
    const state = this.loaded;
    for (const { card } of written) state.cards.set(card.id, card);
    // Chained on the index promise, so a write during the index load is applied after it, in order.
    state.index = state.index.then(async (index) => {
      await indexInChunks(index, written, state.revs);
      state.dirty = true;
      return index;
    });
  }

  private announce(change: LibraryChange): void {
    if (!this.broadcast || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(LIBRARY_CHANNEL);
    channel.postMessage(change);
    channel.close();
  }
}

/** Calls `listener` when another context changes the library. Returns the unsubscribe function. */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = (event: MessageEvent<LibraryChange>) => listener(event.data);
  return () => channel.close();
}
