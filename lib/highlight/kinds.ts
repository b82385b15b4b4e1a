/**
 * Names and paint order of Kontext's highlight kinds. Entity kinds outrank quote kinds so a name inside a
 * quote keeps its entity colour; the focus mark (keyboard stepping, "next mention") outranks everything.
 */
import { randomName } from '../random-name.ts';
import type { HighlightKind } from '../types.ts';

/** Registry names in `CSS.highlights` and `::highlight(...)`, one per kind. */
export type HighlightNames = Readonly<Record<HighlightKind | 'focus', string>>;

/**
 * Fresh random names for one page. The registry is the page's: with fixed names a page could test
 * for Kontext (`CSS.highlights.has('kontext-person')`) or delete its highlights by name.
 */
export function createHighlightNames(): HighlightNames {
  const name = () => randomName('h');
  return {
    person: name(),
    place: name(),
    organization: name(),
    speech: name(),
    phrase: name(),
    focus: name(),
  };
}

/** Higher paints on top (Highlight.priority). */
export const KIND_PRIORITY: Record<HighlightKind | 'focus', number> = {
  phrase: 1,
  speech: 2,
  organization: 3,
  place: 4,
  person: 5,
  focus: 10,
};
