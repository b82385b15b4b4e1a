/**
 * The DOM half of the pipeline, run by the content script on the live page (and by the CLI): the
 * article from Readability on a clone, plus the related-link candidates, which Readability drops.
 */
import { findRelatedLinks } from '../related/index.ts';
import { runSliced, runToEnd, type Sliced, type SliceOptions } from '../slicing.ts';
import { timed, timedSliced } from '../timing.ts';
import type { RelatedLink } from '../types.ts';
import { type ExtractOptions, extractArticleSliced } from './index.ts';
import type { BlockAnchor, ExtractedPage } from './types.ts';

export interface PageOptions extends ExtractOptions {
  /**
   * false: leave the related-link search out (relatedCandidates is empty) for a later
   * relatedCandidatesOf call; the popup shows the article's names and summary before its related links.
   */
  related?: boolean;
}

/**
 * The page's related-link candidates. The link search reads the live page, all of it: on a page too
 * long to read whole (10 MB took 5.5 s there) it is skipped, and the popup shows no related reading
 * rather than make the reader wait.
 */
export function relatedCandidatesOf(doc: Document, url: string, page: ExtractedPage): RelatedLink[] {
  return page.status === 'ok' && !page.truncated ? findRelatedLinks(doc, url) : [];
}

/** What the content script hands to the background: the extracted article and the page's link candidates. */
export interface PageExtraction extends ExtractedPage {
  relatedCandidates: RelatedLink[];
  /** Milliseconds per stage so far (working time, without the pauses of sliced work). */
  timings: Record<string, number>;
}

export interface PageExtractionResult {
  extraction: PageExtraction;
  anchors: BlockAnchor[] | null;
}

function* extractPageSteps(doc: Document, url: string, options: PageOptions): Sliced<PageExtractionResult> {
  const timings: Record<string, number> = {};
  const { page, anchors } = yield* timedSliced(timings, 'extract', extractArticleSliced(doc, url, options));
  if (options.related === false) return { extraction: { ...page, relatedCandidates: [], timings }, anchors };
  yield;
  const relatedCandidates = timed(timings, 'related', () => relatedCandidatesOf(doc, url, page));
  return { extraction: { ...page, relatedCandidates, timings }, anchors };
}

/** Extraction in one go (the CLI and tests). */
export function extractPage(doc: Document, url: string, options: PageOptions = {}): PageExtractionResult {
  return runToEnd(extractPageSteps(doc, url, options));
}

/** Extraction in slices that give the page's thread back between them (the content script). */
export function extractPageSliced(
  doc: Document,
  url: string,
  options: PageOptions = {},
  slicing: SliceOptions = {},
): Promise<PageExtractionResult> {
  return runSliced(extractPageSteps(doc, url, options), slicing);
}
