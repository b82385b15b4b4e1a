/**
 * Extractive summary: 3 (short) or 5 (long) sentences in reading order. Each body sentence is scored
 * by its position (news puts the essentials first), its centrality (tf-isf cosine to the whole
 * article, so sentences full of the article's key terms rank high) and the main entities it
 * mentions; a length prior prefers sentences of ordinary length, and sentences that lean on the one
 * before ("But he …") rank a little lower. Sentences are picked greedily with a redundancy penalty (maximal
 * marginal relevance), so near-duplicates are not picked twice.
 */
import type { ArticleBlock, Entity, SummarySentence } from '../types.ts';
import { bodySentences, type CandidateSentence, candidateSentences } from './candidates.ts';
import { contentTerms } from './terms.ts';

export interface SummaryArticle {
  text: string;
  blocks: ArticleBlock[];
  lang: string;
}

export interface SummaryOptions {
  entities?: Entity[];
  length?: 'short' | 'long';
}

/** Weights of the score; exported for the evaluation script's ablations, not a public setting. */
export interface SummaryWeights {
  position: number;
  centrality: number;
  entities: number;
  /** Redundancy penalty in maximal marginal relevance. */
  redundancy: number;
  /** Sentence length (words) the length prior peaks at. */
  idealWords: number;
  /** How much the length prior counts (0 = not at all, 1 = fully). */
  lengthWeight: number;
  /** Exponent of the position prior 1 / (1 + position)^decay. */
  decay: number;
  /** Factor for sentences that lean on what came before or open with a quote (1 = no penalty). */
  dangling: number;
}

/**
 * Openings that make a sentence depend on the one before it ("But", "He", "Sie") or make it someone's
 * words rather than the article's: such sentences read badly out of context.
 */
const DANGLING_START =
  /^(?:["“„‘'»«‚]|(?:but|and|however|also|so|then|he|she|it|they|this|that|these|those|his|her|their|aber|doch|und|auch|dann|er|sie|es|dies|diese|dieser|das|dabei|dazu|zudem|außerdem)\b)/iu;

export const DEFAULT_WEIGHTS: SummaryWeights = {
  position: 1,
  centrality: 0.6,
  entities: 0.4,
  redundancy: 0.3,
  idealWords: 22,
  lengthWeight: 0.5,
  decay: 0.5,
  dangling: 0.9,
};

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const o = b.get(t);
    if (o) dot += w * o;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Rescales to 0..1 so the features can be weighted against each other. */
function normalise(values: number[]): number[] {
  const max = Math.max(...values, 0);
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}

export function scoreSentences(
  candidates: CandidateSentence[],
  entities: Entity[],
  weights: SummaryWeights,
): { scores: number[]; vectors: Vector[] } {
  const termLists = candidates.map((s) => contentTerms(s.text));
  // Sentence frequency for an inverse-sentence-frequency weight (tf-isf).
  const sentenceFrequency = new Map<string, number>();
  for (const terms of termLists)
    for (const t of new Set(terms)) sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
  const n = candidates.length;
  const isf = (t: string) => Math.log((n + 1) / (sentenceFrequency.get(t) ?? 1));
  const vectors: Vector[] = termLists.map((terms) => {
    const v: Vector = new Map();
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + isf(t));
    return v;
  });
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);

  const centrality = normalise(vectors.map((v) => cosine(v, centroid)));

  // Main entities by mention count; a sentence earns the weight of each one it mentions.
  const main = [...entities].sort((a, b) => b.count - a.count).slice(0, 5);
  const entityScores = normalise(
    candidates.map((s) =>
      main.reduce(
        (sum, e) =>
          sum + (e.mentions.some((m) => m.start >= s.start && m.end <= s.end) ? Math.log(1 + e.count) : 0),
        0,
      ),
    ),
  );

  const scores = candidates.map((s, i) => {
    const position = 1 / (1 + s.position) ** weights.decay;
    const words = s.text.split(/\s+/).length;
    // Log-normal-shaped prior: fragments and run-on sentences (often glued-on captions) score lower.
    const lengthPrior = Math.exp(-((Math.log(words / weights.idealWords) / 0.7) ** 2) / 2);
    const content =
      weights.position * position + weights.centrality * centrality[i]! + weights.entities * entityScores[i]!;
    const standalone = DANGLING_START.test(s.text) ? weights.dangling : 1;
    return content * (1 - weights.lengthWeight + weights.lengthWeight * lengthPrior) * standalone;
  });
  return { scores, vectors };
}

export function summarizeWith(
  article: SummaryArticle,
  count: number,
  entities: Entity[],
  weights: SummaryWeights,
): SummarySentence[] {
  const candidates = candidateSentences(article.blocks, article.lang);
  if (candidates.length <= count) return candidates.map(({ text, start, end }) => ({ text, start, end }));
  const { scores, vectors } = scoreSentences(candidates, entities, weights);
  const top = Math.max(...scores);
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      if (chosen.includes(i)) continue;
      const similarity = Math.max(0, ...chosen.map((c) => cosine(vectors[i]!, vectors[c]!)));
      // A near-duplicate (same content, reworded) is never worth a place.
      if (similarity > 0.8) continue;
      const value = scores[i]! / top - weights.redundancy * similarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => candidates[i]!)
    .map(({ text, start, end }) => ({ text, start, end }));
}

export function summarize(article: SummaryArticle, options: SummaryOptions = {}): SummarySentence[] {
  const count = options.length === 'long' ? 5 : 3;
  return summarizeWith(article, count, options.entities ?? [], DEFAULT_WEIGHTS);
}

/** The Lead-3 baseline: the first three body sentences, split by the same code. */
export function lead3(article: SummaryArticle): SummarySentence[] {
  return bodySentences(article.blocks, article.lang)
    .slice(0, 3)
    .map(({ text, start, end }) => ({ text, start, end }));
}

export { blocksFromPlainText } from './plain-text.ts';
