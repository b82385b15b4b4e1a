/**
 * Hostile and extreme library files (issue 18), generated at test time, for the unit tests and the
 * saved-articles e2e test:
 *  - `refusedImports`: files the import must refuse, each with the ImportError code it must give;
 *  - `acceptedHostileArticle`: a record every field of which is legal but hostile (HTML in the title,
 *    author and site name, quotes and angle brackets in the URL, a javascript: link in the text), which the
 *    import accepts and every export must carry safely;
 *  - `damagedStoredRecords`: records as an older Kontext may have left them in IndexedDB (before the
 *    import checked every field), which the list and the reader must render and an export must repair.
 */
import { cardOf, openLibraryDb } from '../../lib/storage/schema.ts';
import type { SavedArticle, SavedCard } from '../../lib/storage/types.ts';
import { makeSavedArticle } from './saved-articles.ts';

/** A JSON export around `articles` as written text (articles may be raw JSON text, for 1e999). */
export function exportText(articles: Array<SavedArticle | string>, version: unknown = 1): string {
  const body = articles.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(',');
  return `{"format":"kontext-library","version":${JSON.stringify(version)},"exportedAt":"2025-01-01T00:00:00.000Z","articles":[${body}]}`;
}

/** A valid article serialised with one field's JSON text replaced (for values JSON.stringify cannot write). */
function withRawField(article: SavedArticle, field: keyof SavedArticle, rawJson: string): string {
  const marker = '"__raw__"';
  return JSON.stringify({ ...article, [field]: '__raw__' }).replace(marker, rawJson);
}

export interface RefusedImport {
  name: string;
  file: string;
  /** The ImportError code the import must give. */
  code: string;
  /** What the English message must say. */
  message: RegExp;
}

/** Files the import must refuse; importing any of them must change nothing. */
export function refusedImports(): RefusedImport[] {
  const valid = () => makeSavedArticle({ url: 'https://news.example.com/hostile/valid' });
  const related = (url: string, score = 1) => [
    { url, title: 'Related', host: 'x.example', source: 'block' as const, score },
  ];
  return [
    {
      name: 'a savedAt with a space before its time zone',
      file: exportText([makeSavedArticle({ savedAt: '2024-01-01T00:00:00 +01:00' })]),
      code: 'invalid',
      message: /article 1.*savedAt.*ISO 8601/,
    },
    {
      name: 'a savedAt on a day that does not exist',
      file: exportText([makeSavedArticle({ savedAt: '2024-02-30T00:00:00.000Z' })]),
      code: 'invalid',
      message: /savedAt/,
    },
    {
      name: 'readingMinutes 1e999 (Infinity)',
      file: exportText([withRawField(valid(), 'readingMinutes', '1e999')]),
      code: 'invalid',
      message: /readingMinutes/,
    },
    {
      name: 'a related score of 1e999 (Infinity)',
      file: exportText([
        JSON.stringify(valid()).replace(
          '"related":[]',
          `"related":${JSON.stringify(related('https://x.example/r', 7)).replace('"score":7', '"score":1e999')}`,
        ),
      ]),
      code: 'invalid',
      message: /related.*score/,
    },
    ...[
      'javascript:alert(document.domain)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ].map((url) => ({
      name: `an article URL ${url.slice(0, 11)}…`,
      file: exportText([makeSavedArticle({ url })]),
      code: 'invalid',
      message: /url.*http\(s\)/,
    })),
    {
      name: 'a related link to javascript:',
      file: exportText([makeSavedArticle({ related: related('javascript:alert(1)') })]),
      code: 'invalid',
      message: /related.*http\(s\)/,
    },
    {
      name: 'a 100,000-character title',
      file: exportText([makeSavedArticle({ title: 'T'.repeat(100_000) })]),
      code: 'invalid',
      message: /title.*longer than/,
    },
    {
      name: '5,000 tags',
      file: exportText([makeSavedArticle({ tags: Array.from({ length: 5_000 }, (_, i) => `t${i}`) })]),
      code: 'invalid',
      message: /tags.*more than/,
    },
    {
      name: 'a language that is markup',
      file: exportText([makeSavedArticle({ lang: '"><b>' })]),
      code: 'invalid',
      message: /lang/,
    },
    {
      name: 'the version as text ("1")',
      file: exportText([valid()], '1'),
      code: 'version-not-number',
      message: /not a number/,
    },
    {
      name: 'a file holding a list of articles',
      file: JSON.stringify([valid()]),
      code: 'json-array',
      message: /holds a list/,
    },
  ];
}

/** Legal in every field and hostile in most: the import accepts it; list, reader and exports stay inert. */
export function acceptedHostileArticle(): SavedArticle {
  const text = 'Click [here](javascript:alert(1)) <img src=x onerror=alert(1)> and read on.';
  return makeSavedArticle({
    url: 'https://evil.example/a?q="><script>alert(1)</script>&x=<y>',
    title: '<script>alert("title")</script><img src=x onerror="alert(1)"> Headline',
    byline: '</script><img src=x onerror=alert("author")>',
    siteName: '"><svg onload=alert("site")>',
    excerpt: '---\ninjected: true\n---',
    tags: ['<b>bold</b>', 'a, b', '"quoted"'],
    text,
    blocks: [{ kind: 'paragraph', text, start: 0 }],
    related: [
      { url: 'https://x.example/r?a=">', title: '<i>r</i>', host: 'x.example', source: 'block', score: 0.5 },
    ],
  });
}

/**
 * Records as they may already sit in IndexedDB: the article and its card, with fields the import now
 * refuses. Put them in with plain IndexedDB writes (see the tests), never through the library.
 */
export function damagedStoredRecords(): Array<{
  article: Record<string, unknown>;
  card: Record<string, unknown>;
}> {
  const damaged = (id: string, fields: Record<string, unknown>) => {
    const base = makeSavedArticle({ id, url: `https://damaged.example/${id}`, title: `Damaged ${id}` });
    const article: Record<string, unknown> = { ...base, ...fields };
    const card: Record<string, unknown> = {
      ...cardOf({ ...base, ...fields } as SavedArticle, 1),
      ...(fields.card as object | undefined),
    };
    delete article.card;
    return { article, card };
  };
  return [
    damaged('bad-date', { savedAt: '2024-01-01T00:00:00 +01:00', title: 'Damaged bad-date' }),
    damaged('no-date', { savedAt: 'yesterday', title: 'Damaged no-date' }),
    damaged('infinite', {
      readingMinutes: Number.POSITIVE_INFINITY,
      related: [{ url: 'javascript:alert(1)', title: 'r', host: 'x', source: 'block', score: Number.NaN }],
    }),
    damaged('wrong-types', {
      tags: 'not a list',
      lang: 42,
      siteName: { evil: true },
      summary: [{ text: 'beyond the text', start: 0, end: 99_999 }],
      card: { entityNames: null, tags: 'not a list', lang: 42, siteName: { evil: true } },
    }),
  ];
}

/** Writes `damagedStoredRecords()` straight into a library database (as an older Kontext left them). */
export async function storeDamagedRecords(factory: IDBFactory, name?: string): Promise<string[]> {
  const records = damagedStoredRecords();
  const db = await openLibraryDb(factory, undefined, name);
  const tx = db.transaction(['articles', 'cards'], 'readwrite');
  for (const { article, card } of records) {
    await tx.objectStore('articles').put(article as unknown as SavedArticle);
    await tx.objectStore('cards').put(card as unknown as SavedCard);
  }
  await tx.done;
  db.close();
  return records.map((r) => String(r.article.title));
}
