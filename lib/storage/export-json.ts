/**
 * The full, versioned JSON export and its validating import. The file is the reader's backup, so it
 * holds every field; on import it is untrusted input: it is parsed, checked against a valibot schema,
 * and either accepted whole or refused with a message that says what is wrong (nothing is changed).
 * contentHtml in an imported file is NOT trusted: the page that imports sanitises it before saving.
 */
import * as v from 'valibot';
import { BLOCK_KINDS, ENTITY_KINDS, QUOTE_KINDS } from '../types.ts';
import { sameArticleKey } from '../url.ts';
import { ImportError } from './errors.ts';
import { parseArticlesInSteps } from './json-steps.ts';
import { canonicalTimestamp, isStorableUrl, LANGUAGE_TAG, LIMITS } from './record-rules.ts';
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

const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.text));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `more than ${max} entries`));
const id = text(LIMITS.id);
const name = text(LIMITS.name);
const webUrl = v.pipe(
  v.string(),
  v.check(isStorableUrl, 'not an http(s) address (other schemes, such as javascript: or file:, are refused)'),
);

const EntitySchema = v.object({
  id,
  name,
  kind: v.picklist(ENTITY_KINDS),
  count,
  aliases: list(name, LIMITS.aliases),
  firstSentence: text(LIMITS.text),
  sentences: list(text(LIMITS.text), LIMITS.sentences),
  mentions: list(v.object({ start: offset, end: offset, text: name }), LIMITS.mentions),
  confidence: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1))),
  possible: v.optional(v.boolean()),
});

const QuoteSchema = v.object({
  id,
  text: text(LIMITS.text),
  kind: v.picklist(QUOTE_KINDS),
  start: offset,
  end: offset,
  speaker: v.nullable(name),
  speakerEntityId: v.nullable(id),
  speakerUnclear: v.optional(v.boolean()),
  speakerCandidateId: v.optional(id),
});

const ArticleSchema = v.object({
  id,
  url: webUrl,
  normalizedUrl: v.optional(text(LIMITS.url), ''),
  title: text(LIMITS.title),
  byline: v.nullable(text(LIMITS.byline)),
  siteName: v.nullable(text(LIMITS.siteName)),
  lang: v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'not a language code'), v.maxLength(LIMITS.lang)),
  savedAt: v.pipe(
    v.string(),
    v.maxLength(64),
    v.check(
      (value) => canonicalTimestamp(value) !== null,
      'not an ISO 8601 date and time with a time zone, such as 2025-01-31T08:00:00.000Z',
    ),
    v.transform((value) => canonicalTimestamp(value)!),
  ),
  // Finite: JSON.parse reads 1e999 as Infinity, which JSON.stringify would write back as null.
  readingMinutes: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(LIMITS.readingMinutes)),
  excerpt: v.nullable(text(LIMITS.excerpt)),
  summary: list(v.object({ text: text(LIMITS.text), start: offset, end: offset }), LIMITS.summary),
  entities: list(EntitySchema, LIMITS.entities),
  quotes: list(QuoteSchema, LIMITS.quotes),
  related: list(
    v.object({
      url: webUrl,
      title: name,
      host: name,
      source: v.picklist(['block', 'in-text', 'pingback']),
      score: v.pipe(v.number(), v.finite()),
    }),
    LIMITS.related,
  ),
  tags: list(text(LIMITS.tag), LIMITS.tags),
  read: v.boolean(),
  contentHtml: text(LIMITS.html),
  text: text(LIMITS.text),
  blocks: v.optional(
    list(
      v.object({
        kind: v.picklist(BLOCK_KINDS),
        text: text(LIMITS.text),
        start: offset,
      }),
      LIMITS.blocks,
    ),
    [],
  ),
});

/** The file around the articles; each article is checked on its own (checkArticle), so that can pause. */
const ExportHeadSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  articles: v.array(v.unknown()),
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

function describeIssues(issues: v.BaseIssue<unknown>[], where: string): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return `${path ? `${where}.${path}` : where}: ${issue.message}`;
    })
    .join('; ');
}

function invalid(detail: string): ImportError {
  return new ImportError('invalid', `This export is damaged: ${detail}. Nothing was imported.`, {
    params: { detail },
  });
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
    throw invalid(`article ${index + 1} ("${article.title.slice(0, 80)}") has positions outside its text`);
  }
}

/** Parses and validates a JSON export. Throws ImportError (with a reader-facing message) on any problem. */
export function parseLibraryJson(text: string): SavedArticle[] {
  return readLibraryFile(text).map(checkArticle);
}

/**
 * Checks one article of a file read by readLibraryFile (index: its place in the file, for the message)
 * and returns it as the library stores it. Throws ImportError when it breaks the record rules.
 */
export function checkArticle(raw: unknown, index: number): SavedArticle {
  const result = v.safeParse(ArticleSchema, raw);
  if (!result.success) throw invalid(describeIssues(result.issues, `article ${index + 1}`));
  const article = { ...result.output, normalizedUrl: sameArticleKey(result.output.url) };
  checkOffsets(article, index);
  return article;
}

/**
 * Parses a file and checks everything but the articles themselves (see checkArticle): size, JSON,
 * format and version. Returns the articles as found. Throws ImportError on any problem.
 */
export function readLibraryFile(text: string): unknown[] {
  return checkEnvelope(parseJsonText(trimmedLibraryFile(text)));
}

/**
 * readLibraryFile in steps, for large files: the same checks and errors, but the articles are parsed a
 * group per task (lib/storage/json-steps.ts), so the page stays responsive. `pause` yields to the page.
 */
export async function readLibraryFileInSteps(text: string, pause: () => Promise<void>): Promise<unknown[]> {
  const trimmed = trimmedLibraryFile(text);
  const stepped = await parseArticlesInSteps(trimmed, pause);
  if (!stepped) return readLibraryFile(text);
  checkEnvelope({ ...stepped.envelope, articles: [] });
  return stepped.articles;
}

/** The file's text, trimmed, once it looks like a JSON object or array of a sane size. */
function trimmedLibraryFile(text: string): string {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportError(
      'too-large',
      'This file is too large to be a Kontext export. Nothing was imported.',
    );
  }
  const trimmed = text.trim();
  if (!trimmed) throw new ImportError('empty', 'This file is empty. Nothing was imported.');
  if (!/^[[{]/.test(trimmed)) {
    throw new ImportError(
      'not-json',
      'This is not a Kontext export: it is not a JSON file. Nothing was imported.',
    );
  }
  return trimmed;
}

function parseJsonText(trimmed: string): unknown {
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
      : new ImportError('damaged-json', 'This file is damaged: it is not valid JSON. Nothing was imported.', {
          cause: error,
        });
  }
  return data;
}

/** The checks of the file's top-level object: its articles, each still to be checked (checkArticle). */
function checkEnvelope(data: unknown): unknown[] {
  if (Array.isArray(data)) {
    throw new ImportError(
      'json-array',
      'This JSON file holds a list, not a Kontext export (which is one object with "format": "kontext-library"). Nothing was imported.',
    );
  }
  if (typeof data !== 'object' || data === null) {
    throw new ImportError(
      'json-value',
      'This JSON file holds a single value, not a Kontext export (which is one object with "format": "kontext-library"). Nothing was imported.',
    );
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) {
    throw new ImportError('wrong-format', 'This JSON file is not a Kontext export. Nothing was imported.');
  }
  if (head.version !== EXPORT_VERSION) throw versionError(head.version);
  const result = v.safeParse(ExportHeadSchema, data);
  if (!result.success) throw invalid(describeIssues(result.issues, 'file'));
  return result.output.articles;
}

/** Says what is wrong with a version field that is not this Kontext's: text, a number never written, newer. */
function versionError(version: unknown): ImportError {
  const shown = JSON.stringify(version ?? null).slice(0, 40);
  const params = { version: shown, supported: EXPORT_VERSION };
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    return new ImportError(
      'newer-version',
      `This export was made by a newer Kontext (format version ${shown}); update Kontext to import it. Nothing was imported.`,
      { params },
    );
  }
  if (typeof version !== 'number') {
    return new ImportError(
      'version-not-number',
      `This export's format version is ${version === undefined ? 'missing' : `${shown}, not a number`}; this Kontext reads version ${EXPORT_VERSION}. Nothing was imported.`,
      { params },
    );
  }
  return new ImportError(
    'wrong-version',
    `This export has an unknown format version (${shown}); this Kontext reads version ${EXPORT_VERSION}. Nothing was imported.`,
    { params },
  );
}
