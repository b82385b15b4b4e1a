/**
 * Exact-span scoring of PER, LOC and ORG (CoNLL convention): a predicted span counts only when its
 * boundaries and type equal a gold span's. Corpus tags are mapped with toScoredTag first.
 */
import { f1Score } from '../../stats/f1.ts';
import { tagsToSpans } from '../tag-spans.ts';
import { toScoredTag } from './conll.ts';

export const SCORED_TYPES = ['PER', 'LOC', 'ORG'] as const;

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  predicted: number;
  gold: number;
}

export type Scores = Record<(typeof SCORED_TYPES)[number] | 'overall', PRF>;

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = f1Score(precision, recall);
  return { precision, recall, f1, tp, predicted, gold };
}

/** Scores predicted tag sequences against gold ones (both in any IOB2 tag set; mapped before scoring). */
export function scoreSpans(gold: readonly string[][], predicted: readonly string[][]): Scores {
  const counts = new Map<string, { tp: number; p: number; g: number }>();
  for (const type of [...SCORED_TYPES, 'overall']) counts.set(type, { tp: 0, p: 0, g: 0 });
  gold.forEach((goldTags, i) => {
    const g = tagsToSpans(goldTags.map(toScoredTag));
    const p = tagsToSpans((predicted[i] ?? []).map(toScoredTag));
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(g.map(key));
    for (const s of g) {
      counts.get(s.type)!.g++;
      counts.get('overall')!.g++;
    }
    for (const s of p) {
      counts.get(s.type)!.p++;
      counts.get('overall')!.p++;
      if (goldKeys.has(key(s))) {
        counts.get(s.type)!.tp++;
        counts.get('overall')!.tp++;
      }
    }
  });
  const out = {} as Scores;
  for (const [type, c] of counts) out[type as keyof Scores] = prf(c.tp, c.p, c.g);
  return out;
}

export function formatScores(label: string, scores: Scores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines = [`${label}`, '  type       P       R      F1   (gold, predicted)'];
  for (const type of [...SCORED_TYPES, 'overall'] as const) {
    const s = scores[type];
    lines.push(
      `  ${type.padEnd(8)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}   (${s.gold}, ${s.predicted})`,
    );
  }
  return lines.join('\n');
}
