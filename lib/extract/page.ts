/**
 * The DOM half of the pipeline, run by the content script on the live page (and by the CLI): the
 * article from Readability on a clone, plus the related-link candidates, which Readability drops.
 */
import { findRelatedLinks } from '../related/index.ts';
import { timed } from '../timing.ts';
import type { RelatedLink } from '../types.ts';
import { extractArticle } from './index.ts';
import type { BlockAnchor, ExtractedPage } from './types.ts';

/** What the content script hands to the background: the extracted article and the page's link candidates. */
export interface PageExtraction extends ExtractedPage {
  relatedCandidates: RelatedLink[];
  /** Milliseconds per stage so far. */
  timings: Record<string, number>;
}

export function extractPage(
  doc: Document,
  url: string,
  options: { anchors?: boolean } = {},
): { extraction: PageExtraction; anchors: BlockAnchor[] | null } {
  const timings: Record<string, number> = {};
  const { page, anchors } = timed(timings, 'extract', () => extractArticle(doc, url, options));
  // The link search reads the live page, all of it: on a page too long to read whole (10 MB took 5.5 s
  // there) it is skipped, and the popup shows no related reading rather than make the reader wait.
  const relatedCandidates = timed(timings, 'related', () =>
    page.status === 'ok' && !page.truncated ? findRelatedLinks(doc, url) : [],
  );
  return { extraction: { ...page, relatedCandidates, timings }, anchors };
}
