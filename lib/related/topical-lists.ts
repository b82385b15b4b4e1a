/**
 * Related-reading lists that carry no recognisable heading ("Auch auf heise online:", a topic name):
 * recognised by position (after the start of the article), structure (a list of headline-like links)
 * and topic (most headlines share a content word with the article's title), and vetoed when the list
 * is introduced as most read, trending, latest or sponsored.
 */

import { chromeReason } from '../extract/page-chrome.ts';
import { contentTerms, termsMatch } from '../text/content-words.ts';
import { isUnrelatedHeading, normalizeHeading } from './headings.ts';
import { SearchMemo } from './search-memo.ts';

const SHOW_TEXT = 4;
const FOLLOWING = 4;
/** A headline has at least this many words; navigation and tags have fewer. */
const HEADLINE_WORDS = 3;
const HEADLINE_CHARS = 20;
const MIN_HEADLINES = 2;
const MIN_HEADLINE_SHARE = 0.6;
const MIN_TOPICAL_SHARE = 0.5;
/** Ancestors searched for the text that introduces a list, and how much text they may hold. */
const INTRO_LEVELS = 3;
const INTRO_MAX_CHARS = 3000;

export function articleTitle(doc: Document): string {
  const heading = doc.querySelector('h1');
  const fromHeading = normalizeHeading(heading?.textContent ?? '');
  if (fromHeading.length >= 10) return fromHeading;
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  if (og.trim()) return og.trim();
  return (doc.title ?? '').split(/\s[|–—-]\s/)[0] ?? '';
}

function isIntroducedAsUnrelated(list: Element): boolean {
  let container = list.parentElement;
  for (let level = 0; container && level < INTRO_LEVELS; level++, container = container.parentElement) {
    if (container.tagName === 'BODY' || (container.textContent ?? '').length > INTRO_MAX_CHARS) return false;
    const walker = list.ownerDocument.createTreeWalker(container, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || list.contains(parent)) continue;
      // Link text is not a heading, except tabs ("Meistgelesen" | "Meistkommentiert") linking within the page.
      if (!(parent.closest('a')?.getAttribute('href') ?? '#').startsWith('#')) continue;
      if ((parent.compareDocumentPosition(list) & FOLLOWING) === 0) continue;
      if (isUnrelatedHeading(node.nodeValue ?? '')) return true;
    }
  }
  return false;
}

function wordCount(text: string): number {
  return normalizeHeading(text).split(' ').filter(Boolean).length;
}

/**
 * `start` is where the article's text begins (its first part); lists before it are page furniture.
 * `titleTerms`: the content terms of the article's title, when the caller has them already.
 */
export function findTopicalListAnchors(
  doc: Document,
  start: Element | null,
  memo = new SearchMemo(),
  titleTerms?: string[],
): Element[] {
  const body = doc.body;
  if (!body || !start) return [];
  titleTerms ??= contentTerms(articleTitle(doc));
  if (titleTerms.length === 0) return [];
  const anchors: Element[] = [];
  for (const list of body.querySelectorAll('ul, ol')) {
    if (
      memo.firstUp('list', list.parentElement, null, (node) => node.tagName === 'UL' || node.tagName === 'OL')
    )
      continue;
    // After the start of the text: inside it or following it.
    const after = memo.position(list) > memo.position(start);
    if (!after || chromeReason(list, null, true, memo)) continue;
    const linked = [...list.querySelectorAll('a[href]')].filter((a) => /\p{L}/u.test(a.textContent ?? ''));
    const headlines = linked.filter((anchor) => {
      const text = normalizeHeading(anchor.textContent ?? '');
      return wordCount(text) >= HEADLINE_WORDS && text.length >= HEADLINE_CHARS;
    });
    if (headlines.length < MIN_HEADLINES || headlines.length < MIN_HEADLINE_SHARE * linked.length) continue;
    const topical = headlines.filter((anchor) =>
      contentTerms(anchor.textContent ?? '').some((term) => titleTerms.some((t) => termsMatch(term, t))),
    );
    if (topical.length < MIN_HEADLINES || topical.length < MIN_TOPICAL_SHARE * headlines.length) continue;
    if (isIntroducedAsUnrelated(list)) continue;
    anchors.push(...headlines);
  }
  return anchors;
}
