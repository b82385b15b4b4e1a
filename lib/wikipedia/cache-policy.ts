/**
 * How long Wikipedia answers are kept and how many: a week (a page's first lines rarely change faster,
 * and a reader who reads about the same people all week asks Wikipedia once), and at most 500 answers
 * (a few hundred kilobytes), dropping the least recently used first.
 */
export const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const CACHE_MAX_ENTRIES = 500;

export interface CacheEntryInfo {
  key: string;
  storedAt: number;
  usedAt: number;
}

export function isFresh(entry: Pick<CacheEntryInfo, 'storedAt'>, now: number, ttl = CACHE_TTL_MS): boolean {
  return now - entry.storedAt < ttl && entry.storedAt <= now;
}

/** Keys to delete so that at most `cap` fresh entries remain: stale ones, then the least recently used. */
export function keysToEvict(
  entries: readonly CacheEntryInfo[],
  now: number,
  cap = CACHE_MAX_ENTRIES,
  ttl = CACHE_TTL_MS,
): string[] {
  const stale = entries.filter((e) => !isFresh(e, now, ttl));
  const fresh = entries.filter((e) => isFresh(e, now, ttl)).sort((a, b) => a.usedAt - b.usedAt);
  const over = Math.max(0, fresh.length - cap);
  return [...stale, ...fresh.slice(0, over)].map((e) => e.key);
}

/** Cache keys: per language and search name, and per language and page title. */
export const searchKey = (lang: string, foldedName: string) => `search|${lang}|${foldedName}`;
export const summaryKey = (lang: string, title: string) => `summary|${lang}|${title}`;
