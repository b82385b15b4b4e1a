/**
 * Parts of the content script that most clicks never need, built as their own scripts and injected by
 * the background (scripting.executeScript into the same isolated world) only when wanted: the reading
 * aids (highlight painter, hover card, Preact) when the page is first painted, and the sanitiser
 * (DOMPurify) for a save from the context menu or shortcut. They meet the content script through a
 * global of that world, which page scripts cannot see. content.js stays small, so the first click's
 * injection is quick.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReadingAids } from '@/entrypoints/content/highlights.ts';
import type { ContentPart } from '@/lib/messaging.ts';

export interface ContentParts {
  aids: (ctx: ContentScriptContext) => ReadingAids;
  sanitize: (html: string) => string;
}

/** The built file of each part (entrypoints/aids.ts, entrypoints/sanitize.ts). */
export const PART_FILES: Readonly<Record<ContentPart, '/aids.js' | '/sanitize.js'>> = {
  aids: '/aids.js',
  sanitize: '/sanitize.js',
};

const key = (part: ContentPart) => Symbol.for(`kontext.content-part.${part}`);

/** Called by a part's script: makes it available to the content script (a second injection is a no-op). */
export function providePart<P extends ContentPart>(part: P, value: ContentParts[P]): void {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  scope[key(part)] ??= value;
}

/** The part if its script was injected into this world, else undefined. */
export function loadedPart<P extends ContentPart>(part: P): ContentParts[P] | undefined {
  return (globalThis as unknown as Record<symbol, ContentParts[P] | undefined>)[key(part)];
}
