/**
 * Where the article's running text is on the live page: the containers of its prose paragraphs (text
 * outside links and chrome). Readability works on a clone and drops blocks; this only needs to know
 * where the prose is, so it stays simple and read-only.
 */
import { chromeReason } from '../extract/page-chrome.ts';
import { SearchMemo } from './search-memo.ts';

/** Paragraphs shorter than this are captions, teasers or bylines rather than prose. */
const MIN_PROSE_CHARS = 80;
/** Containers holding at least this share of the best container's prose are parts of the same text. */
const PART_SHARE = 0.2;

/**
 * The containers of the article's prose. The container with the most prose paragraphs as direct
 * children is the body of the text; containers with a fair share of that (a long quote, another section)
 * or built like it (the sections of a story split into blocks, the items of a listicle) are parts of it.
 */
export function findArticleParts(doc: Document, memo = new SearchMemo()): Element[] {
  const body = doc.body;
  if (!body) return [];
  const direct = new Map<Element, number>();
  for (const paragraph of memo.paragraphs(doc)) {
    const parent = paragraph.parentElement;
    const length = memo.proseLength(paragraph);
    if (!parent || length < MIN_PROSE_CHARS || chromeReason(paragraph, null, true, memo)) continue;
    direct.set(parent, (direct.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestProse = 0;
  for (const [element, prose] of direct) {
    if (prose > bestProse) {
      best = element;
      bestProse = prose;
    }
  }
  if (!best) return [];
  // Sections of one text split into blocks are built alike: same element, same classes.
  const shape = (element: Element) => `${element.tagName} ${element.getAttribute('class') ?? ''}`;
  const bestShape = shape(best);
  const parts = [...direct]
    .filter(([element, prose]) => prose >= PART_SHARE * bestProse || shape(element) === bestShape)
    .map(([element]) => element);
  // A part nested in another part is already covered by it.
  return memo.outermost('article part', parts);
}
