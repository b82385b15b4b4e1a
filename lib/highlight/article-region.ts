/**
 * Which part of the live page is the article. Highlights go only there: never navigation, ads, comments
 * or the site's chrome. Decided from markup (tags, roles, class and id tokens), never from layout.
 */

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

/** Page furniture by tag (a <header> or <footer> inside the article is only skipped outside it). */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'DIALOG']);
const CHROME_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
]);

/** Class/id tokens of comments, ads, sharing and promotion blocks; matched per token, not as substrings. */
const CHROME_TOKEN =
  /^(comments?|comment-list|disqus|ads?|advert(isement)?s?|ad-.*|.*-ads?|sponsor(ed)?|promo(tion)?s?|share|sharing|social|social-share|newsletter|cookie.*|consent.*|paywall|breadcrumbs?|most-read|sidebar|related-posts)$/i;

function hasChromeToken(element: Element): boolean {
  const id = element.id;
  if (id && CHROME_TOKEN.test(id)) return true;
  const classes = element.classList;
  for (let i = 0; i < classes.length; i++) {
    if (CHROME_TOKEN.test(classes[i]!)) return true;
  }
  return false;
}

/** True for subtrees that never hold article text, wherever they are. */
export function isNeverText(element: Element): boolean {
  if (NEVER_TEXT.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return element.getAttribute('contenteditable') === 'true';
}

/** True for navigation, ads, comments and other page chrome. `region` is the article root in use. */
export function isPageChrome(element: Element, region: Element | null): boolean {
  const tag = element.tagName.toUpperCase();
  if (CHROME_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') {
    // The site's header/footer is chrome; an article's own header (title, byline) is article text.
    const insideArticle = element.parentElement?.closest('article, [itemprop="articleBody"]') != null;
    const insideRegion = region != null && region !== element.ownerDocument.body && region.contains(element);
    return !insideArticle && !insideRegion;
  }
  return hasChromeToken(element);
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
