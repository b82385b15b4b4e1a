/**
 * Looks an entity up on Wikipedia for its card: search/title in the article's language, the choice
 * (choose.ts), then page/summary of the chosen page; the other supported language when the first has no
 * page of that name. Fetching is injected (the background passes one bound to its host permission), so
 * this stays pure and testable. Any failure (offline, an HTTP error, a malformed answer) ends in
 * `{ state: 'none' }`: the card then shows what it shows without Wikipedia, with no error noise.
 */
import { foldName } from '../text/fold.ts';
import {
  articleUrl,
  lookupLanguages,
  parseSearchTitle,
  parseSummary,
  searchTitleUrl,
  summaryUrl,
  type WikipediaLang,
  type WikipediaSummary,
} from './api.ts';
import { searchKey, summaryKey } from './cache-policy.ts';
import type { AnswerCache } from './cache-store.ts';
import { chooseCandidate, type LookupSubject, summaryConfirms } from './choose.ts';

export type CardWikipedia =
  | { state: 'summary'; summary: WikipediaSummary }
  /** Several pages carry the name, or the one found is not clearly this entity: links, no face. */
  | { state: 'several'; links: Array<{ title: string; url: string }> }
  | { state: 'none' };

export interface LookupDeps {
  /** Resolves to the parsed JSON body of a 2xx answer; rejects otherwise. */
  fetchJson(url: string): Promise<unknown>;
  /** Origin of the edition for `lang` (https://{lang}.wikipedia.org, or the test build's stub). */
  origin(lang: WikipediaLang): string;
  cache?: Pick<AnswerCache, 'get' | 'set'>;
}

/** The parsed answer (never the raw body: it is smaller, and only checked data is kept). */
async function cached<T>(
  deps: LookupDeps,
  key: string,
  url: string,
  parse: (body: unknown) => T,
): Promise<T> {
  const hit = (await deps.cache?.get(key).catch(() => undefined)) as T | undefined;
  if (hit !== undefined) return hit;
  const parsed = parse(await deps.fetchJson(url));
  await deps.cache?.set(key, parsed).catch(() => undefined);
  return parsed;
}

const linksTo = (lang: WikipediaLang, titles: string[]) =>
  titles.map((title) => ({ title, url: articleUrl(lang, title) }));

export async function lookUpEntity(
  subject: LookupSubject,
  articleLang: string,
  deps: LookupDeps,
): Promise<CardWikipedia> {
  try {
    for (const lang of lookupLanguages(articleLang)) {
      const origin = deps.origin(lang);
      const candidates = await cached(
        deps,
        searchKey(lang, foldName(subject.name)),
        searchTitleUrl(origin, subject.name),
        parseSearchTitle,
      );
      const choice = chooseCandidate(subject, candidates);
      if (choice.outcome === 'none') continue;
      if (choice.outcome === 'several') return { state: 'several', links: linksTo(lang, choice.titles) };
      const summary = await cached(
        deps,
        summaryKey(lang, choice.title),
        summaryUrl(origin, choice.title),
        (body) => parseSummary(body, lang),
      );
      if (!summary) return { state: 'none' };
      if (!summaryConfirms(subject, summary))
        return { state: 'several', links: linksTo(lang, [summary.title]) };
      return { state: 'summary', summary };
    }
  } catch {
    // Offline, refused or malformed: the card stays as it is without Wikipedia.
  }
  return { state: 'none' };
}
