import type { AsPlainObject, default as MiniSearch } from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateLibrary, makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { ArticleIndex, addPart, SLICE_MS, timeSlice } from './search-index.ts';

describe('ArticleIndex snapshot in parts', () => {
  it('splits a large index into several parts and restores one that answers the same', async () => {
    const index = ArticleIndex.build(generateLibrary(300));
    const parts = (await index.toParts())!;
    // 300 generated articles make about a megabyte of index: several parts of at most ~256 K characters.
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThan(400 * 1024);
    const restored = await ArticleIndex.fromParts(parts);
    expect(restored.size).toBe(300);
    for (const query of ['Pjöngjang', 'pjongjang regierung', 'wirtsch', 'climate court', 'nothingmatches']) {
      expect(restored.query(query)).toEqual(index.query(query));
    }
    expect(restored.query('wirtsch').length).toBeGreaterThan(0);
  });

  it('rejects a snapshot without parts or with a broken part', async () => {
    await expect(ArticleIndex.fromParts([])).rejects.toThrow();
    const parts = (await ArticleIndex.build(generateLibrary(5)).toParts())!;
    await expect(ArticleIndex.fromParts([parts[0]!, '[["x", {'])).rejects.toThrow();
  });
});

/** toParts' parts joined as fromParts joins them, without the pauses. */
async function assembled(index: ArticleIndex): Promise<AsPlainObject> {
  const [head, ...rest] = (await index.toParts())!;
  const plain = JSON.parse(head!) as AsPlainObject;
  for (const part of rest) addPart(plain, part);
  return plain;
}

/** What MiniSearch's own toJSON writes, as JSON would read it back. */
const plainOf = (index: ArticleIndex) =>
  JSON.parse(JSON.stringify((index as unknown as { search: MiniSearch }).search.toJSON()));

describe('ArticleIndex serialised term by term', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes exactly what MiniSearch toJSON writes (so a MiniSearch upgrade that changes it fails here)', async () => {
    const index = ArticleIndex.build(generateLibrary(300));
    index.remove(generateLibrary(300)[0]!.id);
    expect(await assembled(index)).toEqual(plainOf(index));
  });

  it('splits the documents and a word found in every article over several parts, and joins them again', async () => {
    // More articles than one part's documents (5,000) and than one piece's postings: every one has
    // "article" in its title and text.
    const articles = Array.from({ length: 6000 }, () =>
      makeSavedArticle({ title: 'Article', text: 'An article' }),
    );
    const index = ArticleIndex.build(articles);
    const parts = (await index.toParts())!;
    const documentParts = parts.filter((part) => part.startsWith('{"documentIds"'));
    expect(documentParts).toHaveLength(2);
    const pieces = parts.flatMap((part) => (part.startsWith('[') ? (JSON.parse(part) as unknown[][]) : []));
    expect(pieces.filter((entry) => entry[0] === 'article').length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThan(400 * 1024);
    expect(await assembled(index)).toEqual(plainOf(index));
    const restored = await ArticleIndex.fromParts(parts);
    expect(restored.query('article')).toHaveLength(6000);
    expect(restored.query('article')).toEqual(index.query('article'));
  });

  it('gives up (null) when the index changes during one of its pauses', async () => {
    vi.useFakeTimers();
    const library = generateLibrary(300);
    const index = ArticleIndex.build(library.slice(1));
    const parts = index.toParts();
    index.upsert(library[0]!);
    await vi.runAllTimersAsync();
    expect(await parts).toBeNull();
  });
});

describe('timeSlice', () => {
  it('says to pause only once SLICE_MS have passed since the last pause', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const sliceOver = timeSlice();
    now += SLICE_MS - 1;
    expect(sliceOver()).toBe(false);
    now += 1;
    expect(sliceOver()).toBe(true);
    now += SLICE_MS - 1;
    expect(sliceOver()).toBe(false);
  });
});
