import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { entityByStringSearch, makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { ImportError } from './errors.ts';
import { articlesToNetscapeBookmarks } from './export-bookmarks.ts';
import { EXPORT_VERSION, exportLibraryJson, parseLibraryJson } from './export-json.ts';
import { articleToMarkdown } from './export-markdown.ts';
import { importLibraryFile } from './import-file.ts';
import { type Library, openLibrary } from './library.ts';

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
    entities: [entityByStringSearch(text, 'Pjöngjang', 'place')],
    quotes: [
      { id: 'q1', text: 'schwieg', kind: 'phrase', start: 40, end: 47, speaker: null, speakerEntityId: null },
    ],
    related: [{ url: 'https://x.example/r', title: 'R', host: 'x.example', source: 'block', score: 1 }],
    tags: ['nordkorea', 'später lesen'],
    read: true,
    text,
    blocks: [{ kind: 'paragraph', text, start: 0 }],
  });

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
    ['10 MB of noise after a brace', `{${noise}`, 'not-json', /damaged/],
    ['other JSON', '{"bookmarks": []}', 'wrong-format', /not a Kontext export/],
    [
      'newer version',
      good.replace(`"version": ${EXPORT_VERSION}`, '"version": 99'),
      'wrong-version',
      /newer Kontext/,
    ],
    [
      'unknown version',
      good.replace(`"version": ${EXPORT_VERSION}`, '"version": "1.0"'),
      'wrong-version',
      /unknown format version/,
    ],
    ['missing field', good.replace('"title": "Kim & die <Soldaten>",', ''), 'invalid', /article 1.*title/i],
    ['wrong type', good.replace('"read": true', '"read": "yes"'), 'invalid', /article 1.*read/i],
    [
      'bad URL',
      good.replace('"url": "https://tagesblick.example/politik/kim"', '"url": "nope"'),
      'invalid',
      /url/,
    ],
    ['offsets beyond the text', good.replace('"end": 47', '"end": 4700'), 'invalid', /positions outside/],
  ];

  it.each(badFiles)(
    'refuses %s with a clear message and changes nothing',
    async (_name, file, code, message) => {
      const library = await freshLibrary();
      const before = await library.save(makeSavedArticle({ title: 'Before import' }));
      const error = await importLibraryFile(library, file, keepHtml).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ code });
      expect((error as Error).message).toMatch(message);
      library.refresh();
      expect(await library.exportAll()).toEqual([before]);
    },
  );

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
      /^---\ntitle: "Kim & die <Soldaten>"\nurl: "https:\/\/tagesblick.example\/politik\/kim"\n/,
    );
    expect(md).toContain('author: "Anna Beispiel"');
    expect(md).toContain('tags: ["nordkorea", "später lesen"]');
    expect(md).toContain('read: true');
    expect(md).toContain('# Kim & die \\<Soldaten\\>');
    expect(md).toContain('## Summary\n\n- Kim Jong Un sprach in Pjöngjang.');
    expect(md).toContain('- Pjöngjang (place)');
    expect(md).toContain('## Text\n\nKim Jong Un sprach in Pjöngjang. Moskau schwieg.');
  });

  it('keeps page text from becoming Markdown or HTML', () => {
    const evil = 'Click [here](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const md = articleToMarkdown(
      makeSavedArticle({ text: evil, blocks: [{ kind: 'paragraph', text: evil, start: 0 }] }),
    );
    expect(md).toContain('Click \\[here\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>');
  });
});

describe('Netscape bookmark export', () => {
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
