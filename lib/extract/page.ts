/**
 * The DOM half of the pipeline in one call (the CLI, tests, benchmarks): the article from Readability on
 * a clone, plus the related-link candidates, which Readability drops. The content script runs the same
 * two steps apart: extractArticleForPage when injected, relatedCandidatesOf from a late part.
 */
import { relatedCandidatesOf } from '../related/index.ts';
import { runSliced, runToEnd, type Sliced, type SliceOptions } from '../slicing.ts';
import { timed } from '../timing.ts';
import { type ExtractOptions, extractArticleForPage } from './index.ts';
import type { PageExtractionResult } from './types.ts';

export interface PageOptions extends ExtractOptions {
  /**
   * false: leave the related-link search out (relatedCandidates is empty) for a later
   * relatedCandidatesOf call; the popup shows the article's names and summary before its related links.
   */
  related?: boolean;
}

export type { PageExtraction, PageExtractionResult } from './types.ts';

function* extractPageSteps(doc: Document, url: string, options: PageOptions): Sliced<PageExtractionResult> {
  const result = yield* extractArticleForPage(doc, url, options);
  if (options.related === false) return result;
  yield;
  const { extraction } = result;
  const relatedCandidates = timed(extraction.timings, 'related', () =>
    relatedCandidatesOf(doc, url, extraction),
  );
  return { ...result, extraction: { ...extraction, relatedCandidates } };
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
