/**
 * The DOM half of the pipeline in one call (the CLI, tests, benchmarks): the article from Readability on
 * a clone, plus the related-link candidates, which Readability drops. The content script runs the same
 * two steps apart: extractArticleForPage when injected, relatedCandidatesOf from a late part.
 */
import { findRelatedLinks, relatedCandidatesOf } from '../related/index.ts';
import { runSliced, runToEnd, type Sliced, type SliceOptions } from '../slicing.ts';
import { timed } from '../timing.ts';
import type { RelatedLink } from '../types.ts';
import { type ExtractOptions, extractArticleForPage } from './index.ts';
import type { PageExtractionResult } from './types.ts';

export interface PageOptions extends Omit<ExtractOptions, 'inPlace'> {
  /**
   * false: leave the related-link search out (relatedCandidates is empty) for a later
   * relatedCandidatesOf call; the popup shows the article's names and summary before its related links.
   */
  related?: boolean;
  /**
   * The page is the caller's own copy, parsed for this one analysis (the CLI): Readability reads it in
   * place instead of a copy, and the related-link search runs before it rewrites the page.
   */
  inPlace?: boolean;
}

export type { PageExtraction, PageExtractionResult } from './types.ts';

function* extractPageSteps(doc: Document, url: string, options: PageOptions): Sliced<PageExtractionResult> {
  if (options.inPlace) return yield* extractInPlaceSteps(doc, url, options);
  const result = yield* extractArticleForPage(doc, url, { anchors: options.anchors });
  if (options.related === false) return result;
  yield;
  const { extraction } = result;
  const relatedCandidates = timed(extraction.timings, 'related', () =>
    relatedCandidatesOf(doc, url, extraction),
  );
  return { ...result, extraction: { ...extraction, relatedCandidates } };
}

/**
 * extractPageSteps on the caller's own copy of the page: the related-link search reads the page just
 * before Readability rewrites it (after the size checks, so a page too large is never searched), and its
 * links are kept for an article read whole, as relatedCandidatesOf keeps them.
 */
function* extractInPlaceSteps(
  doc: Document,
  url: string,
  options: PageOptions,
): Sliced<PageExtractionResult> {
  const searched: Record<string, number> = {};
  let found: RelatedLink[] = [];
  const beforeRewrite = () => {
    if (options.related !== false) found = timed(searched, 'related', () => findRelatedLinks(doc, url));
  };
  const result = yield* extractArticleForPage(doc, url, {
    anchors: options.anchors,
    inPlace: { beforeRewrite },
  });
  const { extraction } = result;
  const timings = { ...extraction.timings };
  // The search ran inside the extraction's step: its time is the related stage's, not the extraction's.
  if (searched.related !== undefined) {
    timings.extract = (timings.extract ?? 0) - searched.related;
    timings.related = searched.related;
  }
  const whole = extraction.status === 'ok' && !extraction.truncated;
  return { ...result, extraction: { ...extraction, relatedCandidates: whole ? found : [], timings } };
}

/** Extraction in one go (the CLI and tests). */
export function extractPage(doc: Document, url: string, options: PageOptions = {}): PageExtractionResult {
  return runToEnd(extractPageSteps(doc, url, options));
}

/** Extraction in slices that give the page's thread back between them (as the content script runs it). */
export function extractPageSliced(
  doc: Document,
  url: string,
  options: PageOptions = {},
  slicing: SliceOptions = {},
): Promise<PageExtractionResult> {
  return runSliced(extractPageSteps(doc, url, options), slicing);
}
