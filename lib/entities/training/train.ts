/**
 * Training of the tagger: a structured averaged perceptron (Collins 2002) over the features of
 * features.ts, first-order tag transitions, Viterbi decoding. Deterministic for a given seed.
 */
import { seededRandom } from '../../stats/seeded-random.ts';
import { type FeatureResources, type SentenceContext, visitSentenceFeatures } from '../features.ts';
import type { Lexicon } from '../lexicon.ts';
import {
  allowedTransitions,
  createModel,
  FeatureWeights,
  featureHash,
  type TaggerModel,
  viterbi,
} from '../model.ts';
import type { CorpusSentence } from './conll.ts';

export const TRAINING_TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
/** German adds DERIV for GermEval's -deriv/-part tags. */
export const TRAINING_TAGS_DE = [...TRAINING_TAGS, 'B-DERIV', 'I-DERIV'];

export interface TrainOptions {
  lang: string;
  epochs: number;
  seed: number;
  /** Features seen fewer times in training are dropped (less over-fitting, smaller model). */
  minFeatureCount: number;
  /**
   * Independent runs over differently shuffled epochs (seeds seed, seed + 1, …), whose averaged
   * weights are averaged again: less dependence on one shuffle's luck (German 3-fold CV: +0.6 F1
   * with 3 runs, on every fold).
   */
  runs?: number;
  /** Averaged weights below this magnitude are pruned from the model file. */
  pruneBelow: number;
  /** Integer quantisation: stored weight = round(weight × scale). */
  scale: number;
  /** The word lists that ship with the model (see buildResources). */
  resources: FeatureResources & { lexicons: Record<string, Lexicon> };
  /**
   * Feature resources for a training sentence. Gazetteers derived from the training data itself are
   * jackknifed (each sentence sees lists built without its own fold) so the model learns how far such
   * lists can be trusted on unseen text.
   */
  resourcesFor: (sentenceIndex: number) => FeatureResources;
  context?: (sentence: CorpusSentence) => SentenceContext;
  /**
   * Sentences from index `auxiliaryFrom` on come from another language's corpus. Every feature then
   * trains twice, as a shared copy and as a copy of its sentence's language (Daumé's feature
   * augmentation), and the model keeps shared + own-language weights: the small German corpus borrows
   * what the larger English one teaches about shapes, gazetteers and names without inheriting
   * English capitalisation.
   */
  auxiliaryFrom?: number;
  /**
   * Several training domains: each sentence's domain (0: the model's own corpus), in place of
   * `auxiliaryFrom`. Every domain other than 0 trains its own feature copies, which the model leaves out.
   */
  domainOf?: (sentenceIndex: number) => number;
  /**
   * Domains in the model's own language (German newspapers, court decisions): a shared feature only
   * they show (a name GermEval lacks) is kept, where one only another language shows is dead weight.
   */
  sameLanguageDomains?: ReadonlySet<number>;
  log?: (line: string) => void;
}

/** The hash of a feature's own-language copy (0: the model's language, 1: the auxiliary one). */
function languageCopy(hash: number, language: number): number {
  let h = Math.imul(hash ^ (0x9e3779b9 + language), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/**
 * Case profile of the corpus vocabulary: for each lower-cased word seen at least `minCount` times away
 * from the sentence start, 1 = mostly lower-case, 2 = mixed, 3 = mostly capitalised.
 */
export function buildCaseProfile(
  sentences: readonly CorpusSentence[],
  minCount = 2,
): Record<string, string[]> {
  const counts = new Map<string, [number, number]>();
  for (const s of sentences) {
    for (let i = 1; i < s.tokens.length; i++) {
      const w = s.tokens[i]!;
      if (!/^\p{L}/u.test(w)) continue;
      const l = w.toLowerCase();
      const c = counts.get(l) ?? [0, 0];
      if (/^\p{Lu}/u.test(w)) c[1]++;
      else c[0]++;
      counts.set(l, c);
    }
  }
  const out: Record<string, string[]> = { '1': [], '2': [], '3': [] };
  for (const [word, [lowerCount, upperCount]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = lowerCount + upperCount;
    if (total < minCount) continue;
    const ratio = upperCount / total;
    const bucket = ratio < 0.1 ? '1' : ratio > 0.9 ? '3' : '2';
    out[bucket]!.push(word);
  }
  return out;
}

export function trainTagger(sentences: readonly CorpusSentence[], opts: TrainOptions): TaggerModel {
  const tags = opts.lang === 'de' ? TRAINING_TAGS_DE : TRAINING_TAGS;
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const log = opts.log ?? (() => {});

  // Features → ids, dropping rare ones. A feature is known by its hash, as in the model file: two
  // features sharing a hash (a handful among millions) train one weight together.
  const auxiliaryFrom = opts.auxiliaryFrom ?? sentences.length;
  const domainOf = opts.domainOf ?? ((si: number) => (si < auxiliaryFrom ? 0 : 1));
  const domains = sentences.map((_, si) => domainOf(si));
  const augmented = domains.some((d) => d !== 0);
  /** Own-language copy hash → shared hash, for the model's language. */
  const ownCopies = new Map<number, number>();
  /** The other domains' copies: trained, then left out of the model. */
  const auxiliaryCopies = new Set<number>();
  /** Shared features that sentences of `sameLanguageDomains` show. */
  const seenInSameLanguage = new Set<number>();
  const featureHashes = sentences.map((s, si) => {
    const perToken: number[][] = s.tokens.map(() => []);
    const language = domains[si]!;
    const sameLanguage = opts.sameLanguageDomains?.has(language) ?? false;
    visitSentenceFeatures(s.tokens, opts.resourcesFor(si), opts.context?.(s) ?? {}, (i, t, v, v2, v3) => {
      const h = featureHash(t, v, v2, v3);
      perToken[i]!.push(h);
      if (!augmented) return;
      const copy = languageCopy(h, language);
      perToken[i]!.push(copy);
      if (language === 0) ownCopies.set(copy, h);
      else auxiliaryCopies.add(copy);
      if (sameLanguage) seenInSameLanguage.add(h);
    });
    return perToken;
  });
  const counts = new Map<number, number>();
  for (const sent of featureHashes)
    for (const fs of sent) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<number, number>();
  const hashes: number[] = [];
  for (const [f, c] of counts) {
    if (c < opts.minFeatureCount) continue;
    ids.set(f, hashes.length);
    hashes.push(f);
  }
  const data = featureHashes.map((sent) =>
    sent.map((fs) => Int32Array.from(fs.map((f) => ids.get(f) ?? -1).filter((id) => id >= 0))),
  );
  const gold = sentences.map((s) => s.tags.map((t) => tagIndex.get(t) ?? 0));
  log(`features: ${hashes.length} (of ${counts.size} seen)`);

  const F = hashes.length;
  const allowed = allowedTransitions(tags);
  /** One averaged-perceptron run over shuffles drawn from `seed`: its averaged weights. */
  const runPerceptron = (seed: number) => {
    const w = new Float64Array(F * T);
    const u = new Float64Array(F * T);
    const tw = new Float64Array((T + 1) * T);
    const tu = new Float64Array((T + 1) * T);
    const random = seededRandom(seed);
    const order = sentences.map((_, i) => i);
    let c = 1;

    const update = (feats: Int32Array, tag: number, delta: number) => {
      for (let k = 0; k < feats.length; k++) {
        const idx = feats[k]! * T + tag;
        w[idx]! += delta;
        u[idx]! += c * delta;
      }
    };
    const updateTransition = (prev: number, tag: number, delta: number) => {
      const idx = prev * T + tag;
      tw[idx]! += delta;
      tu[idx]! += c * delta;
    };

    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let errors = 0;
      let tokens = 0;
      for (const si of order) {
        const feats = data[si]!;
        const g = gold[si]!;
        const emissions = new Float64Array(feats.length * T);
        feats.forEach((fs, i) => {
          for (let k = 0; k < fs.length; k++) {
            const base = fs[k]! * T;
            for (let t = 0; t < T; t++) emissions[i * T + t]! += w[base + t]!;
          }
        });
        const pred = viterbi(emissions, tw, allowed, T);
        tokens += g.length;
        for (let i = 0; i < g.length; i++) {
          const prevGold = i === 0 ? T : g[i - 1]!;
          const prevPred = i === 0 ? T : pred[i - 1]!;
          if (pred[i] !== g[i]) {
            errors++;
            update(feats[i]!, g[i]!, 1);
            update(feats[i]!, pred[i]!, -1);
          }
          if (pred[i] !== g[i] || prevGold !== prevPred) {
            updateTransition(prevGold, g[i]!, 1);
            updateTransition(prevPred, pred[i]!, -1);
          }
        }
        c++;
      }
      log(`epoch ${epoch + 1}: token error rate ${((100 * errors) / tokens).toFixed(2)}%`);
    }
    return {
      weights: Float64Array.from(w, (x, i) => x - u[i]! / c),
      transitions: Float64Array.from(tw, (x, i) => x - tu[i]! / c),
    };
  };
  const runs = opts.runs ?? 1;
  const avgW = new Float64Array(F * T);
  const avgT = new Float64Array((T + 1) * T);
  for (let r = 0; r < runs; r++) {
    const run = runPerceptron(opts.seed + r);
    for (let i = 0; i < avgW.length; i++) avgW[i]! += run.weights[i]! / runs;
    for (let i = 0; i < avgT.length; i++) avgT[i]! += run.transitions[i]! / runs;
  }

  // Averaged weights; with augmentation, a feature's weight is its shared plus its own-language copy.
  const seenInOwn = new Set([...ownCopies.values(), ...seenInSameLanguage]);
  const averaged = new Map<number, Float64Array>();
  for (let f = 0; f < F; f++) {
    const h = hashes[f]!;
    if (auxiliaryCopies.has(h)) continue;
    // A feature the model's language never showed (an English word) is dead weight in its file.
    if (augmented && !ownCopies.has(h) && !seenInOwn.has(h)) continue;
    const key = ownCopies.get(h) ?? h;
    const row = averaged.get(key) ?? new Float64Array(T);
    for (let t = 0; t < T; t++) row[t]! += avgW[f * T + t]!;
    averaged.set(key, row);
  }
  // Pruned and quantised; a feature whose weights all prune away is dropped.
  const kept = new Map<number, Int32Array>();
  for (const [h, avgRow] of averaged) {
    const row = new Int32Array(T);
    let any = false;
    for (let t = 0; t < T; t++) {
      const avg = avgRow[t]!;
      if (Math.abs(avg) < opts.pruneBelow) continue;
      row[t] = Math.round(avg * opts.scale);
      if (row[t] !== 0) any = true;
    }
    if (any) kept.set(h, row);
  }
  log(`kept ${kept.size} features after pruning`);
  const model = createModel({
    lang: opts.lang,
    tags,
    scale: opts.scale,
    transitions: Int32Array.from(avgT, (x) => Math.round(x * opts.scale)),
    weights: FeatureWeights.from(kept, T),
    gazetteer: opts.resources.gazetteer,
    lexicons: opts.resources.lexicons,
  });
  if (!model) throw new Error('the resources lack firstNames or caseProfile');
  return model;
}
