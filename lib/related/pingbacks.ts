/**
 * Pingbacks and trackbacks: other posts that linked to this article and announced it, usually shown
 * among the comments as "Pingback: Blog name" with an excerpt "[…] … […]" linking to the post.
 */

import { SearchMemo } from './search-memo.ts';

const SHOW_TEXT = 4;
const PINGBACK_MARK = /^\s*(pingback|trackback)\s*:/i;
const PINGBACK_EXCERPT = /^\s*\[(…|\.\.\.)\].*\[(…|\.\.\.)\]\s*$/s;
const PINGBACK_CLASS = /(^|[\s_-])(pingback|trackback)($|[\s_-])/i;
/** A comment, or whatever list item/entry carries the pingback. */
const ITEM_SELECTOR = 'li, article, [id^="comment"], [class*="comment"]';

function pathDepth(href: string): number {
  try {
    return new URL(href).pathname.split('/').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** The link to the citing post: the one with the "[…] … […]" excerpt, else the deepest address. */
function postAnchor(item: Element): Element | null {
  const anchors = [...item.querySelectorAll('a[href]')];
  const excerpt = anchors.find((anchor) => PINGBACK_EXCERPT.test(anchor.textContent ?? ''));
  if (excerpt) return excerpt;
  let best: Element | null = null;
  let bestDepth = 0;
  for (const anchor of anchors) {
    const depth = pathDepth((anchor as HTMLAnchorElement).href || (anchor.getAttribute('href') ?? ''));
    if (depth > bestDepth) {
      best = anchor;
      bestDepth = depth;
    }
  }
  return best;
}

/** White space that JavaScript's \s knows beyond ASCII (no-break, Ogham, en/em, line/paragraph, ideographic, BOM). */
const WIDE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Whether a text could be a pingback mark or excerpt: both start, after white space, with "p", "t" or
 * "[". Every Text node of the page is asked, so this looks at its first character before either
 * expression runs (a text starting with wide white space is left to them).
 */
function mayBePingbackText(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (i === text.length) return false;
  const first = text[i]!;
  return 'pPtT['.includes(first) || WIDE_SPACE.test(first);
}

export function findPingbackAnchors(doc: Document, memo = new SearchMemo()): Element[] {
  const body = doc.body;
  if (!body) return [];
  const items = new Set<Element>();
  for (const element of body.querySelectorAll('[class]')) {
    if (PINGBACK_CLASS.test(element.getAttribute('class') ?? '')) items.add(element);
  }
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!mayBePingbackText(text) || (!PINGBACK_MARK.test(text) && !PINGBACK_EXCERPT.test(text))) continue;
    const item = node.parentElement?.closest(ITEM_SELECTOR) ?? node.parentElement?.parentElement;
    if (item) items.add(item);
  }
  const anchors: Element[] = [];
  // A pingback list item nested in another one is the same pingback.
  for (const item of memo.outermost('pingback item', items)) {
    const anchor = postAnchor(item);
    if (anchor) anchors.push(anchor);
  }
  return anchors;
}
