/**
 * The saved-articles library: IndexedDB for durability (every write one transaction, so a failure
 * leaves what was saved untouched), an in-memory copy plus a MiniSearch index for the list page, loaded
 * lazily so the popup's "is this saved?" check stays a single indexed read.
 *
 * Pure TypeScript: no browser.* calls. Several extension contexts (popup, list, reader, background) may
 * hold a Library at once; writes announce themselves on a BroadcastChannel (see onLibraryChange) so the
 * others can refresh().
 */
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { LibraryError, toWriteError } from './errors.ts';
import { normalizeArticleUrl, siteOf } from './normalize-url.ts';
import { type LibraryDb, type LibrarySchema, openLibraryDb } from './schema.ts';
import { ArticleIndex } from './search-index.ts';
import type { ArticlePatch, FacetCounts, MergeReport, SavedArticle, SearchRequest } from './types.ts';

export const LIBRARY_CHANNEL = 'kontext-library';

export interface LibraryChange {
  kind: 'saved' | 'updated' | 'removed' | 'imported';
  ids: string[];
}

type WriteStore = IDBPObjectStore<LibrarySchema, ['articles'], 'articles', 'readwrite'>;

export interface Library {
  /** Saves (or re-saves: same normalised URL keeps its id, saved-at, tags and read state). */
  save(article: SavedArticle): Promise<SavedArticle>;
  get(id: string): Promise<SavedArticle | undefined>;
  getByUrl(url: string): Promise<SavedArticle | undefined>;
  /** Every saved article, newest first. */
  list(): Promise<SavedArticle[]>;
  search(request?: SearchRequest): Promise<SavedArticle[]>;
  facets(): Promise<FacetCounts>;
  update(id: string, patch: ArticlePatch): Promise<SavedArticle>;
  /** Deletes and returns the record, so the caller can offer undo through restore(). */
  remove(id: string): Promise<SavedArticle | undefined>;
  restore(article: SavedArticle): Promise<SavedArticle>;
  /** Merges articles in ONE transaction: all or nothing. Duplicates (normalised URL) merge tags and read. */
  importArticles(articles: SavedArticle[]): Promise<MergeReport>;
  /** Forgets the in-memory copy; the next list/search reloads from the database. */
  refresh(): void;
  close(): void;
}

export interface OpenLibraryOptions {
  /** Database name (tests and benchmarks use their own). */
  name?: string;
  /** Announce writes on a BroadcastChannel where one exists. Default true. */
  broadcast?: boolean;
}

export function newArticleId(): string {
  return globalThis.crypto.randomUUID();
}

const byNewest = (a: SavedArticle, b: SavedArticle) =>
  a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function uniqueTags(tags: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

function countInto(map: Map<string, number>, key: string): void {
  if (key) map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
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
  return new IndexedDbLibrary(db, options.broadcast ?? true);
}

class IndexedDbLibrary implements Library {
  /** id → article, and the index over it; null until a list or search needs them. */
  private loaded: { byId: Map<string, SavedArticle>; index: ArticleIndex } | null = null;
  private loading: Promise<{ byId: Map<string, SavedArticle>; index: ArticleIndex }> | null = null;
  private generation = 0;

  constructor(
    private readonly db: LibraryDb,
    private readonly broadcast: boolean,
  ) {}

  async save(input: SavedArticle): Promise<SavedArticle> {
    const article: SavedArticle = {
      ...input,
      normalizedUrl: normalizeArticleUrl(input.url),
      tags: uniqueTags(input.tags),
    };
    const stored = await this.write(async (store) => {
      const existing = await store.index('byUrl').get(article.normalizedUrl);
      const record: SavedArticle = existing
        ? {
            ...article,
            id: existing.id,
            savedAt: existing.savedAt,
            tags: uniqueTags([...existing.tags, ...article.tags]),
            read: existing.read,
          }
        : article;
      await store.put(record);
      return record;
    });
    this.remember([stored]);
    this.announce({ kind: 'saved', ids: [stored.id] });
    return stored;
  }

  get(id: string): Promise<SavedArticle | undefined> {
    return this.db.get('articles', id);
  }

  getByUrl(url: string): Promise<SavedArticle | undefined> {
    return this.db.getFromIndex('articles', 'byUrl', normalizeArticleUrl(url));
  }

  async list(): Promise<SavedArticle[]> {
    const { byId } = await this.load();
    return [...byId.values()].sort(byNewest);
  }

  async search(request: SearchRequest = {}): Promise<SavedArticle[]> {
    const { byId, index } = await this.load();
    const query = request.query?.trim() ?? '';
    const filters = request.filters ?? {};
    let results = query ? index.query(query).flatMap((id) => byId.get(id) ?? []) : [...byId.values()];
    const entity = filters.entity?.toLowerCase();
    results = results.filter(
      (a) =>
        (filters.tag === undefined || a.tags.some((t) => t.toLowerCase() === filters.tag!.toLowerCase())) &&
        (filters.site === undefined || siteOf(a) === filters.site) &&
        (filters.lang === undefined || a.lang === filters.lang) &&
        (filters.read === undefined || a.read === filters.read) &&
        (entity === undefined || a.entities.some((e) => e.name.toLowerCase() === entity)),
    );
    const sort = request.sort ?? (query ? 'relevance' : 'newest');
    if (sort === 'relevance' && query) return results;
    if (sort === 'oldest') return results.sort((a, b) => byNewest(b, a));
    if (sort === 'title') return results.sort((a, b) => collator.compare(a.title, b.title));
    if (sort === 'site')
      return results.sort((a, b) => collator.compare(siteOf(a), siteOf(b)) || byNewest(a, b));
    return results.sort(byNewest);
  }

  async facets(): Promise<FacetCounts> {
    const { byId } = await this.load();
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    const langs = new Map<string, number>();
    const entities = new Map<string, number>();
    for (const a of byId.values()) {
      for (const t of a.tags) countInto(tags, t);
      countInto(sites, siteOf(a));
      countInto(langs, a.lang);
      for (const name of new Set(a.entities.map((e) => e.name))) countInto(entities, name);
    }
    return {
      tags: sortedCounts(tags),
      sites: sortedCounts(sites),
      langs: sortedCounts(langs),
      entities: sortedCounts(entities),
    };
  }

  async update(id: string, patch: ArticlePatch): Promise<SavedArticle> {
    const updated = await this.write(async (store) => {
      const current = await store.get(id);
      if (!current) throw new LibraryError('not-found');
      const next: SavedArticle = {
        ...current,
        ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
        ...(patch.read !== undefined ? { read: patch.read } : {}),
      };
      await store.put(next);
      return next;
    });
    this.remember([updated]);
    this.announce({ kind: 'updated', ids: [id] });
    return updated;
  }

  async remove(id: string): Promise<SavedArticle | undefined> {
    const removed = await this.write(async (store) => {
      const current = await store.get(id);
      if (current) await store.delete(id);
      return current;
    });
    if (removed) {
      this.loaded?.byId.delete(id);
      this.loaded?.index.remove(id);
      this.announce({ kind: 'removed', ids: [id] });
    }
    return removed;
  }

  restore(article: SavedArticle): Promise<SavedArticle> {
    return this.save(article);
  }

  async importArticles(articles: SavedArticle[]): Promise<MergeReport> {
    const report: MergeReport = { added: 0, merged: 0 };
    const written = await this.write(async (store) => {
      const changed: SavedArticle[] = [];
      for (const input of articles) {
        const article: SavedArticle = {
          ...input,
          normalizedUrl: normalizeArticleUrl(input.url),
          tags: uniqueTags(input.tags),
        };
        // Reads in this transaction see its own earlier writes, so duplicates within the file merge too.
        const existing = await store.index('byUrl').get(article.normalizedUrl);
        if (existing) {
          report.merged++;
          const tags = uniqueTags([...existing.tags, ...article.tags]);
          const read = existing.read || article.read;
          if (tags.length !== existing.tags.length || read !== existing.read) {
            const next = { ...existing, tags, read };
            await store.put(next);
            changed.push(next);
          }
          continue;
        }
        // An id that is already taken (by another URL) must not overwrite that article.
        if (!article.id || (await store.get(article.id))) article.id = newArticleId();
        await store.put(article);
        changed.push(article);
        report.added++;
      }
      return changed;
    });
    this.remember(written);
    if (written.length > 0) this.announce({ kind: 'imported', ids: written.map((a) => a.id) });
    return report;
  }

  refresh(): void {
    this.generation++;
    this.loaded = null;
    this.loading = null;
  }

  close(): void {
    this.db.close();
  }

  private load(): Promise<{ byId: Map<string, SavedArticle>; index: ArticleIndex }> {
    if (this.loaded) return Promise.resolve(this.loaded);
    if (this.loading) return this.loading;
    const generation = ++this.generation;
    this.loading = (async () => {
      const all = await this.db.getAll('articles');
      const state = { byId: new Map(all.map((a) => [a.id, a])), index: new ArticleIndex(all) };
      // A refresh() while loading discards this result.
      if (this.generation === generation) this.loaded = state;
      return state;
    })();
    return this.loading;
  }

  /** Brings the in-memory copy up to date after a committed write (never before: a failed write changes nothing). */
  private remember(articles: SavedArticle[]): void {
    if (!this.loaded) {
      // A load in flight may have read the store before this write: let the next search load again.
      if (this.loading) this.refresh();
      return;
    }
    for (const a of articles) {
      this.loaded.byId.set(a.id, a);
      this.loaded.index.upsert(a);
    }
  }

  /** Runs `work` in one readwrite transaction; any failure aborts it and surfaces as a LibraryError. */
  private async write<T>(work: (store: WriteStore) => Promise<T>): Promise<T> {
    let tx: IDBPTransaction<LibrarySchema, ['articles'], 'readwrite'> | undefined;
    try {
      const opened = this.db.transaction('articles', 'readwrite');
      tx = opened;
      opened.done.catch(() => {});
      const result = await work(opened.store);
      await opened.done;
      return result;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted by the browser.
      }
      // The transaction's own error (a quota abort) explains more than the AbortError its requests see.
      throw toWriteError(error instanceof LibraryError ? error : (tx?.error ?? error));
    }
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
