/**
 * The tagger model: a first-order linear-chain model (averaged-perceptron weights for token features and
 * tag transitions) decoded with Viterbi. `NerModelData` is the committed JSON (public/models/ner-xx.json);
 * `TaggerModel` is its in-memory form.
 */
import {
  type FeatureResources,
  type SentenceContext,
  TEMPLATES,
  visitSentenceFeatures,
  visitWordFeatures,
} from './features.ts';
import { Gazetteer, type GazetteerLists } from './gazetteer.ts';

export const MODEL_FORMAT = 'kontext-ner';
export const MODEL_VERSION = 1;

export interface NerModelData {
  format: typeof MODEL_FORMAT;
  version: number;
  lang: string;
  /** Training tag set (IOB2), including MISC which is reported as O. */
  tags: string[];
  /** Weights are stored as integers: real weight = stored / scale. */
  scale: number;
  /** (tags.length + 1) × tags.length; the last row holds start-of-sentence weights. */
  transitions: number[];
  /** Template name → feature value → flat pairs [tagIndex, weight, tagIndex, weight, …]. */
  weights: Record<string, Record<string, number[]>>;
  gazetteer: GazetteerLists;
  /** Words seen as the first word of multi-word person names. */
  firstNames: string[];
  /** Case profile value → words (see FeatureResources.caseProfile). */
  caseProfile: Record<string, string[]>;
  /** Provenance: data, epochs, seed, scores. Informational only. */
  meta?: Record<string, unknown>;
}

export interface TaggerModel {
  lang: string;
  tags: string[];
  transitions: Float64Array;
  /**
   * Per template (index into TEMPLATES): feature value → [tag, weight, …] pairs, the parsed JSON as is
   * (quantised integers; transitions share the scale, so no division is needed to decode). Using the
   * parsed objects directly keeps the load to one JSON.parse.
   */
  weights: Array<Record<string, number[]>>;
  resources: FeatureResources;
  /** Tag index → allowed after previous tag index (IOB2 constraint); row tags.length is the start. */
  allowed: boolean[][];
  /** Summed weights of each word's word-only features (see visitWordFeatures), filled as words come. */
  wordScores: Map<string, Float64Array>;
}

/** Bound on the per-word score cache; it is cleared when full (pages rarely come near it). */
const WORD_CACHE_LIMIT = 50_000;

export function isNerModelData(value: unknown): value is NerModelData {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<NerModelData>;
  return (
    v.format === MODEL_FORMAT &&
    typeof v.lang === 'string' &&
    Array.isArray(v.tags) &&
    typeof v.scale === 'number' &&
    Array.isArray(v.transitions) &&
    !!v.weights &&
    typeof v.weights === 'object'
  );
}

/** IOB2: I-X may only follow B-X or I-X. */
export function allowedTransitions(tags: readonly string[]): boolean[][] {
  const rows: boolean[][] = [];
  for (let prev = 0; prev <= tags.length; prev++) {
    const p = prev < tags.length ? tags[prev]! : 'O';
    rows.push(
      tags.map((t) => {
        if (!t.startsWith('I-')) return true;
        const type = t.slice(2);
        return p === `B-${type}` || p === `I-${type}`;
      }),
    );
  }
  return rows;
}

export function buildResources(
  lang: string,
  gazetteer: GazetteerLists,
  caseProfile: Record<string, string[]>,
  firstNames: readonly string[],
): FeatureResources {
  const profile = new Map<string, number>();
  for (const [value, words] of Object.entries(caseProfile)) {
    for (const w of words) profile.set(w, Number(value));
  }
  return { gazetteer: new Gazetteer(gazetteer), caseProfile: profile, firstNames: new Set(firstNames), lang };
}

export function fromData(data: NerModelData): TaggerModel {
  const weights = TEMPLATES.map((name) => data.weights[name] ?? {});
  return {
    lang: data.lang,
    tags: data.tags,
    transitions: Float64Array.from(data.transitions),
    weights,
    resources: buildResources(data.lang, data.gazetteer, data.caseProfile, data.firstNames ?? []),
    allowed: allowedTransitions(data.tags),
    wordScores: new Map(),
  };
}

function addPairs(row: Float64Array, pairs: unknown): void {
  // Inherited properties ("constructor", "__proto__") are not features.
  if (!Array.isArray(pairs)) return;
  for (let k = 0; k + 1 < pairs.length; k += 2) row[pairs[k] as number]! += pairs[k + 1] as number;
}

function wordScores(model: TaggerModel, word: string): Float64Array {
  let scores = model.wordScores.get(word);
  if (scores) return scores;
  const row = new Float64Array(model.tags.length);
  visitWordFeatures(word, model.resources, (template, value) =>
    addPairs(row, model.weights[template]![value]),
  );
  if (model.wordScores.size >= WORD_CACHE_LIMIT) model.wordScores.clear();
  model.wordScores.set(word, row);
  scores = row;
  return scores;
}

/** Emission scores (tokens × tags) of a sentence. */
export function emissionScores(
  model: TaggerModel,
  tokens: readonly string[],
  ctx: SentenceContext,
): Float64Array[] {
  const scores = tokens.map((w) => Float64Array.from(wordScores(model, w)));
  const tables = model.weights;
  visitSentenceFeatures(
    tokens,
    model.resources,
    ctx,
    (i, template, value) => addPairs(scores[i]!, tables[template]![value]),
    true,
  );
  return scores;
}

/** Best tag index sequence under emission + transition scores and the IOB2 constraint. */
export function viterbi(
  emissions: readonly Float64Array[],
  transitions: Float64Array,
  allowed: readonly boolean[][],
  nTags: number,
): number[] {
  const n = emissions.length;
  if (n === 0) return [];
  const back: Int32Array[] = [];
  let prev = new Float64Array(nTags);
  for (let t = 0; t < nTags; t++) {
    prev[t] = allowed[nTags]![t] ? emissions[0]![t]! + transitions[nTags * nTags + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const cur = new Float64Array(nTags);
    const bp = new Int32Array(nTags);
    const e = emissions[i]!;
    for (let t = 0; t < nTags; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < nTags; p++) {
        if (!allowed[p]![t]) continue;
        const s = prev[p]! + transitions[p * nTags + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + e[t]!;
      bp[t] = arg;
    }
    back.push(bp);
    prev = cur;
  }
  let last = 0;
  for (let t = 1; t < nTags; t++) if (prev[t]! > prev[last]!) last = t;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i - 1]![path[i]!]!;
  return path;
}

/** IOB2 training tags (MISC included) for one tokenised sentence. */
export function tagSentenceRaw(
  model: TaggerModel,
  tokens: readonly string[],
  ctx?: SentenceContext,
): string[] {
  const emissions = emissionScores(model, tokens, ctx ?? {});
  const path = viterbi(emissions, model.transitions, model.allowed, model.tags.length);
  return path.map((t) => model.tags[t]!);
}

/** IOB2 tags over PER, LOC, ORG only (MISC reported as O). */
export function tagSentence(model: TaggerModel, tokens: readonly string[], ctx?: SentenceContext): string[] {
  return tagSentenceRaw(model, tokens, ctx).map((t) => (t.endsWith('-MISC') ? 'O' : t));
}
