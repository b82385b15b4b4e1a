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
import { deserializeModel, type TaggerModel, tagSentence } from './model.ts';
import { isRoleWord } from './roles.ts';
import { buildEntityTable, type RawMention } from './table.ts';
import { type Token, tokenize } from './tokenize.ts';

export interface NerModel {
  lang: string;
  tagger: TaggerModel;
}

/** Languages with a committed model (public/models/ner-<lang>.bin). */
export const NER_LANGUAGES: readonly string[] = ['de', 'en'];

const cache = new WeakMap<ModelLoader, Map<string, Promise<NerModel | null>>>();

/** 'de-DE' → 'de'. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The bytes a loader handed over for a binary file: an ArrayBuffer (fetch().arrayBuffer()) or a
 * Uint8Array (Node's Buffer). Checked by tag, not instanceof, which fails across realms (test DOMs).
 */
function asArrayBuffer(data: unknown): ArrayBuffer | null {
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return data as ArrayBuffer;
  if (ArrayBuffer.isView(data)) {
    const view = data as ArrayBufferView;
    // A copy: the view may start at an offset no Uint32Array can use.
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
  }
  return null;
}

/** Loads the model for a language via the loader ('ner-de.bin', 'ner-en.bin'); null if none. Only that language is loaded. */
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
    pending = loadModel(`ner-${primary}.bin`).then((data) => {
      const buffer = asArrayBuffer(data);
      const tagger = buffer ? deserializeModel(buffer) : null;
      return tagger ? { lang: primary, tagger } : null;
    });
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
  const weights = tagger.weights.weightsOf(TEMPLATES.indexOf('w'), word);
  if (!weights) return false;
  let o = 0;
  let best = 0;
  weights.forEach((weight, t) => {
    const tag = tagger.tags[t]!;
    if (tag === 'O') o = weight;
    else if (/^[BI]-(PER|LOC|ORG)$/.test(tag)) best = Math.max(best, weight);
  });
  return best > o;
}
