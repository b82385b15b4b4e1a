import { describe, expect, it } from 'vitest';
import { generateLibrary } from '../../tests/support/saved-articles.ts';
import { ArticleIndex } from './search-index.ts';

describe('ArticleIndex snapshot in parts', () => {
  it('splits a large index into several parts and restores one that answers the same', async () => {
    const index = ArticleIndex.build(generateLibrary(300));
    const parts = await index.toParts();
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
    const parts = await ArticleIndex.build(generateLibrary(5)).toParts();
    await expect(ArticleIndex.fromParts([parts[0]!, '[["x", {'])).rejects.toThrow();
  });
});
