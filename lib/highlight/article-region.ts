/**
 * Which part of the live page is the article. Highlights go only there: never navigation, ads, comments
 * or the site's chrome (lib/extract/page-chrome.ts decides what chrome is).
 */
import { isPageChrome } from '../extract/page-chrome.ts';

/** Kontext's own UI host element; never indexed, never observed. */
export const KONTEXT_HOST_TAG = 'KONTEXT-CARD';

const NEVER_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'IFRAME',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'HEAD',
  'TITLE',
  KONTEXT_HOST_TAG,
]);

/** True for subtrees that never hold article text, wherever they are. */
export function isNeverText(element: Element): boolean {
  if (NEVER_TEXT.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return element.getAttribute('contenteditable') === 'true';
}

export function createSkipPredicate(region: Element | null): (element: Element) => boolean {
  return (element) => isNeverText(element) || (element !== region && isPageChrome(element, region));
}

const REGION_SELECTORS = [
  '[itemprop="articleBody"]',
  'article',
  '[role="article"]',
  'main',
  '[role="main"]',
  '#content',
  '.content',
];

/**
 * The most likely article root: the candidate with the most paragraph text, else <body>. Only a first
 * guess: the locator widens to <body> when the blocks are not found inside it.
 */
export function findArticleRegion(doc: Document): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const selector of REGION_SELECTORS) {
    for (const candidate of doc.querySelectorAll(selector)) {
      if (candidate.closest('nav, aside, footer, [role="navigation"], [role="complementary"]')) continue;
      let score = 0;
      for (const p of candidate.querySelectorAll('p')) score += p.textContent?.length ?? 0;
      if (score > bestScore * 1.2 || (best && score >= bestScore && best.contains(candidate))) {
        best = candidate;
        bestScore = score;
      }
    }
  }
  return best ?? doc.body;
}
