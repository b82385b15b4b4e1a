/**
 * Mean ROUGE of the shipped summariser and of Lead-3 over a CNN/DailyMail-style set (shared by the eval
 * script and the gate test, so both report the same numbers). The summary is the one the extension and
 * the CLI show: each article goes through `analyzeText` with the real entity model, so the entities the
 * summariser weighs are the recogniser's, not none. Lead-3 is the first three body sentences of the same
 * analysis, split by the same code.
 *
 * The 100 dev articles are split by a hash of their id into a tuning part and a kept-out part: the
 * summariser's weights were chosen on the tuning part only, and the kept-out part says whether the
 * choice carries over.
 */

import { analyzeText, type ModelLoader } from '../analyze.ts';
import { FNV_OFFSET, hashChars } from '../entities/hashing.ts';
import { type BootstrapInterval, pairedBootstrap } from '../stats/bootstrap.ts';
import { lead3 } from './index.ts';
import { type RougeTriple, rouge } from './rouge.ts';

export interface EvalDocument {
  id: string;
  article: string;
  reference: string;
}

export function loadCnnDm(jsonl: string): EvalDocument[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalDocument);
}

export type EvalPart = 'tuning' | 'kept-out';

/** Deterministic split by the FNV-1a hash of the id: 45 of the 100 dev articles are kept out of tuning. */
export function evalPart(id: string): EvalPart {
  return (hashChars(FNV_OFFSET, id) >>> 0) % 2 === 0 ? 'tuning' : 'kept-out';
}

const METRICS = ['rouge1', 'rouge2', 'rougeL'] as const;
export type RougeMetric = (typeof METRICS)[number];

export interface DocumentScores {
  id: string;
  part: EvalPart;
  summary: RougeTriple;
  lead3: RougeTriple;
}

export interface PartResult {
  count: number;
  summary: RougeTriple;
  lead3: RougeTriple;
  /** Paired bootstrap of (summary F1 − Lead-3 F1) per document, per metric (fixed seed). */
  difference: Record<RougeMetric, BootstrapInterval>;
}

function mean(triples: RougeTriple[]): RougeTriple {
  const avg = (pick: (t: RougeTriple) => { precision: number; recall: number; f1: number }) => {
    const n = triples.length || 1;
    return {
      precision: triples.reduce((s, t) => s + pick(t).precision, 0) / n,
      recall: triples.reduce((s, t) => s + pick(t).recall, 0) / n,
      f1: triples.reduce((s, t) => s + pick(t).f1, 0) / n,
    };
  };
  return { rouge1: avg((t) => t.rouge1), rouge2: avg((t) => t.rouge2), rougeL: avg((t) => t.rougeL) };
}

/** Seed of the bootstrap resamples: fixed, so the gate reads the same interval on every run. */
export const BOOTSTRAP_SEED = 2015;

export function summarisePart(scores: DocumentScores[]): PartResult {
  const difference = Object.fromEntries(
    METRICS.map((m) => [
      m,
      pairedBootstrap(
        scores.map((s) => s.summary[m].f1 - s.lead3[m].f1),
        { seed: BOOTSTRAP_SEED },
      ),
    ]),
  ) as Record<RougeMetric, BootstrapInterval>;
  return {
    count: scores.length,
    summary: mean(scores.map((s) => s.summary)),
    lead3: mean(scores.map((s) => s.lead3)),
    difference,
  };
}

/** Scores every document through the shipped pipeline (`analyzeText` with the entity model). */
export async function scoreDocuments(
  docs: EvalDocument[],
  options: { loadModel: ModelLoader; length?: 'short' | 'long' },
): Promise<DocumentScores[]> {
  const join = (s: Array<{ text: string }>) => s.map((x) => x.text).join(' ');
  const out: DocumentScores[] = [];
  for (const doc of docs) {
    const analysis = await analyzeText(
      doc.article,
      {},
      { loadModel: options.loadModel, summaryLength: options.length ?? 'short' },
    );
    const article = { text: analysis.text, blocks: analysis.blocks, lang: analysis.lang };
    out.push({
      id: doc.id,
      part: evalPart(doc.id),
      summary: rouge(join(analysis.summary), doc.reference),
      lead3: rouge(join(lead3(article)), doc.reference),
    });
  }
  return out;
}

export interface SummaryEvaluation {
  all: PartResult;
  tuning: PartResult;
  keptOut: PartResult;
}

export async function evaluateSummaries(
  docs: EvalDocument[],
  options: { loadModel: ModelLoader; length?: 'short' | 'long' },
): Promise<SummaryEvaluation> {
  const scores = await scoreDocuments(docs, options);
  return {
    all: summarisePart(scores),
    tuning: summarisePart(scores.filter((s) => s.part === 'tuning')),
    keptOut: summarisePart(scores.filter((s) => s.part === 'kept-out')),
  };
}
