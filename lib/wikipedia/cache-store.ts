/**
 * The Wikipedia answer cache in IndexedDB (its own database, apart from the saved list), following
 * cache-policy.ts. Pure TypeScript over IndexedDB: the background owns the one instance.
 */
import { type DBSchema, openDB } from 'idb';
import {
  CACHE_MAX_ENTRIES,
  CACHE_TTL_MS,
  type CacheEntryInfo,
  isFresh,
  keysToEvict,
} from './cache-policy.ts';

export const WIKIPEDIA_CACHE_DB = 'kontext-wikipedia-cache';

interface CacheSchema extends DBSchema {
  answers: { key: string; value: CacheEntryInfo & { value: unknown } };
}

export interface AnswerCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  clear(): Promise<void>;
}

export interface AnswerCacheOptions {
  now?: () => number;
  ttl?: number;
  cap?: number;
  /** Evict after this many writes (not on each: eviction reads every entry's key and times). */
  evictEvery?: number;
}

export function openAnswerCache(options: AnswerCacheOptions = {}): AnswerCache {
  const now = options.now ?? Date.now;
  const ttl = options.ttl ?? CACHE_TTL_MS;
  const cap = options.cap ?? CACHE_MAX_ENTRIES;
  const evictEvery = options.evictEvery ?? 20;
  let writes = 0;
  const db = openDB<CacheSchema>(WIKIPEDIA_CACHE_DB, 1, {
    upgrade(database) {
      database.createObjectStore('answers', { keyPath: 'key' });
    },
  });

  const evict = async () => {
    const store = (await db).transaction('answers', 'readwrite').store;
    const infos: CacheEntryInfo[] = [];
    let cursor = await store.openCursor();
    while (cursor) {
      const { key, storedAt, usedAt } = cursor.value;
      infos.push({ key, storedAt, usedAt });
      cursor = await cursor.continue();
    }
    await Promise.all(keysToEvict(infos, now(), cap, ttl).map((key) => store.delete(key)));
  };

  return {
    async get(key) {
      const database = await db;
      const entry = await database.get('answers', key);
      if (!entry) return undefined;
      if (!isFresh(entry, now(), ttl)) {
        await database.delete('answers', key);
        return undefined;
      }
      await database.put('answers', { ...entry, usedAt: now() });
      return entry.value;
    },
    async set(key, value) {
      const at = now();
      await (await db).put('answers', { key, storedAt: at, usedAt: at, value });
      if (++writes % evictEvery === 0) await evict();
    },
    async clear() {
      await (await db).clear('answers');
    },
  };
}
