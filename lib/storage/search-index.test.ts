import type MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateLibrary } from '../../tests/support/saved-articles.ts';
import { ArticleIndex, SLICE_MS, timeSlice } from './search-index.ts';

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

describe('ArticleIndex serialised term by term', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes exactly what MiniSearch toJSON writes (so a MiniSearch upgrade that changes it fails here)', async () => {
    const index = ArticleIndex.build(generateLibrary(300));
    index.remove(generateLibrary(300)[0]!.id);
    const [head, ...slices] = (await index.toParts())!;
    const assembled = JSON.parse(head!) as { index: unknown[] };
    for (const slice of slices) assembled.index.push(...(JSON.parse(slice) as unknown[]));
    const inner = (index as unknown as { search: MiniSearch }).search;
    expect(assembled).toEqual(JSON.parse(JSON.stringify(inner.toJSON())));
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
