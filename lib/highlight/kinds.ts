/**
 * Names and paint order of Kontext's highlight kinds. Entity kinds outrank quote kinds so a name inside a
 * quote keeps its entity colour; the focus mark (keyboard stepping, "next mention") outranks everything.
 */
import type { HighlightKind } from '../messaging.ts';

export const ENTITY_KINDS = ['person', 'place', 'organization'] as const;
export const QUOTE_KINDS = ['speech', 'phrase'] as const;
export const ALL_KINDS: readonly HighlightKind[] = [...ENTITY_KINDS, ...QUOTE_KINDS];

/** Registry name for `CSS.highlights` and `::highlight(...)`; prefixed so pages cannot collide by accident. */
export function highlightName(kind: HighlightKind | 'focus'): string {
  return `kontext-${kind}`;
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

export function isEntityKind(kind: HighlightKind): kind is (typeof ENTITY_KINDS)[number] {
  return kind === 'person' || kind === 'place' || kind === 'organization';
}
