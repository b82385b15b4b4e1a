/**
 * The library's IndexedDB schema and its migrations. Each version's migration runs inside the upgrade
 * transaction, so a failed migration rolls back to the previous version with its data intact.
 *
 * v1: store `articles` (key `id`), unique index `byUrl` on normalizedUrl, index `bySavedAt`.
 * v2: records gain `tags` and `read` (v1 had neither) and `blocks`; multi-entry index `byTag`.
 * v3: store `cards` (the light copy the list loads, see SavedCard) and store `meta` (the persisted search
 *     index); cards are built for every existing article.
 * v4: index `bySavedAt` on cards, so the list's first screen reads the newest cards without all of them.
 * v5: the duplicate key is lib/url.ts's sameArticleKey, which also ignores "www." and a few more tracking
 *     parameters: every record is re-keyed, and records whose addresses now name the same article are
 *     merged (see mergeSameArticle), so none is lost and the unique index holds.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, wrap } from 'idb';
import { sameArticleKey } from '../url.ts';
import { uniqueTags } from './record-rules.ts';
import type { SavedArticle, SavedCard } from './types.ts';

export const DB_NAME = 'kontext-library';
export const SCHEMA_VERSION = 5;

export interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: SavedArticle;
    indexes: { byUrl: string; bySavedAt: string; byTag: string };
  };
  cards: {
    key: string;
    value: SavedCard;
    indexes: { bySavedAt: string };
  };
  meta: {
    key: string;
    value: SearchIndexSnapshot | SearchIndexChunk | LegacySearchIndexSnapshot;
  };
}

export const SEARCH_INDEX_KEY = 'search-index';

/**
 * The search index as saved between sessions (lib/storage/index-snapshot.ts): this head, then records
 * `search-index#000000`… holding the index's parts and then the revs of the articles it holds.
 */
export interface SearchIndexSnapshot {
  key: typeof SEARCH_INDEX_KEY;
  /** Bumped when tokenising, fields or this form change: an older snapshot is rebuilt instead of loaded. */
  indexVersion: number;
  /** How many records hold ArticleIndex.toParts()'s parts (the first ones). */
  indexParts: number;
  /** How many records after those hold the revs, as JSON arrays of [id, rev]. */
  revParts: number;
}

export interface SearchIndexChunk {
  key: string;
  text: string;
}

/** INDEX_VERSION 2: the whole snapshot in the head record (index-snapshot.ts still reads it). */
export interface LegacySearchIndexSnapshot {
  key: typeof SEARCH_INDEX_KEY;
  indexVersion: 2;
  parts: string[];
  revs: Record<string, number>;
}

let lastRev = 0;
/** Increasing within a context; across contexts only equality matters (the index compares revs). */
export function nextRev(): number {
  lastRev = Math.max(lastRev + 1, Date.now() * 1000 + Math.floor(Math.random() * 1000));
  return lastRev;
}

export function cardOf(article: SavedArticle, rev: number): SavedCard {
  return {
    id: article.id,
    url: article.url,
    normalizedUrl: article.normalizedUrl,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang,
    savedAt: article.savedAt,
    readingMinutes: article.readingMinutes,
    excerpt: article.excerpt,
    tags: article.tags,
    read: article.read,
    entityNames: [...new Set(article.entities.map((e) => e.name))],
    rev,
  };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, ('articles' | 'cards' | 'meta')[], 'versionchange'>;
type Migration = (db: LibraryDb, tx: UpgradeTx) => Promise<void> | void;

/** MIGRATIONS[n - 1] brings a database from version n - 1 to version n. */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('byUrl', 'normalizedUrl', { unique: true });
    articles.createIndex('bySavedAt', 'savedAt');
  },
  async (_db, tx) => {
    const articles = tx.objectStore('articles');
    articles.createIndex('byTag', 'tags', { multiEntry: true });
    let cursor = await articles.openCursor();
    while (cursor) {
      const old = cursor.value as Partial<SavedArticle> & { id: string };
      await cursor.update({
        ...old,
        tags: Array.isArray(old.tags) ? old.tags : [],
        read: old.read === true,
        blocks: Array.isArray(old.blocks) ? old.blocks : [],
      } as SavedArticle);
      cursor = await cursor.continue();
    }
  },
  async (db, tx) => {
    db.createObjectStore('cards', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
    const cards = tx.objectStore('cards');
    let cursor = await tx.objectStore('articles').openCursor();
    while (cursor) {
      await cards.put(cardOf(cursor.value, 0));
      cursor = await cursor.continue();
    }
  },
  (_db, tx) => {
    tx.objectStore('cards').createIndex('bySavedAt', 'savedAt');
  },
  async (_db, tx) => {
    const articles = tx.objectStore('articles');
    const cards = tx.objectStore('cards');
    const groups = new Map<string, SavedArticle[]>();
    for (const article of await articles.getAll()) {
      const key = sameArticleKey(article.url);
      groups.set(key, [...(groups.get(key) ?? []), { ...article, normalizedUrl: key }]);
    }
    // Re-keying one record at a time would meet the unique index half-way; it is rebuilt after.
    articles.deleteIndex('byUrl');
    for (const group of groups.values()) {
      const merged = mergeSameArticle(group);
      for (const other of group) {
        if (other.id === merged.id) continue;
        await articles.delete(other.id);
        await cards.delete(other.id);
      }
      await articles.put(merged);
      await cards.put(cardOf(merged, 0));
    }
    articles.createIndex('byUrl', 'normalizedUrl', { unique: true });
    // The persisted search index may hold merged-away ids: it is rebuilt from the cards.
    await tx.objectStore('meta').clear();
  },
];

/**
 * One record from several saves of the same article (records the v5 key merges): the first save's id and
 * date, the latest save's copy of the page (as saving an article again keeps its id and date and takes
 * the new copy), every tag of every copy, and read when any copy was read.
 */
export function mergeSameArticle(group: readonly SavedArticle[]): SavedArticle {
  const byDate = [...group].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  const first = byDate[0]!;
  const latest = byDate.at(-1)!;
  return {
    ...latest,
    id: first.id,
    savedAt: first.savedAt,
    tags: uniqueTags(byDate.flatMap((a) => a.tags)),
    read: byDate.some((a) => a.read),
  };
}

/**
 * Opens (creating or upgrading) the library database on the given factory, up to `version` (tests open
 * older versions to exercise migrations). idb's openDB always uses the global indexedDB, so the open
 * request is made here and wrapped, the way openDB does it.
 */
export function openLibraryDb(
  factory: IDBFactory,
  version: number = SCHEMA_VERSION,
  name = DB_NAME,
): Promise<LibraryDb> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as LibraryDb;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    const from = event.oldVersion;
    const to = event.newVersion ?? version;
    // Migrations run in order on the one versionchange transaction. Synchronous steps run right here in
    // the event; an async step chains the rest after it, which keeps the transaction alive because each
    // step only waits on that transaction's own requests.
    const runFrom = (first: number): Promise<void> | undefined => {
      for (let v = first; v <= to; v++) {
        const migrate = MIGRATIONS[v - 1];
        if (!migrate) throw new Error(`No migration to schema version ${v}`);
        const pending = migrate(db, tx);
        if (pending) return pending.then(() => runFrom(v + 1));
      }
      return undefined;
    };
    runFrom(from + 1)?.catch((error: unknown) => {
      console.error('Kontext library migration failed', error);
      tx.abort();
    });
  });
  return wrap(request) as unknown as Promise<LibraryDb>;
}
