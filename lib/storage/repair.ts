/**
 * Brings any stored record to the rules of record-rules.ts, field by field, keeping what is valid and
 * putting a neutral value where a field is broken. IndexedDB may hold records from before those rules
 * (an old import of a damaged file, an older Kontext), and one bad record must never blank the list, stop
 * the reader or make a backup unrestorable: the library passes every card and article it reads through
 * these, and every record it writes.
 */
import {
  BLOCK_KINDS,
  type BlockKind,
  type EntityKind,
  isEntityKind,
  QUOTE_KINDS,
  type QuoteKind,
  type RelatedSource,
} from '../types.ts';
import { canonicalTimestamp, isStorableUrl, LANGUAGE_TAG, LIMITS, UNKNOWN_SAVED_AT } from './record-rules.ts';
import type { SavedArticle, SavedCard } from './types.ts';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const str = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
const strOrNull = (value: unknown, max: number): string | null =>
  typeof value === 'string' ? value.slice(0, max) : null;
const strings = (value: unknown, maxItems: number, maxLength: number): string[] =>
  Array.isArray(value)
    ? value
        .filter((item): item is string => typeof item === 'string')
        .slice(0, maxItems)
        .map((item) => item.slice(0, maxLength))
    : [];
const finite = (value: unknown, min: number, max: number, fallback = min): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
const offset = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
/** Items that fit (others dropped), at most `max` of them. */
function items<T>(value: unknown, max: number, fitItem: (item: Fields) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const item of value) {
    if (out.length >= max) break;
    const fitted = isObject(item) ? fitItem(item) : null;
    if (fitted !== null) out.push(fitted);
  }
  return out;
}

/** A canonical save date; UNKNOWN_SAVED_AT when the stored one cannot be read (the list says "unknown"). */
export function fitSavedAt(value: unknown): string {
  if (typeof value !== 'string') return UNKNOWN_SAVED_AT;
  // "2024-01-01T00:00:00 +01:00": a space before the zone is the one slip worth reading.
  return canonicalTimestamp(value.trim().replace(/\s+(?=Z$|[+-]\d{2}:\d{2}$)/, '')) ?? UNKNOWN_SAVED_AT;
}

export function isUnknownSavedAt(savedAt: string): boolean {
  return savedAt === UNKNOWN_SAVED_AT;
}

function fitLang(value: unknown): string {
  return typeof value === 'string' && value.length <= LIMITS.lang && LANGUAGE_TAG.test(value) ? value : 'und';
}

/** The fields a card and an article share. */
function fitCommon(raw: Fields) {
  return {
    id: typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : '',
    url: typeof raw.url === 'string' ? raw.url : '',
    normalizedUrl: typeof raw.normalizedUrl === 'string' ? raw.normalizedUrl : '',
    title: str(raw.title, LIMITS.title),
    byline: strOrNull(raw.byline, LIMITS.byline),
    siteName: strOrNull(raw.siteName, LIMITS.siteName),
    lang: fitLang(raw.lang),
    savedAt: fitSavedAt(raw.savedAt),
    readingMinutes: finite(raw.readingMinutes, 0, LIMITS.readingMinutes),
    excerpt: strOrNull(raw.excerpt, LIMITS.excerpt),
    tags: strings(raw.tags, LIMITS.tags, LIMITS.tag),
    read: raw.read === true,
  };
}

/** The card as the list can always render it, or null when it is not a record at all. */
export function fitSavedCard(raw: unknown): SavedCard | null {
  if (!isObject(raw)) return null;
  const common = fitCommon(raw);
  if (!common.id) return null;
  return {
    ...common,
    entityNames: strings(raw.entityNames, LIMITS.entities, LIMITS.name),
    rev: finite(raw.rev, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** A span [start, end) inside a text of `length` characters, or null. */
function span(raw: Fields, length: number): { start: number; end: number } | null {
  const start = offset(raw.start);
  const end = offset(raw.end);
  return start !== null && end !== null && start <= end && end <= length ? { start, end } : null;
}

/**
 * The article with every field valid: strings of the right length, finite numbers, a canonical date,
 * offsets inside its text, related links with web addresses only. Null when it is not a record at all.
 * The article's own `url` is kept as stored (an export leaves out a record whose address is not http(s)).
 */
export function fitSavedArticle(raw: unknown): SavedArticle | null {
  if (!isObject(raw)) return null;
  const common = fitCommon(raw);
  if (!common.id) return null;
  const text = str(raw.text, LIMITS.text);
  const length = text.length;
  return {
    ...common,
    summary: items(raw.summary, LIMITS.summary, (s) => {
      const at = span(s, length);
      return at && { text: str(s.text, LIMITS.text), ...at };
    }),
    // An entity of no known kind is dropped rather than guessed: a wrong card is worse than none.
    entities: items(raw.entities, LIMITS.entities, (e) =>
      !isEntityKind(e.kind)
        ? null
        : {
            id: str(e.id, LIMITS.id),
            name: str(e.name, LIMITS.name),
            kind: e.kind as EntityKind,
            count: Math.floor(finite(e.count, 0, Number.MAX_SAFE_INTEGER)),
            aliases: strings(e.aliases, LIMITS.aliases, LIMITS.name),
            firstSentence: str(e.firstSentence, LIMITS.text),
            sentences: strings(e.sentences, LIMITS.sentences, LIMITS.text),
            mentions: items(e.mentions, LIMITS.mentions, (m) => {
              const at = span(m, length);
              return at && { ...at, text: str(m.text, LIMITS.name) };
            }),
            // A possible name stays unpainted in the reader too.
            ...(typeof e.confidence === 'number' && Number.isFinite(e.confidence)
              ? { confidence: Math.min(1, Math.max(0, e.confidence)) }
              : {}),
            ...(e.possible === true ? { possible: true } : {}),
          },
    ),
    quotes: items(raw.quotes, LIMITS.quotes, (q) => {
      const at = span(q, length);
      return (
        at && {
          id: str(q.id, LIMITS.id),
          text: str(q.text, LIMITS.text),
          kind: oneOf<QuoteKind>(q.kind, QUOTE_KINDS, 'phrase'),
          ...at,
          speaker: strOrNull(q.speaker, LIMITS.name),
          speakerEntityId: strOrNull(q.speakerEntityId, LIMITS.id),
          ...(q.speakerUnclear === true ? { speakerUnclear: true } : {}),
          ...(typeof q.speakerCandidateId === 'string'
            ? { speakerCandidateId: str(q.speakerCandidateId, LIMITS.id) }
            : {}),
        }
      );
    }),
    related: items(raw.related, LIMITS.related, (r) =>
      typeof r.url === 'string' && isStorableUrl(r.url)
        ? {
            url: r.url,
            title: str(r.title, LIMITS.name),
            host: str(r.host, LIMITS.name),
            source: oneOf<RelatedSource>(r.source, ['block', 'in-text', 'pingback'], 'in-text'),
            score: finite(r.score, -Number.MAX_VALUE, Number.MAX_VALUE, 0),
          }
        : null,
    ),
    contentHtml: str(raw.contentHtml, LIMITS.html),
    text,
    blocks: items(raw.blocks, LIMITS.blocks, (b) => {
      const start = offset(b.start);
      const blockText = str(b.text, LIMITS.text);
      return start !== null && start + blockText.length <= length
        ? { kind: oneOf<BlockKind>(b.kind, BLOCK_KINDS, 'paragraph'), text: blockText, start }
        : null;
    }),
  };
}
