/**
 * Links the author put into the article's running text: anchors inside prose blocks (paragraphs, list
 * items, quotes, sub-headings) of the article's parts, outside captions, embeds, asides and chrome.
 */
import { chromeReason } from '../extract/page-chrome.ts';

const PROSE_BLOCK = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD']);

/** Captions, credits and embedded posts: links there belong to the media, not to the text. */
const MEDIA_TAG = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'SVG']);
/** Boxes set apart from the text: pull-outs and related boxes (found as blocks), bylines, story footers. */
const ASIDE_TAG = new Set(['ASIDE', 'HEADER', 'FOOTER']);
const EMBED_CLASS = /(tweet|instagram|tiktok|embed|oembed|caption|credit)/i;

function isInMedia(anchor: Element, region: Element): boolean {
  for (let node: Element | null = anchor; node && node !== region; node = node.parentElement) {
    if (MEDIA_TAG.has(node.tagName) || ASIDE_TAG.has(node.tagName)) return true;
    if (EMBED_CLASS.test(node.getAttribute('class') ?? '')) return true;
  }
  return false;
}

function proseBlockOf(anchor: Element, region: Element): Element | null {
  for (let node = anchor.parentElement; node && node !== region; node = node.parentElement) {
    if (PROSE_BLOCK.has(node.tagName)) return node;
  }
  return null;
}

/** Anchors in the prose of the article's parts (see findArticleParts), in page order per part. */
export function findInTextAnchors(parts: Element[]): Element[] {
  const anchors: Element[] = [];
  for (const part of parts) {
    for (const anchor of part.querySelectorAll('a[href]')) {
      if (!/\p{L}/u.test(anchor.textContent ?? '')) continue;
      if (!proseBlockOf(anchor, part)) continue;
      if (isInMedia(anchor, part) || chromeReason(anchor, part)) continue;
      anchors.push(anchor);
    }
  }
  return anchors;
}
