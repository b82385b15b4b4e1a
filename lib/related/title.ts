/**
 * A link's display title: its anchor text without decoration (arrows, emoji, bullets, pingback
 * ellipses); the title attribute, an image's alt text or the URL slug when the anchor has no words.
 */
import { hostOf, parseLinkUrl } from './url.ts';

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

/** Words from the last meaningful path segment: "/analyse/putins-drohnenangriffe.html" → "Putins drohnenangriffe". */
export function titleFromSlug(href: string): string {
  let url: URL;
  try {
    url = parseLinkUrl(href);
  } catch {
    return href;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    let segment = segments[i] ?? '';
    try {
      segment = decodeURIComponent(segment);
    } catch {
      // A malformed escape is still readable as it is.
    }
    const words = segment
      .replace(/\.(s?html?|php|aspx?|jsp)$/i, '')
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

export function linkTitle(anchor: Element, href: string): string {
  return shorten(untrimmedLinkTitle(anchor, href));
}

function untrimmedLinkTitle(anchor: Element, href: string): string {
  // A teaser card links a headline plus kicker, time and counters; the headline is its heading.
  const heading = cleanTitleText(anchor.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '');
  if (/\p{L}{2,}/u.test(heading)) return heading;
  const fromText = cleanTitleText(anchor.textContent ?? '');
  if (/\p{L}{2,}/u.test(fromText)) return fromText;
  const fromAttribute = cleanTitleText(anchor.getAttribute('title') ?? '');
  if (/\p{L}{2,}/u.test(fromAttribute)) return fromAttribute;
  const fromImage = cleanTitleText(anchor.querySelector('img[alt]')?.getAttribute('alt') ?? '');
  if (/\p{L}{2,}/u.test(fromImage)) return fromImage;
  return titleFromSlug(href);
}
