/**
 * Page furniture that Readability leaves inside the article: photo credits, bylines and reporting lines
 * ('credit'), and newsletter boxes, teasers of other articles, "Most read" lists, "Reuse this content"
 * ('boilerplate'). Judged from markup (class names, <aside>, blocks that are nothing but links) and from
 * text patterns in German and English. Precision first: an article paragraph must never be dropped, so
 * every rule also wants the block short; a long block is always content.
 */
import { isCreditLine } from '../text/credits.ts';
import type { BlockKind } from '../types.ts';

/** Longer blocks are content whatever their markup says: furniture is short. */
const MAX_FURNITURE_LENGTH = 300;
/** Text patterns alone decide only for blocks this short. */
const MAX_PATTERN_LENGTH = 200;

const CREDIT_CLASS =
  /(?:^|[\s_-])(?:credits?|byline|copyright|copyrightholder|photographer|contributors?)(?:$|[\s_-])/i;
const BOILERPLATE_CLASS =
  /(?:^|[\s_-])(?:newsletter|signup|sign-up|teaser|related|trending|most-?read|most-?popular|meistgelesen|promo|recommended|subscribe|share|social|outbrain|taboola)(?:$|[\s_-])/i;

/** Teasers, sign-up boxes, lists of other articles (German and English). */
const BOILERPLATE_TEXT: readonly RegExp[] = [
  /^(?:lesen sie (?:auch|mehr|hier)|mehr zum thema|auch interessant|das könnte sie auch interessieren|weitere artikel|read more|related(?: articles| stories| coverage)?\s*:|see also\s*:|more on this story|trending|most read|most popular|meistgelesen|reuse this content|share this (?:article|story))\b/i,
  /^(?:sign up|melden sie sich|subscribe|abonnieren sie)\b.*\bnewsletter/i,
  /\bnewsletter\b.*\b(?:sign up|subscribe|anmelden|abonnieren)\b/i,
];

function classTokensOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id} ${element.getAttribute('itemprop') ?? ''}`;
}

/**
 * The kind of a block given its markup kind, its owner element (up to `root`), its text and how much
 * of its text sits inside links. Headings and preformatted text are never furniture.
 */
export function furnitureKind(
  kind: BlockKind,
  owner: Element,
  root: Element,
  text: string,
  linkedShare: number,
): BlockKind {
  if (kind === 'heading' || kind === 'preformatted' || text.length > MAX_FURNITURE_LENGTH) return kind;
  if (text.length <= MAX_PATTERN_LENGTH) {
    if (isCreditLine(text)) return 'credit';
    if (BOILERPLATE_TEXT.some((pattern) => pattern.test(text))) return 'boilerplate';
  }
  for (let element: Element | null = owner; element; element = element.parentElement) {
    const classes = classTokensOf(element);
    if (CREDIT_CLASS.test(classes)) return 'credit';
    if (element.tagName.toUpperCase() === 'ASIDE' || BOILERPLATE_CLASS.test(classes)) return 'boilerplate';
    if (element === root) break;
  }
  // A block that is only links is a list of other pages (teasers, "Read more" lists), not prose.
  if ((kind === 'paragraph' || kind === 'list-item') && linkedShare >= 0.95 && text.length <= 150) {
    return 'boilerplate';
  }
  return kind;
}
