/**
 * The analysis pipeline: extraction (DOM work, on a clone) followed by the text stages (entities,
 * quotes, summary, related ranking). Pure TypeScript, no browser.* calls. The CLI runs it whole under
 * jsdom; the extension splits it: the content script runs `extractPage` on the live page, the
 * background runs `analyzeExtracted` (it holds the NER model once for all tabs).
 */

import { type AnalyzeOptions, analyzeExtracted } from './analyze-extracted.ts';
import { layoutBlocks } from './extract/blocks.ts';
import { countWords, readingMinutes } from './extract/index.ts';
import { extractPage, type PageExtraction, type PageOptions } from './extract/page.ts';
import { toAnalysisText } from './text/characters.ts';
import type { Analysis } from './types.ts';

export { type AnalyzeOptions, analyzeExtracted, type ModelLoader } from './analyze-extracted.ts';
export { extractPage, type PageExtraction } from './extract/page.ts';

/**
 * The whole pipeline on one document (CLI, tests, benchmarks). `page.inPlace`: the document was parsed
 * for this analysis alone and may be rewritten (the CLI), which spares copying it.
 */
export async function analyzeDocument(
  doc: Document,
  url: string,
  options: AnalyzeOptions = {},
  page: Pick<PageOptions, 'inPlace'> = {},
): Promise<Analysis> {
  const { extraction } = extractPage(doc, url, page);
  return analyzeExtracted(extraction, options);
}

/**
 * Plain text as an article: its blank-line-separated blocks are its paragraphs (CLI --jsonl `text`
 * inputs: evaluation sets come as text, not pages).
 */
export async function analyzeText(
  text: string,
  meta: { url?: string; title?: string; lang?: string } = {},
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => toAnalysisText(p).trim())
    .filter(Boolean);
  const laidOut = layoutBlocks(paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p })));
  const words = countWords(laidOut.text);
  const extraction: PageExtraction = {
    url: meta.url ?? '',
    title: meta.title ?? paragraphs[0]?.slice(0, 120) ?? '',
    byline: null,
    siteName: null,
    publishedTime: null,
    excerpt: null,
    // Provisional: analyzeExtracted chooses the language from markupLang and the text.
    lang: 'und',
    langSource: 'unknown',
    markupLang: meta.lang ?? null,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    status: laidOut.text ? 'ok' : 'no-article',
    message: laidOut.text ? null : 'The text is empty.',
    blocks: laidOut.blocks,
    text: laidOut.text,
    contentHtml: '',
    relatedCandidates: [],
    timings: {},
  };
  return analyzeExtracted(extraction, options);
}
