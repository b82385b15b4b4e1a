/**
 * The text half of the pipeline: entities, quotes, summary and related ranking on an extracted page.
 * Kept apart from the DOM half so the background bundles no Readability and no DOM code.
 */
import { loadNerModel, NER_LANGUAGES, recognizeEntities } from './entities/index.ts';
import type { PageExtraction } from './extract/page.ts';
import { languageSupport } from './language-support.ts';
import { findQuotes } from './quotes/index.ts';
import { rankRelatedLinks } from './related/rank.ts';
import { summarize } from './summary/index.ts';
import { chooseLanguage, normalizeLangTag } from './text/language.ts';
import { timed, timedAsync } from './timing.ts';
import type { Analysis, RelatedLink } from './types.ts';

/**
 * Loads a bundled model file by name from public/models/ ('ner-de.bin') as an ArrayBuffer, or null when
 * there is no such file. Node reads the file (scripts/node-model-loader.ts); the extension fetches
 * browser.runtime.getURL('/models/' + name).
 */
export type ModelLoader = (name: string) => Promise<ArrayBuffer | null>;

export interface AnalyzeOptions {
  /** Overrides the detected language (CLI --lang). */
  lang?: string;
  loadModel?: ModelLoader;
  summaryLength?: 'short' | 'long';
}

/**
 * Starts loading the NER model of every language that has one (each is fetched and built once per
 * `loadModel`, then kept): the background calls this while the page extracts, before the page's language
 * is known, so that a fresh worker's first analysis finds its model built instead of building it after
 * the extraction. Never rejects; analyzeExtracted reports a failed load as before.
 */
export function prepareModels(loadModel: ModelLoader): void {
  for (const lang of NER_LANGUAGES) loadNerModel(lang, loadModel).catch(() => undefined);
}

/** The text half: entities, quotes, summary and related ranking on an extracted page. */
export async function analyzeExtracted(
  extraction: PageExtraction,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const { relatedCandidates, timings: extractTimings, markupLang, langSample, ...page } = extraction;
  const timings: Record<string, number> = { ...extractTimings };
  const override = options.lang ? normalizeLangTag(options.lang) : null;
  // The language is chosen here, once, from the markup and the extracted text (not in the page).
  const { lang, langSource } = override
    ? { lang: override, langSource: 'override' as const }
    : timed(timings, 'language', () =>
        chooseLanguage(markupLang, page.status === 'ok' ? page.text : (langSample ?? '')),
      );
  const base = {
    ...page,
    lang,
    langSource,
    paragraphs: page.blocks.map((b) => b.text),
    support: languageSupport(lang),
    timings,
  } as const;
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

/**
 * Ranks related-link candidates that arrive after the analysis (the popup shows names and summary
 * first; the page searches its links meanwhile). Adds its milliseconds to `timings['related-rank']`.
 */
export function rankLateRelated(
  candidates: RelatedLink[],
  analysis: Pick<Analysis, 'status' | 'text' | 'lang' | 'entities'>,
  timings: Record<string, number> = {},
): RelatedLink[] {
  if (analysis.status !== 'ok') return [];
  return timed(timings, 'related-rank', () =>
    rankRelatedLinks(candidates, { text: analysis.text, lang: analysis.lang, entities: analysis.entities }),
  );
}
