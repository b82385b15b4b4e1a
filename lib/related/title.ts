/**
 * A link's display title: its anchor text without decoration (arrows, emoji, bullets, pingback
 * ellipses); the title attribute, an image's alt text or the URL slug when the anchor has no words.
 */
import { hostOf, linkUrlOrNull } from '../url.ts';

/** Pictographs, flags and skin tones, and the joiners/selectors/keycaps that glue them together. */
const EMOJI =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200D\uFE0E\uFE0F\u20E3]/gu;

/** Arrows (U+2190–21FF, U+27F0–27FF, U+2900–297F, U+2B00–2BFF), triangles, guillemets and bullets. */
const DECORATION =
  /[\u2190-\u21FF\u27F0-\u27FF\u2900-\u297F\u2B00-\u2BFF\u25A0-\u25FF\u2794-\u27BF•‣⁃∙·●◦▪▸►▶›‹»«]/gu;

/** Pingback excerpts are wrapped in "[…]" or "[...]". */
const PINGBACK_ELLIPSIS = /\[(…|\.\.\.)\]/g;

export function cleanTitleText(text: string): string {
  return text
    .replace(EMOJI, ' ')
    .replace(DECORATION, ' ')
    .replace(PINGBACK_ELLIPSIS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s|:;,.\-–—*>]+|[\s|:;,\-–—*<]+$/gu, '')
    .replace(/^\[(.*)\]$/su, '$1')
    .trim();
}

/** Last path segments that name a page type rather than the page ("…/hansen-653990/artikel"). */
const GENERIC_SEGMENT =
  /^(artikel|article|articles|index|story|detail|details|default|view|content|amp)(\.[a-z]+)?$/i;

/** Words from the last meaningful path segment: "/analyse/putins-drohnenangriffe.html" → "Putins drohnenangriffe". */
export function titleFromSlug(href: string): string {
  const url = linkUrlOrNull(href);
  if (!url) return href;
  const segments = url.pathname.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    let segment = segments[i] ?? '';
    if (GENERIC_SEGMENT.test(segment)) continue;
    try {
      segment = decodeURIComponent(segment);
    } catch {
      // A malformed escape is still readable as it is.
    }
    const words = segment
      .replace(/\.(s?html?|php|aspx?|jsp|pdf)$/i, '')
      .replace(/[-_+]+/g, ' ')
      // Trailing article ids ("…-2596987", "…_4627068_4408996") carry no words.
      .replace(/(\s\d{4,})+$/g, '')
      .trim();
    if (/\p{L}{2,}/u.test(words)) return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return hostOf(href) || href;
}

/** Whether the anchor itself carries words (rather than an image or an icon). */
export function hasAnchorText(anchor: Element): boolean {
  return /\p{L}{2,}/u.test(cleanTitleText(anchor.textContent ?? ''));
}

/** A whole paragraph made into a link is cut to a headline's length at a word boundary. */
const MAX_TITLE_CHARS = 160;

function shorten(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const cut = title.slice(0, MAX_TITLE_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** A link text that is an address: "https://amzn.to/3Xk9QpL", "www.example.org/a", "example.org". */
const ADDRESS_TEXT = /^(https?:\/\/|www\.)\S+$|^[\w-]+(\.[\w-]+)+\/\S*$/i;

/**
 * The slug's words when they read as a headline: at least three words, most of them words rather
 * than ids ("PD25 412 611" and "Publication" are not titles).
 */
export function readableSlugTitle(href: string): string | null {
  const title = titleFromSlug(href);
  const words = title.split(' ').filter(Boolean);
  const wordy = words.filter((word) => /\p{L}{2,}/u.test(word) && !/\d{3,}/.test(word));
  return wordy.length >= 3 && wordy.length >= words.length / 2 ? title : null;
}

/** Words fewer than this, or more than SENTENCE_WORDS, are a fragment or a sentence rather than a name. */
const NAME_MIN_WORDS = 3;
const SENTENCE_WORDS = 12;

/**
 * Whether a link's words in running text are a fragment of the sentence ("killed", "reported last
 * month", "a statement") or a whole sentence, rather than the name of what it links to.
 */
export function isFragmentTitle(text: string): boolean {
  const words = text.split(' ').filter(Boolean);
  if (words.length < NAME_MIN_WORDS || words.length > SENTENCE_WORDS) return true;
  if (/^\p{Ll}/u.test(text)) return true;
  return words.length >= 6 && /[.!?]$/.test(text);
}

/**
 * A link's title as a reader should see it. A link in the article's text is often anchored on a
 * fragment or a sentence; then the target's slug names it better, when it reads as words. An address
 * shown as the link text is never a title.
 */
export function linkTitle(anchor: Element, href: string, inText = false): string {
  const title = untrimmedLinkTitle(anchor, href);
  if (ADDRESS_TEXT.test(title)) return readableSlugTitle(href) ?? titleFromSlug(href);
  if (inText && isFragmentTitle(title)) return readableSlugTitle(href) ?? shorten(title);
  return shorten(title);
}

/** The headline part of a teaser ("<span class=\"kicker\">Chronik</span> <span class=\"title\">…</span>"). */
const TITLE_PART =
  '[class~="title"], [class$="__title"], [class$="-title"], [class~="headline"], [class$="__headline"], [class$="-headline"]';

function untrimmedLinkTitle(anchor: Element, href: string): string {
  // A teaser card links a headline plus kicker, time and counters; the headline is its heading, or
  // the part its markup calls the title.
  const headline = anchor.querySelector('h1, h2, h3, h4, h5, h6') ?? anchor.querySelector(TITLE_PART);
  const heading = cleanTitleText(headline?.textContent ?? '');
  if (/\p{L}{2,}/u.test(heading)) return heading;
  const fromText = cleanTitleText(anchor.textContent ?? '');
  if (/\p{L}{2,}/u.test(fromText)) return fromText;
  const fromAttribute = cleanTitleText(anchor.getAttribute('title') ?? '');
  if (/\p{L}{2,}/u.test(fromAttribute)) return fromAttribute;
  const fromImage = cleanTitleText(anchor.querySelector('img[alt]')?.getAttribute('alt') ?? '');
  if (/\p{L}{2,}/u.test(fromImage)) return fromImage;
  return titleFromSlug(href);
}
