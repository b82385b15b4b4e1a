import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { exportLibraryJson, readLibraryFile, readLibraryFileInSteps } from './export-json.ts';
import { importLibraryFile } from './import-file.ts';
import { parseArticlesInSteps } from './json-steps.ts';
import { openLibrary } from './library.ts';

const noPause = () => Promise.resolve();

/** A file of `n` articles whose texts hold what a scanner could trip on: brackets, quotes, escapes, keys. */
function trickyFile(n: number, textChars = 40): string {
  const tricky = 'a ] b [ c } d { e , f \\ g " h "articles": [1, 2] ü 😀 ';
  return exportLibraryJson(
    Array.from({ length: n }, (_, i) =>
      makeSavedArticle({
        url: `https://tricky.example/${i}`,
        title: `${tricky}${i}`,
        text: tricky.repeat(Math.ceil(textChars / tricky.length)),
      }),
    ),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parsing a library file in steps', () => {
  it('finds the same articles and envelope as one JSON.parse, in several groups with pauses', async () => {
    const file = trickyFile(300, 2_000);
    let pauses = 0;
    const stepped = await parseArticlesInSteps(file, async () => {
      pauses++;
    });
    const whole = JSON.parse(file) as { articles: unknown[] };
    expect(stepped?.articles).toEqual(whole.articles);
    expect({ ...stepped?.envelope, articles: whole.articles }).toEqual(whole);
    // 300 articles of ~2 KB: more than one group of 256 KB, a pause before each.
    expect(pauses).toBeGreaterThan(1);
    expect(await readLibraryFileInSteps(file, noPause)).toEqual(readLibraryFile(file));
  });

  it('leaves every unusual file to one JSON.parse, so errors read exactly as before', async () => {
    const good = trickyFile(2);
    const unusual = [
      good.slice(0, -10), // cut off
      `[${good}]`, // a list
      good.replace('"articles":', '"\\u0061rticles":'), // the key written with an escape
      good.replace('"format":', '"articles": [], "format":'), // two "articles" arrays
      `${good.slice(0, -1)}, "\\u0061rticles": [] }`, // a later escaped duplicate wins in JSON.parse
      good.replace(/\]\s*\}\s*$/, ',]}'), // a trailing comma
      '{"format": "kontext-library"}', // no articles at all
    ];
    for (const file of unusual) expect(await parseArticlesInSteps(file, noPause), file.slice(-40)).toBeNull();
    for (const file of unusual) {
      const before = (() => {
        try {
          return readLibraryFile(file);
        } catch (error) {
          return error;
        }
      })();
      const after = await readLibraryFileInSteps(file, noPause).catch((error: unknown) => error);
      expect(after).toEqual(before);
    }
  });

  it('a trailing comma after a group boundary is refused as one JSON.parse refuses it', async () => {
    const file = trickyFile(300, 2_000).replace(/\]\s*\}\s*$/, ',]}');
    expect(await parseArticlesInSteps(file, noPause)).toBeNull();
    await expect(readLibraryFileInSteps(file, noPause)).rejects.toMatchObject({ code: 'damaged-json' });
  });

  it('an import never parses the whole file in one task', async () => {
    const library = await openLibrary(new IDBFactory(), { broadcast: false });
    const file = trickyFile(300, 2_000);
    const parse = vi.spyOn(JSON, 'parse');
    const report = await importLibraryFile(library, file, (html) => html);
    expect(report).toEqual({ added: 300, merged: 0 });
    const longest = Math.max(...parse.mock.calls.map(([text]) => String(text).length));
    expect(longest).toBeLessThan(file.length / 2);
    library.close();
  });
});
