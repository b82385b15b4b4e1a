/**
 * What a saved record may hold, in one place: the import schema refuses a file that breaks these rules,
 * and fitSavedArticle / fitSavedCard (repair.ts) bring any record to them when it is saved, loaded for the
 * list or the reader, or exported, so that whatever is in IndexedDB renders and every export re-imports.
 */
import { isWebUrl } from '../url.ts';

/** Upper bounds far above anything a real article has, low enough that one record cannot choke the list. */
export const LIMITS = {
  id: 200,
  url: 8_192,
  title: 2_000,
  byline: 1_000,
  siteName: 500,
  lang: 35,
  excerpt: 5_000,
  /** Article text and HTML, each (a long book chapter is well under 1M). */
  text: 5_000_000,
  html: 10_000_000,
  tag: 100,
  tags: 100,
  /** Names, aliases, speakers, related titles and hosts. */
  name: 1_000,
  entities: 5_000,
  aliases: 100,
  sentences: 1_000,
  mentions: 10_000,
  quotes: 5_000,
  summary: 100,
  related: 1_000,
  blocks: 100_000,
  readingMinutes: 100_000,
} as const;

/** Written when a stored record's save date cannot be read at all (only exports of damaged records). */
export const UNKNOWN_SAVED_AT = '1970-01-01T00:00:00.000Z';

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The canonical form (Date#toISOString, UTC with milliseconds) of an ISO 8601 timestamp with a time zone
 * (Z or ±hh:mm), or null when it is not one or names a day or time that does not exist (2024-02-30,
 * 25:00). Only canonical timestamps are stored: the list sorts them as strings.
 */
export function canonicalTimestamp(value: string): string | null {
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number(`0.${m[7] ?? '0'}`) * 1000;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 30 February over into March: a field that changed did not exist.
  if (
    local.getUTCFullYear() !== year ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    local.getUTCHours() !== hour ||
    local.getUTCMinutes() !== minute ||
    local.getUTCSeconds() !== second ||
    Number(m[9] ?? 0) > 23 ||
    Number(m[10] ?? 0) > 59
  ) {
    return null;
  }
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  const time = local.getTime() + Math.floor(millis) - offsetMinutes * 60_000;
  const date = new Date(time);
  // toISOString writes years outside 0000–9999 with six digits, which this parser would then refuse.
  if (date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) return null;
  return date.toISOString();
}

/** An absolute http(s) address (the only kind an article or a related link may have) of a storable length. */
export function isStorableUrl(value: string): boolean {
  return value.length <= LIMITS.url && isWebUrl(value);
}

/** Tags without empty ones and without a second spelling that differs only by case or spacing (first kept). */
export function uniqueTags(tags: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** BCP 47-ish language tags ('de', 'en-GB', 'und'): the list puts them in lang attributes and Intl calls. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
