/**
 * ROUGE-N and ROUGE-L (Lin 2004) as F1, precision and recall, tokenised like Google's rouge-score
 * package without stemming: lower-case, every run of characters other than letters and digits is a
 * separator. (rouge-score keeps only a–z and 0–9; we keep all Unicode letters so German works; on
 * ASCII text the two agree.) ROUGE-L is the sentence-level variant on the whole text: the longest
 * common subsequence of the two token lists.
 */
import { f1Score } from '../stats/f1.ts';
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount ? overlap / candidateCount : 0;
  const recall = referenceCount ? overlap / referenceCount : 0;
  const f1 = f1Score(precision, recall);
  return { precision, recall, f1 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N: clipped n-gram overlap. */
export function rougeN(candidate: string, reference: string, n: number): RougeScore {
  const c = ngramCounts(rougeTokens(candidate), n);
  const r = ngramCounts(rougeTokens(reference), n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return score(overlap, total(c), total(r));
}

/** Length of the longest common subsequence (O(n·m) time, O(m) memory). */
export function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** ROUGE-L: longest common subsequence over the whole texts. */
export function rougeL(candidate: string, reference: string): RougeScore {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return score(lcsLength(c, r), c.length, r.length);
}

export interface RougeTriple {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

export function rouge(candidate: string, reference: string): RougeTriple {
  return {
    rouge1: rougeN(candidate, reference, 1),
    rouge2: rougeN(candidate, reference, 2),
    rougeL: rougeL(candidate, reference),
  };
}
