/**
 * Parts of the content script that the first results never need, built as their own scripts and
 * injected by the background (scripting.executeScript into the same isolated world) only when wanted:
 * the related-link search after the extraction is sent (while the background analyses), the reading aids
 * (highlight painter, hover card, Preact) when the page is first painted, and the sanitiser (DOMPurify)
 * for a save. They meet the content script through a global of that world, which page scripts cannot
 * see. content.js holds the extraction only, so the first click's injection is quick.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReadingAids } from '@/entrypoints/content/highlights.ts';
import type { ExtractedPage } from '@/lib/extract/types.ts';
import type { ContentPart } from '@/lib/messaging.ts';
import type { RelatedLink } from '@/lib/types.ts';

export interface ContentParts {
  aids: (ctx: ContentScriptContext) => ReadingAids;
  sanitize: (html: string) => string;
  /** The page's related-link candidates (relatedCandidatesOf in lib/related/find-links.ts). */
  related: (doc: Document, url: string, page: ExtractedPage) => RelatedLink[];
}

/** The built file of each part (entrypoints/aids.ts, entrypoints/sanitize.ts, entrypoints/related.ts). */
export const PART_FILES: Readonly<Record<ContentPart, '/aids.js' | '/sanitize.js' | '/related.js'>> = {
  aids: '/aids.js',
  sanitize: '/sanitize.js',
  related: '/related.js',
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
