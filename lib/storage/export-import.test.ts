import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acceptedHostileArticle,
  damagedStoredRecords,
  exportText,
  refusedImports,
  storeDamagedRecords,
} from '../../tests/support/hostile-library.ts';
import { entityByStringSearch, makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { ImportError } from './errors.ts';
import { articlesToNetscapeBookmarks } from './export-bookmarks.ts';
import { EXPORT_VERSION, exportLibraryJson, parseLibraryJson } from './export-json.ts';
import { articleToMarkdown } from './export-markdown.ts';
import { importLibraryFile } from './import-file.ts';
import { type Library, openLibrary } from './library.ts';
import { UNKNOWN_SAVED_AT } from './record-rules.ts';

const libraries: Library[] = [];
async function freshLibrary() {
  const library = await openLibrary(new IDBFactory(), { broadcast: false });
  libraries.push(library);
  return library;
}
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
});

const text = 'Kim Jong Un sprach in Pjöngjang. Moskau schwieg.';
const rich = () =>
  makeSavedArticle({
    url: 'https://tagesblick.example/politik/kim',
    title: 'Kim & die <Soldaten>',
    byline: 'Anna Beispiel',
    siteName: 'Tagesblick',
    lang: 'de',
    excerpt: 'Eine Botschaft zum Jahreswechsel.',
    summary: [{ text: 'Kim Jong Un sprach in Pjöngjang.', start: 0, end: 32 }],
    entities: [
      entityByStringSearch(text, 'Pjöngjang', 'place'),
      // Below the confidence threshold: the reader must not paint it either.
      { ...entityByStringSearch(text, 'Moskau', 'place'), confidence: 0.4, possible: true },
    ],
    quotes: [
      { id: 'q1', text: 'schwieg', kind: 'phrase', start: 40, end: 47, speaker: null, speakerEntityId: null },
      {
        id: 'q2',
        text: 'sprach',
        kind: 'speech',
        start: 12,
        end: 18,
        speaker: null,
        speakerEntityId: null,
        speakerUnclear: true,
        speakerCandidateId: 'person:kim-jong-un',
      },
    ],
    related: [{ url: 'https://x.example/r', title: 'R', host: 'x.example', source: 'block', score: 1 }],
    tags: ['nordkorea', 'später lesen'],
    read: true,
    text,
    blocks: [{ kind: 'paragraph', text, start: 0 }],
  });

/** Imports `file` into a library holding one article: the import must fail as given and change nothing. */
async function expectRefusedUnchanged(file: string, code: string, message: RegExp) {
  const library = await freshLibrary();
  const before = await library.save(makeSavedArticle({ title: 'Before import' }));
  const error = await importLibraryFile(library, file, keepHtml).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toMatch(message);
  library.refresh();
  expect(await library.exportAll()).toEqual([before]);
}

/** Identity sanitiser for tests of the file logic (the sanitiser has its own tests). */
const keepHtml = (html: string) => html;

describe('JSON export and import', () => {
  it('round-trips every field', () => {
    const articles = [rich(), makeSavedArticle()];
    const file = exportLibraryJson(articles, new Date('2025-02-01T00:00:00Z'));
    expect(JSON.parse(file)).toMatchObject({ format: 'kontext-library', version: EXPORT_VERSION });
    expect(parseLibraryJson(file)).toEqual(articles);
  });

  it('imports into a library, merging with what is there', async () => {
    const library = await freshLibrary();
    await library.save(makeSavedArticle({ url: 'https://tagesblick.example/politik/kim/', tags: ['mine'] }));
    const report = await importLibraryFile(
      library,
      exportLibraryJson([rich(), makeSavedArticle()]),
      keepHtml,
    );
    expect(report).toEqual({ added: 1, merged: 1 });
    const merged = await library.getByUrl('https://tagesblick.example/politik/kim');
    expect(merged?.tags).toEqual(['mine', 'nordkorea', 'später lesen']);
    // Importing the same file again adds nothing.
    expect(await importLibraryFile(library, exportLibraryJson([rich()]), keepHtml)).toEqual({
      added: 0,
      merged: 1,
    });
    expect(await library.list()).toHaveLength(2);
  });

  it('sanitises imported HTML through the given sanitiser', async () => {
    const library = await freshLibrary();
    const article = makeSavedArticle({ contentHtml: '<p>ok</p><script>bad()</script>' });
    await importLibraryFile(library, exportLibraryJson([article]), (html) =>
      html.replace(/<script>.*<\/script>/, ''),
    );
    expect((await library.getByUrl(article.url))?.contentHtml).toBe('<p>ok</p>');
  });

  const good = exportLibraryJson([rich(), makeSavedArticle()]);
  const noise = (() => {
    // 10 MB of deterministic pseudo-random printable noise (a 64 KiB block, repeated).
    let state = 1;
    const chars: string[] = [];
    for (let i = 0; i < 64 * 1024; i++) {
      state = (state * 48271) % 2147483647;
      chars.push(String.fromCharCode(32 + (state % 95)));
    }
    return chars.join('').repeat(160);
  })();

  const badFiles: Array<[string, string, string, RegExp]> = [
    ['empty', '   ', 'empty', /empty/],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), 'truncated', /cut off/],
    ['junk text', 'hello, this is a shopping list', 'not-json', /not a Kontext export/],
    ['10 MB of noise', noise, 'not-json', /not (a Kontext export|valid JSON)/],
    ['10 MB of noise after a brace', `{${noise}`, 'damaged-json', /damaged: it is not valid JSON/],
    ['other JSON', '{"bookmarks": []}', 'wrong-format', /not a Kontext export/],
    [
      'newer version',
      good.replace(`"version": ${EXPORT_VERSION}`, '"version": 99'),
      'newer-version',
      /newer Kontext \(format version 99\)/,
    ],
    [
      'unknown version',
      good.replace(`"version": ${EXPORT_VERSION}`, '"version": 0'),
      'wrong-version',
      /unknown format version \(0\); this Kontext reads version 1/,
    ],
    [
      'version as text',
      good.replace(`"version": ${EXPORT_VERSION}`, '"version": "1.0"'),
      'version-not-number',
      /format version is "1.0", not a number/,
    ],
    ['a JSON number', '42', 'not-json', /not a JSON file/],
    ['a JSON string', '"kontext-library"', 'not-json', /not a JSON file/],
    ['missing field', good.replace('"title": "Kim & die <Soldaten>",', ''), 'invalid', /article 1.*title/i],
    ['wrong type', good.replace('"read": true', '"read": "yes"'), 'invalid', /article 1.*read/i],
    [
      'bad URL',
      good.replace('"url": "https://tagesblick.example/politik/kim"', '"url": "nope"'),
      'invalid',
      /article 1\.url: not an http\(s\) address/,
    ],
    ['offsets beyond the text', good.replace('"end": 47', '"end": 4700'), 'invalid', /positions outside/],
  ];

  it.each(badFiles)('refuses %s with a clear message and changes nothing', (_name, file, code, message) =>
    expectRefusedUnchanged(file, code, message),
  );

  it.each(refusedImports())('refuses a hostile file: $name', ({ file, code, message }) =>
    expectRefusedUnchanged(file, code, message),
  );

  it('stores save dates in one canonical form, so they sort as strings', () => {
    const file = exportText([
      makeSavedArticle({ savedAt: '2024-01-01T00:30:00+01:00' }),
      makeSavedArticle({ savedAt: '2024-01-01T00:00:00Z' }),
    ]);
    expect(parseLibraryJson(file).map((a) => a.savedAt)).toEqual([
      '2023-12-31T23:30:00.000Z',
      '2024-01-01T00:00:00.000Z',
    ]);
  });

  it('accepts a hostile but legal record and round-trips it exactly', async () => {
    const hostile = acceptedHostileArticle();
    expect(parseLibraryJson(exportLibraryJson([hostile]))).toEqual([hostile]);
    const library = await freshLibrary();
    await importLibraryFile(library, exportLibraryJson([hostile]), keepHtml);
    const again = parseLibraryJson(exportLibraryJson(await library.exportAll()));
    expect(again).toEqual([{ ...hostile, id: again[0]!.id }]);
  });

  it('exports damaged records already in the database in a form that re-imports', async () => {
    const factory = new IDBFactory();
    await storeDamagedRecords(factory);
    const library = await openLibrary(factory, { broadcast: false });
    libraries.push(library);
    const exported = exportLibraryJson(await library.exportAll());
    const parsed = parseLibraryJson(exported);
    expect(parsed.map((a) => a.title).sort()).toEqual(
      damagedStoredRecords()
        .map((r) => r.article.title)
        .sort(),
    );
    const byTitle = new Map(parsed.map((a) => [a.title, a]));
    expect(byTitle.get('Damaged bad-date')?.savedAt).toBe('2023-12-31T23:00:00.000Z');
    expect(byTitle.get('Damaged no-date')?.savedAt).toBe(UNKNOWN_SAVED_AT);
    expect(byTitle.get('Damaged infinite')).toMatchObject({ readingMinutes: 0, related: [] });
    expect(byTitle.get('Damaged wrong-types')).toMatchObject({
      tags: [],
      lang: 'und',
      siteName: null,
      summary: [],
    });
    // And the re-import of that backup holds exactly what was exported.
    const restored = await freshLibrary();
    expect(await importLibraryFile(restored, exported, keepHtml)).toEqual({ added: 4, merged: 0 });
    expect(parseLibraryJson(exportLibraryJson(await restored.exportAll()))).toEqual(parsed);
  });

  it('reports progress through checking and saving on a large file, then imports all of it', async () => {
    const library = await freshLibrary();
    const articles = Array.from({ length: 1_200 }, (_, i) =>
      makeSavedArticle({ url: `https://big.example/${i}` }),
    );
    const seen: string[] = [];
    const report = await importLibraryFile(library, exportLibraryJson(articles), keepHtml, {
      onProgress: ({ phase, done, total }) => seen.push(`${phase} ${done}/${total}`),
    });
    expect(report).toEqual({ added: 1_200, merged: 0 });
    expect(seen).toEqual([
      ...[200, 400, 600, 800, 1000, 1200].map((n) => `checking ${n}/1200`),
      ...[200, 400, 600, 800, 1000, 1200].map((n) => `saving ${n}/1200`),
    ]);
    expect(await library.list()).toHaveLength(1_200);
  });

  it('drops unknown fields instead of storing them', () => {
    const file = JSON.parse(good);
    file.articles[0].evil = '<script>';
    expect(parseLibraryJson(JSON.stringify(file))[0]).not.toHaveProperty('evil');
  });
});

describe('Markdown export', () => {
  it('has front matter, title, summary, entities and the text', () => {
    const md = articleToMarkdown(rich());
    expect(md).toMatch(
      /^---\ntitle: "Kim \\u0026 die \\u003cSoldaten\\u003e"\nurl: "https:\/\/tagesblick.example\/politik\/kim"\n/,
    );
    expect(md).toContain('author: "Anna Beispiel"');
    expect(md).toContain('tags: ["nordkorea", "später lesen"]');
    expect(md).toContain('read: true');
    expect(md).toContain('# Kim \\& die \\<Soldaten\\>');
    expect(md).toContain('## Summary\n\n- Kim Jong Un sprach in Pjöngjang.');
    expect(md).toContain('- Pjöngjang (place)');
    expect(md).toContain('## Text\n\nKim Jong Un sprach in Pjöngjang. Moskau schwieg.');
  });

  it('keeps page text from becoming Markdown or HTML', () => {
    const evil = 'Click [here](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const md = articleToMarkdown(
      makeSavedArticle({ text: evil, blocks: [{ kind: 'paragraph', text: evil, start: 0 }] }),
    );
    expect(md).toContain(
      'Click \\[here\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\>',
    );
  });
});

describe('Markdown export of a hostile record', () => {
  const hostile = acceptedHostileArticle();
  const md = articleToMarkdown(hostile);
  const lines = md.split('\n');

  it('has no raw HTML anywhere: the only "<" opens the address autolink, which nothing ends early', () => {
    const withAngle = lines.filter((line) => /(^|[^\\])</.test(line));
    expect(withAngle).toEqual([`<${new URL(hostile.url).href}>`]);
    expect(withAngle[0]!.slice(1, -1)).not.toMatch(/[\s<>"]/);
    // Front-matter values stay exact for YAML readers (double-quoted, \u escapes).
    const value = (key: string) =>
      JSON.parse(lines.find((l) => l.startsWith(`${key}: `))!.slice(key.length + 2));
    expect(value('title')).toBe(hostile.title);
    expect(value('author')).toBe(hostile.byline);
    expect(value('site')).toBe(hostile.siteName);
    expect(value('url')).toBe(hostile.url);
  });

  it('lets no page text open front matter, a rule, a link or an image', () => {
    expect(lines.filter((l) => l === '---')).toHaveLength(2);
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/);
    expect(md).not.toContain('\ninjected: true');
  });

  it('writes an address that is not http(s) as text, not as a link', () => {
    const md2 = articleToMarkdown(makeSavedArticle({ url: 'javascript:alert(1)' }));
    expect(md2).not.toContain('<javascript:');
    expect(md2).toContain('javascript:alert\\(1\\)');
  });
});

describe('Netscape bookmark export', () => {
  it('leaves out addresses that would be bookmarklets and keeps each bookmark on one line', () => {
    const html = articlesToNetscapeBookmarks([
      makeSavedArticle({ url: 'javascript:alert(document.cookie)', title: 'Bookmarklet' }),
      makeSavedArticle({ url: 'https://ok.example/a', title: 'Line one\n<DT><A HREF="javascript:x">two' }),
    ]);
    expect(html).not.toContain('javascript:alert');
    expect(html).not.toContain('Bookmarklet');
    expect(html.match(/<DT><A /g)).toHaveLength(1);
    expect(html).toContain('>Line one &lt;DT&gt;&lt;A HREF=&quot;javascript:x&quot;&gt;two</A>');
  });

  it('writes one escaped link per article with date, tags and read state', () => {
    const a = rich();
    const html = articlesToNetscapeBookmarks([
      a,
      makeSavedArticle({ url: 'https://x.example/?a=1&b="2"', tags: [] }),
    ]);
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(html).toContain(
      `<DT><A HREF="https://tagesblick.example/politik/kim" ADD_DATE="${Math.floor(Date.parse(a.savedAt) / 1000)}" TAGS="nordkorea,später lesen" READ="1">Kim &amp; die &lt;Soldaten&gt;</A>`,
    );
    expect(html).toContain('<DD>Eine Botschaft zum Jahreswechsel.');
    expect(html).toContain('HREF="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(html.match(/<DT><A /g)).toHaveLength(2);
  });
});
