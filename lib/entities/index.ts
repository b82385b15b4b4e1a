/**
 * Named-entity recognition for Kontext: the statistical tagger (model.ts) over the article's sentences,
 * then the entity table (table.ts). Runs in Node and in the extension alike (no browser APIs).
 *
 * Languages without a model (anything but de and en): recognizeEntities returns [] — a capitalisation
 * guess would mark every German-style noun and mislead more than it helps.
 */
import type { ModelLoader } from '../analyze.ts';
import { splitSentences } from '../text/sentences.ts';
import type { ArticleBlock, Entity, EntityKind } from '../types.ts';
import { tagsToSpans } from './conll.ts';
import { TEMPLATES } from './features.ts';
import { fromData, isNerModelData, type TaggerModel, tagSentence } from './model.ts';
import { isRoleWord } from './roles.ts';
import { buildEntityTable, type RawMention } from './table.ts';
import { type Token, tokenize } from './tokenize.ts';

export interface NerModel {
  lang: string;
  tagger: TaggerModel;
}

/** Languages with a committed model (public/models/ner-<lang>.json). */
export const NER_LANGUAGES: readonly string[] = ['de', 'en'];

const cache = new WeakMap<ModelLoader, Map<string, Promise<NerModel | null>>>();

/** 'de-DE' → 'de'. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Loads the model for a language via the loader ('ner-de.json', 'ner-en.json'); null if none. Only that language is loaded. */
export function loadNerModel(lang: string, loadModel: ModelLoader): Promise<NerModel | null> {
  const primary = primaryLanguage(lang);
  if (!NER_LANGUAGES.includes(primary)) return Promise.resolve(null);
  let byLang = cache.get(loadModel);
  if (!byLang) {
    byLang = new Map();
    cache.set(loadModel, byLang);
  }
  let pending = byLang.get(primary);
  if (!pending) {
    pending = loadModel(`ner-${primary}.json`).then((data) =>
      isNerModelData(data) ? { lang: primary, tagger: fromData(data) } : null,
    );
    // A failed load is not cached, so a later call may retry.
    pending.catch(() => byLang.delete(primary));
    byLang.set(primary, pending);
  }
  return pending;
}

const KINDS: Record<string, EntityKind> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** The entity table of an article, sorted by count descending then first mention. */
export function recognizeEntities(
  article: { text: string; blocks: ArticleBlock[]; lang: string },
  model: NerModel | null,
): Entity[] {
  if (!model) return [];
  const { text } = article;
  const lang = primaryLanguage(article.lang) || model.lang;
  const sentences: string[] = [];
  const mentions: RawMention[] = [];
  const allTokens: Array<Token & { sentence: number }> = [];
  for (const block of article.blocks) {
    for (const span of splitSentences(block.text, lang)) {
      const sentence = sentences.length;
      sentences.push(span.text);
      const tokens = tokenize(span.text, block.start + span.start);
      if (tokens.length === 0) continue;
      for (const t of tokens) allTokens.push({ ...t, sentence });
      const tags = tagSentence(
        model.tagger,
        tokens.map((t) => t.text),
        { heading: block.kind === 'heading' },
      );
      for (const s of tagsToSpans(tags)) {
        for (const [from, to] of nameParts(tokens, s.start, s.end, s.type)) {
          const start = tokens[from]!.start;
          const end = tokens[to - 1]!.end;
          const surface = text.slice(start, end);
          if (!/\p{Lu}|\p{Lo}/u.test(surface)) continue;
          mentions.push({ start, end, text: surface, kind: KINDS[s.type] ?? 'organization', sentence });
        }
      }
    }
  }
  const { gazetteer } = model.tagger.resources;
  return buildEntityTable({
    text,
    lang,
    mentions,
    sentences,
    tokens: allTokens,
    isKnownName: (word) => gazetteer.kindOf(word) !== undefined || isKnownEntityWord(model.tagger, word),
    gazetteerKind: (name) => {
      const kind = gazetteer.kindOf(name);
      return kind ? KINDS[kind] : undefined;
    },
  });
}

/**
 * The token ranges of a tagged span that are names: a leading role noun or title is dropped
 * ("Machthaber Kim Jong Un" → "Kim Jong Un") and persons and places are cut at punctuation
 * ("Kim Jong Un & Putin" → two names); organisations keep "&" ("Procter & Gamble").
 */
function nameParts(
  tokens: readonly Token[],
  start: number,
  end: number,
  type: string,
): Array<[number, number]> {
  let first = start;
  while (first < end && isRoleWord(tokens[first]!.text.toLowerCase())) first++;
  const parts: Array<[number, number]> = [];
  let from = first;
  for (let k = first; k < end; k++) {
    const t = tokens[k]!.text;
    const cut = !/[\p{L}\p{N}]/u.test(t) && !(type === 'ORG' && (t === '&' || t === '.'));
    if (!cut) continue;
    if (k > from) parts.push([from, k]);
    from = k + 1;
  }
  if (end > from) parts.push([from, end]);
  return parts;
}

/** The model learnt this word as (part of) a name: its word feature favours an entity tag over O. */
function isKnownEntityWord(tagger: TaggerModel, word: string): boolean {
  const pairs = tagger.weights[TEMPLATES.indexOf('w')]?.[word];
  if (!Array.isArray(pairs)) return false;
  let o = 0;
  let best = 0;
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const tag = tagger.tags[pairs[k]!]!;
    if (tag === 'O') o = pairs[k + 1]!;
    else if (/^[BI]-(PER|LOC|ORG)$/.test(tag)) best = Math.max(best, pairs[k + 1]!);
  }
  return best > o;
}
