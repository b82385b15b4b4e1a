/**
 * Whether an element sits in the page's chrome rather than its reading matter: navigation, banners,
 * footers, breadcrumbs, share bars, ads, comments, dialogs, sidebars and forms. Judged from semantics
 * first (elements, roles, aria-labels, `hidden`), with common cross-site class/id conventions as a
 * secondary hint. Read-only.
 */
import { SearchMemo } from './search-memo.ts';

const CHROME_ROLE =
  /^(navigation|banner|contentinfo|search|dialog|alertdialog|menu|menubar|complementary|toolbar)$/i;

/** aria-labels of ad slots, share bars, navigation, breadcrumbs and consent banners, in several languages. */
const CHROME_LABEL =
  /(anzeige|werbung|advert|sponsor|publicit|teilen|share|partager|compartir|compartilhar|sdílet|navigation|navi|menu|menü|breadcrumb|brotkrumen|fil d'ariane|cookie|consent|einwilligung)/i;

/** Class/id conventions shared by many sites (a secondary hint, never the only signal for inclusion). */
const CHROME_CLASS =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|sharebar|social|socials|ad|ads|advert|advertising|adslot|sponsor|sponsored|outbrain|taboola|trc|comments?|kommentare|cookie|consent|newsletter|paywall|subscribe|masthead|toolbar|byline|author|tags|taglist|keywords)($|[\s_-])/i;

const CHROME_TAG = new Set([
  'NAV',
  'FORM',
  'DIALOG',
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
  if (CHROME_TAG.has(tag)) return tag.toLowerCase();
  // A page's own header and footer are chrome; an article's header/footer holds its related links.
  if ((tag === 'HEADER' || tag === 'FOOTER') && isPageLevel(node, memo)) return tag.toLowerCase();
  if (node.hasAttribute('hidden')) return 'hidden';
  const role = node.getAttribute('role');
  if (role && CHROME_ROLE.test(role)) return `role=${role}`;
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
