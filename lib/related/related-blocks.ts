/**
 * Related-reading blocks announced by a heading ("Weiterführende Analysen", "More on this story",
 * "À lire aussi", "Související", …). The heading is found by its text, whatever element carries it;
 * the block is what the heading introduces: the links inside it ("Related: <a>"), the links of the
 * smallest container around it, or, when that container is the article itself, the links of the next
 * few siblings up to the next heading or prose paragraph.
 */

import { chromeReason } from '../extract/page-chrome.ts';
import { contentTerms, termsMatch } from '../text/content-words.ts';
import { isRelatedHeading, normalizeHeading } from './headings.ts';
import { proseLength } from './prose.ts';
import { SearchMemo } from './search-memo.ts';

const SHOW_TEXT = 4;
const HEADING_TAG = /^H[1-6]$/;
/** How far up from the heading a block's container may be. */
const MAX_CLIMB = 4;
/** Siblings read after an in-article heading ("Read more:" followed by a few link paragraphs). */
const MAX_SIBLINGS = 6;

/** A container that holds running text: the heading sits inside the article, not in a box of its own. */
function isProseContainer(element: Element, memo: SearchMemo): boolean {
  let paragraphs = 0;
  for (const paragraph of element.querySelectorAll('p')) {
    if (memo.proseLength(paragraph) >= 120 && ++paragraphs >= 2) return true;
  }
  return false;
}

/** The outermost element whose whole text is the heading's text ("<p><em><strong>Read more:</strong>…"). */
function headingBox(start: Element): Element {
  const text = normalizeHeading(start.textContent ?? '');
  let box = start;
  while (box.parentElement && box.parentElement.tagName !== 'BODY') {
    if (normalizeHeading(box.parentElement.textContent ?? '') !== text) break;
    box = box.parentElement;
  }
  return box;
}

function startsAnotherBlock(element: Element): boolean {
  if (HEADING_TAG.test(element.tagName)) return true;
  return element.tagName === 'P' && proseLength(element) >= 150;
}

function anchorsIntroducedBy(box: Element, memo: SearchMemo): Element[] {
  const own = [...box.querySelectorAll('a[href]')];
  // "Related: <a>…</a>" inside a paragraph: the heading and its link are one line of the article.
  if (own.length > 0 && !HEADING_TAG.test(box.tagName)) return own;

  let child = box;
  let container = box.parentElement;
  for (let climb = 0; container && container.tagName !== 'BODY' && climb < MAX_CLIMB; climb++) {
    if (container.querySelectorAll('a[href]').length > own.length) break;
    child = container;
    container = container.parentElement;
  }
  if (!container || container.tagName === 'BODY') return own;

  if (isProseContainer(container, memo)) {
    const anchors = [...own];
    let sibling = child.nextElementSibling;
    for (let i = 0; sibling && i < MAX_SIBLINGS && !startsAnotherBlock(sibling); i++) {
      anchors.push(...(sibling.tagName === 'A' ? [sibling] : sibling.querySelectorAll('a[href]')));
      sibling = sibling.nextElementSibling;
    }
    return anchors;
  }
  const following = [...container.querySelectorAll('a[href]')].filter((anchor) => memo.follows(anchor, box));
  return [...own, ...following].filter((anchor) => !chromeReason(anchor, container, false, memo));
}

/** Several one- or two-word links side by side are a tag cloud, not reading. */
function isTagCloud(anchors: Element[]): boolean {
  if (anchors.length < 3) return false;
  return anchors.every((anchor) => normalizeHeading(anchor.textContent ?? '').split(' ').length <= 2);
}

/** Blocks this long are checked against the article's topic; shorter ones are taken on the heading's word. */
const TOPIC_CHECK_MIN_LINKS = 5;
const MIN_TOPICAL_SHARE = 0.25;

/**
 * Some sites head a recirculation carousel "More Related Stories": a long block none of whose headlines
 * shares a word with the article is not about it, whatever its heading says.
 */
function isOffTopic(anchors: Element[], topicTerms: string[]): boolean {
  const headlines = [...new Set(anchors.map((anchor) => normalizeHeading(anchor.textContent ?? '')))].filter(
    (text) => text.split(' ').length >= 3,
  );
  if (headlines.length < TOPIC_CHECK_MIN_LINKS || topicTerms.length === 0) return false;
  const topical = headlines.filter((text) =>
    contentTerms(text).some((term) => topicTerms.some((topic) => termsMatch(term, topic))),
  );
  return topical.length < MIN_TOPICAL_SHARE * headlines.length;
}

/** `topicTerms`: the article's title words and frequent words, for the off-topic check of long blocks. */
const NOT_HEADING_TEXT = 'a, script, style, noscript, template';

export function findRelatedBlockAnchors(
  doc: Document,
  topicTerms: string[] = [],
  memo = new SearchMemo(),
): Element[] {
  const body = doc.body;
  if (!body) return [];
  const boxes = new Set<Element>();
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The text first: few Text nodes read as a heading, and the ancestor question reads the DOM.
    if (!isRelatedHeading(node.nodeValue ?? '')) continue;
    const parent = node.parentElement;
    if (!parent || memo.firstUp('not heading text', parent, null, (node) => node.matches(NOT_HEADING_TEXT)))
      continue;
    const box = headingBox(parent);
    // The heading's own words outweigh class-name hints ("js-outbrain-anchor" on the Guardian's box).
    if (!chromeReason(box, null, false, memo)) boxes.add(box);
  }
  const anchors: Element[] = [];
  for (const box of boxes) {
    const introduced = anchorsIntroducedBy(box, memo);
    if (!isTagCloud(introduced) && !isOffTopic(introduced, topicTerms)) anchors.push(...introduced);
  }
  return anchors;
}
