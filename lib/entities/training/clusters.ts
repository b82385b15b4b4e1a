/**
 * Distributional word classes from unlabelled text, for the tagger's cluster features (features.ts
 * `cl`, `clc`, `cl-1`, `cl+1`, `cl0`): words that occur between the same neighbours (names after
 * "Präsident", places after "in", towns before "(dpa)") fall into the same class, so a name the
 * labelled sentences never show still gets the weights its class has earned. The classic gain for
 * perceptron and CRF taggers on unseen names (Brown clusters; Turian et al. 2010, Ratinov and Roth 2009).
 *
 * A cheaper cousin of Brown clustering: each word is the vector of its left and right neighbours
 * (the most frequent words exactly, any other word by its shape class), weighted by positive pointwise
 * mutual information, and spherical k-means splits the vocabulary twice, into `coarse` classes and each
 * of those into `fine` ones. A word's class is `coarse index × fine + fine index`, so the coarse class
 * is `class / fine` (a prefix of the hierarchy, as Brown bit strings have) and, at 16 × 16, a class fits
 * a byte of the model file. Deterministic: fixed order everywhere and a seeded k-means++ start.
 */
import { seededRandom } from '../../stats/seeded-random.ts';

export interface ClusterOptions {
  /** How many words get a class: the most frequent ones with at least `minCount` occurrences. */
  words: number;
  minCount: number;
  /** Context words kept as themselves; others count as their shape class. */
  contexts: number;
  coarse: number;
  fine: number;
  iterations: number;
  seed: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = {
  words: 25_000,
  minCount: 2,
  contexts: 400,
  coarse: 16,
  fine: 16,
  iterations: 12,
  seed: 20261203,
};

/** Sorted by count (descending), then by the word itself, so ties never depend on insertion order. */
function byFrequency(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
}

/** The class of a context word outside the kept ones: sentence edges and coarse shapes. */
const OTHER = ['<s>', '</s>', 'Cap', 'low', 'num', 'other'] as const;

function otherClass(word: string | undefined, end: boolean): number {
  if (word === undefined) return end ? 1 : 0;
  if (/^\p{Lu}/u.test(word)) return 2;
  if (/^\p{Ll}/u.test(word)) return 3;
  if (/^\p{N}/u.test(word)) return 4;
  return 5;
}

interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

/** Positive PMI of (word, context) with the context distribution smoothed (α = 0.75), L2-normalised. */
function contextVectors(
  sentences: readonly (readonly string[])[],
  vocabulary: ReadonlyMap<string, number>,
  contextIds: ReadonlyMap<string, number>,
  width: number,
): SparseVector[] {
  const counts = Array.from({ length: vocabulary.size }, () => new Map<number, number>());
  const contextTotals = new Float64Array(2 * width);
  const contextOf = (word: string | undefined, end: boolean) =>
    (word !== undefined ? contextIds.get(word) : undefined) ?? contextIds.size + otherClass(word, end);
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const v = vocabulary.get(tokens[i]!);
      if (v === undefined) continue;
      const left = contextOf(tokens[i - 1], false);
      const right = width + contextOf(tokens[i + 1], true);
      const row = counts[v]!;
      row.set(left, (row.get(left) ?? 0) + 1);
      row.set(right, (row.get(right) ?? 0) + 1);
      contextTotals[left]! += 1;
      contextTotals[right]! += 1;
    }
  }
  const smoothed = contextTotals.map((c) => c ** 0.75);
  const smoothedSum = smoothed.reduce((a, b) => a + b, 0);
  const total = contextTotals.reduce((a, b) => a + b, 0);
  return counts.map((row) => {
    const entries = [...row].sort((a, b) => a[0] - b[0]);
    const wordTotal = entries.reduce((s, [, c]) => s + c, 0);
    const ids: number[] = [];
    const values: number[] = [];
    for (const [c, n] of entries) {
      const pmi = Math.log(n / total / ((wordTotal / total) * (smoothed[c]! / smoothedSum)));
      if (pmi > 0) {
        ids.push(c);
        values.push(pmi);
      }
    }
    const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0)) || 1;
    return { ids: Int32Array.from(ids), values: Float64Array.from(values, (x) => x / norm) };
  });
}

function dot(v: SparseVector, centroid: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.values[k]! * centroid[v.ids[k]!]!;
  return s;
}

/** Spherical k-means of the vectors `members` into at most k classes; a class index per member. */
function kMeans(
  vectors: readonly SparseVector[],
  members: readonly number[],
  k: number,
  dims: number,
  iterations: number,
  random: () => number,
): Int32Array {
  const assignment = new Int32Array(members.length);
  k = Math.min(k, members.length);
  if (k <= 1) return assignment;
  // k-means++ start: each next centre drawn with probability ∝ its distance (1 − cosine) to the nearest.
  const centroids: Float64Array[] = [];
  const nearest = new Float64Array(members.length).fill(Infinity);
  const addCentre = (m: number) => {
    const c = new Float64Array(dims);
    const v = vectors[members[m]!]!;
    for (let j = 0; j < v.ids.length; j++) c[v.ids[j]!] = v.values[j]!;
    centroids.push(c);
    members.forEach((w, i) => {
      nearest[i] = Math.min(nearest[i]!, 1 - dot(vectors[w]!, c));
    });
  };
  addCentre(Math.floor(random() * members.length));
  while (centroids.length < k) {
    const sum = nearest.reduce((a, b) => a + Math.max(0, b), 0);
    let r = random() * sum;
    let pick = members.length - 1;
    for (let i = 0; i < members.length; i++) {
      r -= Math.max(0, nearest[i]!);
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    addCentre(pick);
  }
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    members.forEach((w, i) => {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(vectors[w]!, centroids[c]!);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assignment[i] !== best || it === 0) moved++;
      assignment[i] = best;
    });
    if (moved === 0) break;
    for (const c of centroids) c.fill(0);
    members.forEach((w, i) => {
      const c = centroids[assignment[i]!]!;
      const v = vectors[w]!;
      for (let j = 0; j < v.ids.length; j++) c[v.ids[j]!]! += v.values[j]!;
    });
    for (const c of centroids) {
      const norm = Math.sqrt(c.reduce((s, x) => s + x * x, 0)) || 1;
      for (let d = 0; d < dims; d++) c[d]! /= norm;
    }
  }
  return assignment;
}

/**
 * Word → class (0 … coarse × fine − 1) for the `words` most frequent words of `sentences` (tokens as
 * written: case is much of what a German word's neighbours say).
 */
export function wordClusters(
  sentences: readonly (readonly string[])[],
  options: Partial<ClusterOptions> = {},
): Map<string, number> {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const counts = new Map<string, number>();
  for (const tokens of sentences) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const ranked = byFrequency(counts);
  const words = ranked.filter((w) => counts.get(w)! >= o.minCount).slice(0, o.words);
  const vocabulary = new Map(words.map((w, i) => [w, i]));
  const contextIds = new Map(ranked.slice(0, o.contexts).map((w, i) => [w, i]));
  const width = contextIds.size + OTHER.length;
  const vectors = contextVectors(sentences, vocabulary, contextIds, width);
  const random = seededRandom(o.seed);
  const all = words.map((_, i) => i);
  const coarse = kMeans(vectors, all, o.coarse, 2 * width, o.iterations, random);
  const out = new Map<string, number>();
  for (let c = 0; c < o.coarse; c++) {
    const members = all.filter((i) => coarse[i] === c);
    const fine = kMeans(vectors, members, o.fine, 2 * width, o.iterations, random);
    members.forEach((w, i) => {
      out.set(words[w]!, c * o.fine + fine[i]!);
    });
  }
  return out;
}
