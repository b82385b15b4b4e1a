/**
 * Links the author put into the article's running text: anchors inside prose blocks (paragraphs, list
 * items, quotes, sub-headings) of the article's parts, outside captions, embeds, asides and chrome.
 */
import { chromeReason } from '../extract/page-chrome.ts';
import { SearchMemo } from './search-memo.ts';

const PROSE_BLOCK = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD']);

/** Captions, credits and embedded posts: links there belong to the media, not to the text. */
const MEDIA_TAG = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'SVG']);
/** Boxes set apart from the text: pull-outs and related boxes (found as blocks), bylines, story footers. */
const ASIDE_TAG = new Set(['ASIDE', 'HEADER', 'FOOTER']);
const EMBED_CLASS = /(tweet|instagram|tiktok|embed|oembed|caption|credit)/i;

const isMedia = (node: Element) =>
  MEDIA_TAG.has(node.tagName) ||
  ASIDE_TAG.has(node.tagName) ||
  EMBED_CLASS.test(node.getAttribute('class') ?? '');

const isProseBlock = (node: Element) => PROSE_BLOCK.has(node.tagName);

/** Anchors in the prose of the article's parts (see findArticleParts), in page order per part. */
export function findInTextAnchors(parts: Element[], memo = new SearchMemo()): Element[] {
  const anchors: Element[] = [];
  for (const part of parts) {
    for (const anchor of part.querySelectorAll('a[href]')) {
      if (!/\p{L}/u.test(anchor.textContent ?? '')) continue;
      if (!memo.firstUp('prose block', anchor.parentElement, part, isProseBlock)) continue;
      if (memo.firstUp('media', anchor, part, isMedia) || chromeReason(anchor, part, true, memo)) continue;
      anchors.push(anchor);
    }
  }
  return anchors;
}
