/**
 * Every message between popup, background and content script, typed in one place.
 * WORK IN PROGRESS (lead). Highlight kinds are fixed here so the highlighter can rely on them.
 */
import type { EntityKind, QuoteKind } from './types.ts';

export type HighlightKind = EntityKind | QuoteKind;
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['person', 'place', 'organization', 'speech', 'phrase'];
