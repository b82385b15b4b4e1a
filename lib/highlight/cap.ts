/**
 * How many mentions Kontext paints on one page at most, and whether an analysis passes that: the reading
 * aids paint the first MAX_PAINTED_SPANS in reading order, and the popup says so when a page has more.
 */
import type { Analysis } from '../types.ts';

/**
 * At most this many mentions are painted, the first in reading order. Browsers paint nothing at all past
 * some hundred thousand ranges (Chromium with 140k), every live Range costs the page on each change of
 * the DOM, and the hover test walks the spans on every pointer frame; a reader never looks at more than a
 * few thousand marked names anyway.
 */
export const MAX_PAINTED_SPANS = 5_000;

/** The mentions and quotes the reading aids would paint without the cap (possible names are not painted). */
export function paintableCount(analysis: Pick<Analysis, 'entities' | 'quotes'>): number {
  let count = analysis.quotes.length;
  for (const entity of analysis.entities) if (!entity.possible) count += entity.mentions.length;
  return count;
}
