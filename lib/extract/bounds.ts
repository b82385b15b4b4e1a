/**
 * Size limits checked before the expensive steps, so that a hostile or extreme page costs a bounded
 * amount of work in the page's thread and in the background. Every walk here is iterative: pages can
 * nest elements tens of thousands deep, which overflows recursive code (and the browsers' own cloning).
 */

import type { Sliced } from '../slicing.ts';

/**
 * Deepest element nesting Kontext clones. Chromium's tab crashed cloning a document about 25k levels
 * deep; real articles stay far below 100 levels (the deepest of the 20 test pages is under 40).
 */
export const MAX_DEPTH = 500;

/**
 * Characters of the page's text (the copy's body) that Kontext reads; the rest of a longer page is cut
 * off before Readability runs, which bounds every later stage and the size of every message. 100k
 * characters are about 16k words, more than an hour of reading; long-form articles end before. Measured
 * on the hostile corpus in Chromium under load (tests/e2e/hostile.e2e.test.ts): with 200k the entity
 * stage alone took 2.5–3.5 s in the background.
 */
export const MAX_TEXT_CHARS = 100_000;

/** The nesting depth of `root`'s element tree once it passes `limit` (counted up to limit + 1), else null. */
export function depthBeyond(root: Element, limit: number): number | null {
  let depth = 0;
  let node: Element | null = root;
  while (node) {
    if (depth > limit) return depth;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    if (!node || node === root) return null;
    node = node.nextElementSibling;
  }
  return null;
}

/** Text in these elements is code or markup data, not page text (JSON-LD metadata lives in scripts). */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Nodes copied between two pause points of the sliced copy. */
const NODES_PER_STEP = 256;

/**
 * Nodes the copy visits at most. The page runs between the copy's slices and may move nodes meanwhile,
 * so the walk is bounded by count, not only by reaching the end; pages within MAX_ELEMENTS have far fewer.
 */
const MAX_VISITED_NODES = 500_000;

export interface BoundedClone {
  clone: Document;
  /** Each copied Text node's live twin (only when asked for). */
  liveOf: Map<Text, Text> | null;
  /** Whether text was left out. */
  truncated: boolean;
}

const isJsonLd = (node: Node) =>
  node.nodeName === 'SCRIPT' && (node as Element).getAttribute('type')?.trim() === 'application/ld+json';

/**
 * A copy of `doc` holding the page's first `maxChars` characters of body text (cut at a word boundary
 * when there is one nearby), built node by node so that a 10 MB page is never copied whole: nothing
 * after the cut is copied except JSON-LD metadata, which Readability reads. Script and style text does
 * not count. With `pairs`, every copied Text node is paired with its live twin. Sliced work: it yields
 * every few hundred nodes and stops after `maxNodes` (a page that keeps adding nodes while it pauses);
 * the live page is only read.
 */
export function* cloneBounded(
  doc: Document,
  maxChars: number,
  pairs = false,
  maxNodes = MAX_VISITED_NODES,
): Sliced<BoundedClone> {
  const clone = doc.cloneNode(false) as Document;
  const liveOf = pairs ? new Map<Text, Text>() : null;
  // Each open live element on the path from the document to the current node, with the copy its children
  // go into: its own, or for an element left out (after the cut) its nearest copied ancestor's.
  const path: Array<{ live: Node; copy: Node }> = [{ live: doc, copy: clone }];
  let seen = 0;
  let cut = false;
  let steps = 0;
  let inBody = 0; // path length at which the body was entered; 0 outside it
  let node: Node | null = doc.firstChild;
  while (node) {
    if (++steps % NODES_PER_STEP === 0) yield;
    if (steps > maxNodes) {
      cut = true;
      break;
    }
    const parentCopy = path[path.length - 1]!.copy;
    let copy: Node | null = null;
    if (node.nodeType === 3) {
      const text = node as Text;
      const counts = inBody > 0 && !NOT_TEXT.has(text.parentNode?.nodeName ?? '');
      if (!counts && !cut) copy = clone.importNode(text, false);
      else if (!cut && seen + text.length <= maxChars) {
        seen += text.length;
        copy = clone.importNode(text, false);
      } else if (!cut) {
        const room = maxChars - seen;
        const space = text.data.lastIndexOf(' ', room);
        copy = clone.createTextNode(text.data.slice(0, space >= 0 && space > room - 100 ? space : room));
        cut = true;
      } else if (isJsonLd(text.parentNode!)) {
        copy = clone.importNode(text, false);
      }
      if (copy && liveOf) liveOf.set(copy as Text, text);
    } else if (!cut || isJsonLd(node)) {
      copy = clone.importNode(node, false);
    }
    if (copy) parentCopy.appendChild(copy);
    if (node.firstChild) {
      path.push({ live: node, copy: copy ?? parentCopy });
      if (node === doc.body) inBody = path.length;
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = path.length > 1 ? path.pop()!.live : null;
      if (path.length < inBody) inBody = 0;
    }
    node = node?.nextSibling ?? null;
  }
  return { clone, liveOf, truncated: cut };
}

/**
 * Characters of body text that cloneBounded counts (script, style, noscript and template text left out),
 * counted up to just past `limit`: the walk stops there, so a 10 MB page costs no more than a page at the
 * limit. Only Text nodes' lengths are read; the page's text is never built into one string (reading a
 * 10 MB body's textContent was one task of 308–316 ms in Chromium and 495–759 ms in Firefox, plus the
 * garbage it left). Sliced: it pauses every few hundred nodes.
 */
export function* countedTextLength(doc: Document, limit = Number.POSITIVE_INFINITY): Sliced<number> {
  const body = doc.body;
  if (!body) return 0;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  let steps = 0;
  for (let node = walker.nextNode(); node && length <= limit; node = walker.nextNode()) {
    if (++steps % NODES_PER_STEP === 0) yield;
    if (!NOT_TEXT.has(node.parentNode?.nodeName ?? '')) length += (node as Text).length;
  }
  return length;
}

/** Pairs each Text node of `copy`, an exact clone of `doc`, with its twin in `doc` (both walked in step). */
function pairTexts(doc: Document, copy: Document): Map<Text, Text> {
  const live = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  const copied = copy.createTreeWalker(copy, 4 /* NodeFilter.SHOW_TEXT */);
  const pairs = new Map<Text, Text>();
  for (let a = live.nextNode(), b = copied.nextNode(); a && b; a = live.nextNode(), b = copied.nextNode()) {
    pairs.set(b as Text, a as Text);
  }
  return pairs;
}

/**
 * The copy Readability reads: the browser's own clone when the page's text is within `maxChars` (most
 * pages; about 4× faster than the copy in script, measured with `npm run bench page-extract`), else
 * cloneBounded. The caller has checked the element count and depth first: the native clone is one task
 * and crashes Chromium's tab on a document nested about 25k levels deep.
 */
export function* cloneForReading(doc: Document, maxChars: number, pairs = false): Sliced<BoundedClone> {
  if ((yield* countedTextLength(doc, maxChars)) > maxChars) return yield* cloneBounded(doc, maxChars, pairs);
  const clone = doc.cloneNode(true) as Document;
  return { clone, liveOf: pairs ? pairTexts(doc, clone) : null, truncated: false };
}

/** The first `maxChars` characters of `root`'s text, without building the whole (possibly huge) string. */
export function leadingText(root: Element, maxChars: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < maxChars; node = walker.nextNode()) {
    text += (node as Text).data;
  }
  return text.slice(0, maxChars);
}
