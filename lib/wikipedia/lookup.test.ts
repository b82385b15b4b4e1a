import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KIM_SEARCH_DE,
  KIM_SEARCH_EN,
  KIM_SUMMARY_DE,
  KIM_SUMMARY_EN,
  summaryResponse,
} from '../../tests/fixtures/wikipedia/responses.ts';
import { CACHE_TTL_MS, keysToEvict } from './cache-policy.ts';
import { openAnswerCache } from './cache-store.ts';
import { type LookupDeps, lookUpEntity } from './lookup.ts';

const kim = { name: 'Kim Jong Un', kind: 'person' as const, context: ['nordkorea'] };

/** A fake Wikipedia: answers by URL, records every request. */
function fakeWikipedia(routes: Record<string, unknown>) {
  const requests: string[] = [];
  const deps: LookupDeps = {
    origin: (lang) => `https://${lang}.wikipedia.test`,
    fetchJson: async (url) => {
      requests.push(url);
      if (!(url in routes)) throw new Error(`404 ${url}`);
      return routes[url];
    },
  };
  return { deps, requests };
}

const de = 'https://de.wikipedia.test';
const en = 'https://en.wikipedia.test';
const searchDe = `${de}/w/rest.php/v1/search/title?q=Kim%20Jong%20Un&limit=5`;
const searchEn = `${en}/w/rest.php/v1/search/title?q=Kim%20Jong%20Un&limit=5`;

describe('lookUpEntity', () => {
  it('asks the article’s edition: search, then the chosen page’s summary', async () => {
    const { deps, requests } = fakeWikipedia({
      [searchDe]: KIM_SEARCH_DE,
      [`${de}/api/rest_v1/page/summary/Kim_Jong-un`]: KIM_SUMMARY_DE,
    });
    const result = await lookUpEntity(kim, 'de', deps);
    expect(result.state).toBe('summary');
    expect(result.state === 'summary' && result.summary.description).toBe(
      'nordkoreanischer Politiker, Oberster Führer Nordkoreas',
    );
    expect(requests).toEqual([searchDe, `${de}/api/rest_v1/page/summary/Kim_Jong-un`]);
  });

  it('falls back to the other language when the first has no page of that name', async () => {
    const { deps, requests } = fakeWikipedia({
      [searchDe]: { pages: [] },
      [searchEn]: KIM_SEARCH_EN,
      [`${en}/api/rest_v1/page/summary/Kim_Jong_Un`]: KIM_SUMMARY_EN,
    });
    const result = await lookUpEntity(kim, 'de', deps);
    expect(result.state === 'summary' && result.summary.lang).toBe('en');
    expect(requests[1]).toBe(searchEn);
  });

  it('shows links, not a page, when the chosen page turns out to be a disambiguation page', async () => {
    const { deps } = fakeWikipedia({
      [searchEn]: KIM_SEARCH_EN,
      [`${en}/api/rest_v1/page/summary/Kim_Jong_Un`]: summaryResponse('en', 'Kim Jong Un', {
        type: 'disambiguation',
        description: 'Topics referred to by the same term',
        extract: 'Kim Jong Un may refer to:',
      }),
    });
    expect(await lookUpEntity(kim, 'en', deps)).toEqual({
      state: 'several',
      links: [{ title: 'Kim Jong Un', url: 'https://en.wikipedia.org/wiki/Kim_Jong_Un' }],
    });
  });

  it('ends quietly in "none" when offline', async () => {
    const deps: LookupDeps = {
      origin: () => en,
      fetchJson: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    expect(await lookUpEntity(kim, 'en', deps)).toEqual({ state: 'none' });
  });
});

describe('the answer cache', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('answers a second lookup of the same name from the cache, until the time to live is over', async () => {
    const { deps, requests } = fakeWikipedia({
      [searchEn]: KIM_SEARCH_EN,
      [`${en}/api/rest_v1/page/summary/Kim_Jong_Un`]: KIM_SUMMARY_EN,
    });
    const cached = { ...deps, cache: openAnswerCache() };
    await lookUpEntity(kim, 'en', cached);
    await lookUpEntity(kim, 'en', cached);
    expect(requests).toHaveLength(2);
    vi.setSystemTime(Date.now() + CACHE_TTL_MS + 1);
    await lookUpEntity(kim, 'en', cached);
    expect(requests).toHaveLength(4);
  });

  it('does not cache failures: the next card asks again', async () => {
    let online = false;
    const requests: string[] = [];
    const deps: LookupDeps = {
      origin: () => en,
      cache: openAnswerCache(),
      fetchJson: async (url) => {
        requests.push(url);
        if (!online) throw new TypeError('offline');
        return url.includes('search') ? KIM_SEARCH_EN : KIM_SUMMARY_EN;
      },
    };
    expect((await lookUpEntity(kim, 'en', deps)).state).toBe('none');
    online = true;
    expect((await lookUpEntity(kim, 'en', deps)).state).toBe('summary');
  });

  it('keeps at most `cap` entries, dropping the least recently used', async () => {
    const cache = openAnswerCache({ cap: 2, evictEvery: 1 });
    await cache.set('a', 1);
    vi.setSystemTime(Date.now() + 1000);
    await cache.set('b', 2);
    vi.setSystemTime(Date.now() + 1000);
    expect(await cache.get('a')).toBe(1); // a is now used more recently than b
    vi.setSystemTime(Date.now() + 1000);
    await cache.set('c', 3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
  });
});

describe('keysToEvict', () => {
  it('drops stale entries first, then the least recently used over the cap', () => {
    const now = 10 * CACHE_TTL_MS;
    const entries = [
      { key: 'old', storedAt: now - CACHE_TTL_MS - 1, usedAt: now },
      { key: 'lru', storedAt: now - 10, usedAt: now - 10 },
      { key: 'new', storedAt: now - 5, usedAt: now - 1 },
    ];
    expect(keysToEvict(entries, now, 1)).toEqual(['old', 'lru']);
    expect(keysToEvict(entries, now, 5)).toEqual(['old']);
  });
});
