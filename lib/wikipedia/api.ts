/**
 * The two Wikimedia REST endpoints Kontext asks, and the checks their answers pass before use. Only a
 * name (and, by the host, a language) ever goes out; everything that comes back is untrusted data and is
 * reduced here to plain strings and one image address on Wikimedia's upload host.
 *
 *   GET {origin}/w/rest.php/v1/search/title?q=NAME&limit=5   → { pages: [{ id, key, title, excerpt, description, thumbnail }] }
 *   GET {origin}/api/rest_v1/page/summary/TITLE              → { type, title, description, extract, thumbnail, content_urls, … }
 */

/** Wikipedia editions Kontext looks names up in: those of the languages it recognises names in. */
export const WIKIPEDIA_LANGS = ['de', 'en'] as const;
export type WikipediaLang = (typeof WIKIPEDIA_LANGS)[number];

/** What the optional host permission covers, and all the switch asks for in a store build. */
export const WIKIPEDIA_ORIGINS: readonly string[] = WIKIPEDIA_LANGS.map(
  (lang) => `https://${lang}.wikipedia.org/*`,
);

/** The article's language first, then the other supported one. */
export function lookupLanguages(articleLang: string): WikipediaLang[] {
  const first = WIKIPEDIA_LANGS.find((lang) => lang === articleLang) ?? 'en';
  return [first, ...WIKIPEDIA_LANGS.filter((lang) => lang !== first)];
}

/**
 * Only a loopback address may stand in for Wikipedia (the test build's local stub); anything else is
 * ignored, so a stray setting can never send names to another host.
 */
export function loopbackOrigin(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
  return url.origin;
}

export function wikipediaOrigin(lang: WikipediaLang, override: string | null): string {
  return override ?? `https://${lang}.wikipedia.org`;
}

export function searchTitleUrl(origin: string, name: string): string {
  return `${origin}/w/rest.php/v1/search/title?q=${encodeURIComponent(name)}&limit=5`;
}

export function summaryUrl(origin: string, title: string): string {
  return `${origin}/api/rest_v1/page/summary/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** The article's own address on Wikipedia (always the real edition: it is a link the reader follows). */
export function articleUrl(lang: WikipediaLang, title: string): string {
  return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** One hit of search/title, reduced to what the choice needs. */
export interface SearchCandidate {
  title: string;
  description: string;
  /** search/title gives the title again here; kept because the search/page variant gives text. */
  excerpt: string;
  /** The redirect the name matched ("SPD" → "Sozialdemokratische Partei Deutschlands"), or ''. */
  matchedTitle: string;
}

export type SummaryType = 'standard' | 'disambiguation' | 'no-extract' | 'mainpage' | 'other';

export interface WikipediaSummary {
  lang: WikipediaLang;
  type: SummaryType;
  title: string;
  description: string;
  extract: string;
  /** https://upload.wikimedia.org/… only; null otherwise. */
  thumbnail: { source: string; width: number; height: number } | null;
  /** The desktop page, on the real Wikipedia host of `lang`. */
  url: string;
}

const MAX_TEXT = 2000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, max = MAX_TEXT): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Images only from Wikimedia's upload host, over https (protocol-relative "//upload…" included). */
export function uploadImageUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value, 'https://upload.wikimedia.org/');
  } catch {
    return null;
  }
  return url.protocol === 'https:' && url.hostname === 'upload.wikimedia.org' ? url.href : null;
}

export function parseSearchTitle(json: unknown): SearchCandidate[] {
  if (!isObject(json) || !Array.isArray(json.pages)) return [];
  const candidates: SearchCandidate[] = [];
  for (const page of json.pages.slice(0, 10)) {
    if (!isObject(page)) continue;
    const title = text(page.title, 300);
    if (!title) continue;
    // search/title's excerpt is the title with <span class="searchmatch"> marks: keep plain text only.
    const excerpt = text(page.excerpt).replace(/<[^>]*>/g, '');
    candidates.push({
      title,
      description: text(page.description, 500),
      excerpt,
      matchedTitle: text(page.matched_title, 300),
    });
  }
  return candidates;
}

const SUMMARY_TYPES: readonly SummaryType[] = ['standard', 'disambiguation', 'no-extract', 'mainpage'];

export function parseSummary(json: unknown, lang: WikipediaLang): WikipediaSummary | null {
  if (!isObject(json)) return null;
  const title = text(json.title, 300);
  if (!title) return null;
  const type = SUMMARY_TYPES.find((t) => t === json.type) ?? 'other';
  const thumb = isObject(json.thumbnail) ? json.thumbnail : null;
  const source = thumb ? uploadImageUrl(thumb.source) : null;
  const size = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
  return {
    lang,
    type,
    title,
    description: text(json.description, 500),
    extract: text(json.extract),
    thumbnail: source && thumb ? { source, width: size(thumb.width), height: size(thumb.height) } : null,
    // content_urls points at the real host; built from the title instead, so a stub or a bad answer
    // cannot make the card link elsewhere.
    url: articleUrl(lang, title),
  };
}

/** The first `count` sentences of an extract (Wikipedia's extracts are a paragraph or so). */
export function firstSentences(extract: string, count = 2): string {
  const parts = extract.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [];
  let out = '';
  let taken = 0;
  for (const part of parts) {
    out += part;
    // "Dr." or "U.S." end no sentence: only a break after a word of 3+ letters or a digit counts.
    if (/(?:\p{Ll}{3,}|\d|\))[.!?]+$/u.test(part.trim())) taken++;
    if (taken >= count) break;
  }
  return out.trim();
}

/**
 * The image's file name and its file page (where its author and licence are), from an upload URL:
 * /wikipedia/commons/thumb/a/ab/Name.jpg/320px-Name.jpg → File:Name.jpg on Commons; /wikipedia/en/… →
 * the English Wikipedia's file page. The summary endpoint gives no licence of its own.
 */
export function imageFilePage(source: string): { file: string; url: string } | null {
  const match =
    /^https:\/\/upload\.wikimedia\.org\/wikipedia\/([a-z-]+)\/(?:thumb\/)?[0-9a-f]\/[0-9a-f]{2}\/([^/]+)/.exec(
      source,
    );
  if (!match) return null;
  const [, wiki, encoded] = match as unknown as [string, string, string];
  let file: string;
  try {
    file = decodeURIComponent(encoded).replace(/_/g, ' ');
  } catch {
    return null;
  }
  const host = wiki === 'commons' ? 'commons.wikimedia.org' : `${wiki}.wikipedia.org`;
  return { file, url: `https://${host}/wiki/File:${encodeURIComponent(file.replace(/ /g, '_'))}` };
}
