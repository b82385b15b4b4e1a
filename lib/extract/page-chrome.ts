/**
 * The one page-chrome classifier: whether an element is the page's chrome (navigation, banners, footers,
 * asides, share bars, ads, comments, dialogs, forms) rather than its reading matter. Judged from markup:
 * elements, roles, aria-labels, `hidden`, and class/id conventions as a secondary hint; never from layout.
 * Read-only. Two questions are asked of it, with one vocabulary of tags and roles:
 * - highlighting (isPageChrome): never paint chrome; an <aside> is chrome, class tokens match whole;
 * - related links (chromeReason): links in chrome are not related reading; an <aside> may be a related
 *   block, and a class hint never outweighs an element that holds prose.
 */
import { SearchMemo } from '../related/search-memo.ts';

/** Page furniture by tag, for both questions (a <header> or <footer> is decided by where it stands). */
const FURNITURE_TAGS = new Set(['NAV', 'FORM', 'DIALOG']);

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
  'toolbar',
]);

/** ARIA roles of landmarks and widgets that are never article text. */
export function isChromeRole(role: string): boolean {
  return CHROME_ROLES.has(role.trim().toLowerCase());
}

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

/**
 * For highlighting: true for navigation, asides, ads, comments and other page chrome, judged on the
 * element alone (the caller walks the tree). `region` is the article root in use.
 */
export function isPageChrome(element: Element, region: Element | null): boolean {
  const tag = element.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag) || tag === 'ASIDE') return true;
  const role = element.getAttribute('role');
  if (role && isChromeRole(role)) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') {
    // The site's header/footer is chrome; an article's own header (title, byline) is article text.
    const insideArticle = element.parentElement?.closest('article, [itemprop="articleBody"]') != null;
    const insideRegion = region != null && region !== element.ownerDocument.body && region.contains(element);
    return !insideArticle && !insideRegion;
  }
  return hasChromeToken(element);
}

/** aria-labels of ad slots, share bars, navigation, breadcrumbs and consent banners, in several languages. */
const CHROME_LABEL =
  /(anzeige|werbung|advert|sponsor|publicit|teilen|share|partager|compartir|compartilhar|sdílet|navigation|navi|menu|menü|breadcrumb|brotkrumen|fil d'ariane|cookie|consent|einwilligung)/i;

/** Class/id conventions shared by many sites (a secondary hint, never the only signal for inclusion). */
const CHROME_CLASS =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|sharebar|social|socials|ad|ads|advert|advertising|adslot|sponsor|sponsored|outbrain|taboola|trc|comments?|kommentare|cookie|consent|newsletter|paywall|subscribe|masthead|toolbar|byline|author|tags|taglist|keywords)($|[\s_-])/i;

/** Tags that are never related reading: page furniture and controls. */
const NOT_READING_TAGS = new Set([
  ...FURNITURE_TAGS,
  'BUTTON',
  'SELECT',
  'NOSCRIPT',
  'TEMPLATE',
  'SCRIPT',
  'STYLE',
]);

const SECTIONING = 'article, section, aside, main, [role="main"], [role="article"]';

/**
 * A header or footer is the page's own when its nearest sectioning ancestor is the body; inside an
 * article, section or aside it is that part's header/footer (a related block's heading, say).
 */
function isPageLevel(element: Element, memo: SearchMemo): boolean {
  return memo.firstUp('sectioning', element.parentElement, null, (node) => node.matches(SECTIONING)) === null;
}

/** Why `node` itself is chrome (not its ancestors); null when it is not. A class hint never outweighs content. */
function ownChromeReason(node: Element, classHints: boolean, memo: SearchMemo): string | null {
  const tag = node.tagName;
  if (NOT_READING_TAGS.has(tag)) return tag.toLowerCase();
  // A page's own header and footer are chrome; an article's header/footer holds its related links.
  if ((tag === 'HEADER' || tag === 'FOOTER') && isPageLevel(node, memo)) return tag.toLowerCase();
  if (node.hasAttribute('hidden')) return 'hidden';
  const role = node.getAttribute('role');
  if (role && isChromeRole(role)) return `role=${role}`;
  const label = node.getAttribute('aria-label');
  if (label && CHROME_LABEL.test(label)) return `aria-label=${label}`;
  const hint = `${node.getAttribute('class') ?? ''} ${node.id}`;
  if (classHints && CHROME_CLASS.test(hint) && !memo.holdsProse(node)) return `class=${hint.trim()}`;
  return null;
}

const isPageRoot = (node: Element) => node.tagName === 'BODY' || node.tagName === 'HTML';

/**
 * Why `element` (or an ancestor up to `stop`, exclusive, and below the body) is chrome; null when it is
 * reading matter. `classHints: false` judges by semantics alone (inside a block already known to be
 * related reading). One search passes one `memo`, which makes its questions linear in the page's size.
 */
export function chromeReason(
  element: Element,
  stop: Element | null = null,
  classHints = true,
  memo = new SearchMemo(),
): string | null {
  const found = memo.firstUp(
    `chrome ${classHints}`,
    element,
    stop,
    (node) => isPageRoot(node) || ownChromeReason(node, classHints, memo) !== null,
  );
  return found && !isPageRoot(found) ? ownChromeReason(found, classHints, memo) : null;
}
