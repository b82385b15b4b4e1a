/**
 * The full, versioned JSON export and its validating import. The file is the reader's backup, so it
 * holds every field; on import it is untrusted input: it is parsed, checked against a valibot schema,
 * and either accepted whole or refused with a message that says what is wrong (nothing is changed).
 * contentHtml in an imported file is NOT trusted: the page that imports sanitises it before saving.
 */
import * as v from 'valibot';
import { BLOCK_KINDS } from '../types.ts';
import { ImportError } from './errors.ts';
import { normalizeArticleUrl } from './normalize-url.ts';
import type { SavedArticle } from './types.ts';

export const EXPORT_FORMAT = 'kontext-library';
export const EXPORT_VERSION = 1;
/** Far above any real library (2,000 articles with their HTML are tens of MB), far below memory trouble. */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: SavedArticle[];
}

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = offset;
const strings = v.array(v.string());

const EntitySchema = v.object({
  id: v.string(),
  name: v.string(),
  kind: v.picklist(['person', 'place', 'organization']),
  count,
  aliases: strings,
  firstSentence: v.string(),
  sentences: strings,
  mentions: v.array(v.object({ start: offset, end: offset, text: v.string() })),
});

const QuoteSchema = v.object({
  id: v.string(),
  text: v.string(),
  kind: v.picklist(['speech', 'phrase']),
  start: offset,
  end: offset,
  speaker: v.nullable(v.string()),
  speakerEntityId: v.nullable(v.string()),
});

const ArticleSchema = v.object({
  id: v.string(),
  url: v.pipe(v.string(), v.url()),
  normalizedUrl: v.optional(v.string(), ''),
  title: v.string(),
  byline: v.nullable(v.string()),
  siteName: v.nullable(v.string()),
  lang: v.pipe(v.string(), v.maxLength(35)),
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  readingMinutes: v.pipe(v.number(), v.minValue(0)),
  excerpt: v.nullable(v.string()),
  summary: v.array(v.object({ text: v.string(), start: offset, end: offset })),
  entities: v.array(EntitySchema),
  quotes: v.array(QuoteSchema),
  related: v.array(
    v.object({
      url: v.string(),
      title: v.string(),
      host: v.string(),
      source: v.picklist(['block', 'in-text', 'pingback']),
      score: v.number(),
    }),
  ),
  tags: strings,
  read: v.boolean(),
  contentHtml: v.string(),
  text: v.string(),
  blocks: v.optional(
    v.array(
      v.object({
        kind: v.picklist(BLOCK_KINDS),
        text: v.string(),
        start: offset,
      }),
    ),
    [],
  ),
});

const ExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  articles: v.array(ArticleSchema),
});

export function exportLibraryJson(articles: SavedArticle[], now: Date = new Date()): string {
  const file: LibraryExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles,
  };
  return JSON.stringify(file, null, 1);
}

function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const where = path?.replace(/^articles\.(\d+)/, (_m, i: string) => `article ${Number(i) + 1}`);
      return `${where ?? 'file'}: ${issue.message}`;
    })
    .join('; ');
}

/** Offsets that point outside the text would make the reader highlight garbage: the file is damaged. */
function checkOffsets(article: SavedArticle, index: number): void {
  const limit = article.text.length;
  const spans = [
    ...article.entities.flatMap((e) => e.mentions),
    ...article.quotes,
    ...article.summary,
    ...article.blocks.map((b) => ({ start: b.start, end: b.start + b.text.length })),
  ];
  if (spans.some((s) => s.start > s.end || s.end > limit)) {
    throw new ImportError(
      'invalid',
      `Article ${index + 1} ("${article.title}") has positions outside its text. Nothing was imported.`,
    );
  }
}

/** Parses and validates a JSON export. Throws ImportError (with a reader-facing message) on any problem. */
export function parseLibraryJson(text: string): SavedArticle[] {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportError('too-large', 'This file is too large to be a Kontext export.');
  }
  const trimmed = text.trim();
  if (!trimmed) throw new ImportError('empty', 'This file is empty.');
  if (!trimmed.startsWith('{')) {
    throw new ImportError(
      'not-json',
      'This is not a Kontext export (it is not a JSON file). Nothing was imported.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    // V8 says "Unexpected end of JSON input", Firefox "end of data", older engines "Unterminated string".
    const cutOff = /end of (json )?(input|data)|unterminated/i.test(String(error));
    throw cutOff
      ? new ImportError(
          'truncated',
          'This file is cut off (incomplete JSON): it may not have finished downloading. Nothing was imported.',
          { cause: error },
        )
      : new ImportError('not-json', 'This file is damaged: it is not valid JSON. Nothing was imported.', {
          cause: error,
        });
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) {
    throw new ImportError('wrong-format', 'This JSON file is not a Kontext export. Nothing was imported.');
  }
  if (head.version !== EXPORT_VERSION) {
    const newer = typeof head.version === 'number' && head.version > EXPORT_VERSION;
    throw new ImportError(
      'wrong-version',
      newer
        ? `This export was made by a newer Kontext (format version ${head.version}); update Kontext to import it. Nothing was imported.`
        : `This export has an unknown format version (${String(head.version)}); this Kontext reads version ${EXPORT_VERSION}. Nothing was imported.`,
    );
  }
  const result = v.safeParse(ExportSchema, data);
  if (!result.success) {
    throw new ImportError(
      'invalid',
      `This export is damaged: ${describeIssues(result.issues)}. Nothing was imported.`,
    );
  }
  const articles = result.output.articles.map((a) => ({ ...a, normalizedUrl: normalizeArticleUrl(a.url) }));
  articles.forEach(checkOffsets);
  return articles;
}
