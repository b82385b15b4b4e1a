/**
 * The analysis pipeline: extraction (DOM work, on a clone) followed by the text stages (entities,
 * quotes, summary, related ranking). Pure TypeScript, no browser.* calls. The CLI runs it whole under
 * jsdom; the extension splits it: the content script runs `extractPage` on the live page, the
 * background runs `analyzeExtracted` (it holds the NER model once for all tabs).
 */
import { loadNerModel, recognizeEntities } from './entities/index.ts';
import { layoutBlocks } from './extract/blocks.ts';
import { chooseLanguage, countWords, readingMinutes } from './extract/index.ts';
import { extractPage, type PageExtraction, timed } from './extract/page.ts';
import { findQuotes } from './quotes/index.ts';
import { rankRelatedLinks } from './related/index.ts';
import { summarize } from './summary/index.ts';
import { normalizeLangTag } from './text/language.ts';
import type { Analysis } from './types.ts';

export { extractPage, type PageExtraction } from './extract/page.ts';

/**
 * Loads a bundled resource by file name (for example 'ner-de.json' from public/models/) and returns
 * the parsed JSON, or null when there is no such file. Node reads the file; the extension fetches
 * browser.runtime.getURL('/models/' + name).
 */
export type ModelLoader = (name: string) => Promise<unknown | null>;

export interface AnalyzeOptions {
  /** Overrides the detected language (CLI --lang). */
  lang?: string;
  loadModel?: ModelLoader;
  summaryLength?: 'short' | 'long';
}

async function timedAsync<T>(
  timings: Record<string, number>,
  stage: string,
  run: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - start);
  }
}

/** The text half: entities, quotes, summary and related ranking on an extracted page. */
export async function analyzeExtracted(
  extraction: PageExtraction,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const { relatedCandidates, timings: extractTimings, ...page } = extraction;
  const timings: Record<string, number> = { ...extractTimings };
  const override = options.lang ? normalizeLangTag(options.lang) : null;
  const lang = override ?? page.lang;
  const langSource = override ? 'override' : page.langSource;
  const base = { ...page, lang, langSource, paragraphs: page.blocks.map((b) => b.text), timings } as const;
  if (page.status !== 'ok') return { ...base, entities: [], quotes: [], summary: [], related: [] };

  const article = { text: page.text, blocks: page.blocks, lang };
  const model = options.loadModel
    ? await timedAsync(timings, 'model', () => loadNerModel(lang, options.loadModel!))
    : null;
  const entities = timed(timings, 'entities', () => recognizeEntities(article, model));
  const quotes = timed(timings, 'quotes', () => findQuotes(article, entities));
  const summary = timed(timings, 'summary', () =>
    summarize(article, { entities, length: options.summaryLength ?? 'short' }),
  );
  const related = timed(timings, 'related-rank', () =>
    rankRelatedLinks(relatedCandidates, { text: page.text, lang, entities }),
  );
  return { ...base, entities, quotes, summary, related };
}

/** The whole pipeline on one document (CLI, tests, benchmarks). */
export async function analyzeDocument(
  doc: Document,
  url: string,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const { extraction } = extractPage(doc, url);
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
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const laidOut = layoutBlocks(paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p })));
  const words = countWords(laidOut.text);
  const detected = chooseLanguage(meta.lang, laidOut.text);
  const extraction: PageExtraction = {
    url: meta.url ?? '',
    title: meta.title ?? paragraphs[0]?.slice(0, 120) ?? '',
    byline: null,
    siteName: null,
    publishedTime: null,
    excerpt: null,
    ...detected,
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
