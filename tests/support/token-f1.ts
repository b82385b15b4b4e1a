/**
 * Word-level closeness of two texts: both are cut into lower-cased word tokens and compared as
 * multisets (precision = shared tokens / our tokens, recall = shared tokens / expected tokens). It
 * ignores whitespace and block boundaries, but drops when text is lost or added.
 */
import { f1Score } from '../../lib/stats/f1.ts';
export interface TokenScores {
  precision: number;
  recall: number;
  f1: number;
}

export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Multiset token precision, recall and F1 of `actual` against `expected`. */
export function tokenF1(actual: string, expected: string): TokenScores {
  const got = wordTokens(actual);
  const want = wordTokens(expected);
  if (got.length === 0 || want.length === 0) {
    const same = got.length === want.length;
    return { precision: same ? 1 : 0, recall: same ? 1 : 0, f1: same ? 1 : 0 };
  }
  const remaining = new Map<string, number>();
  for (const token of want) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of got) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      shared++;
      remaining.set(token, left - 1);
    }
  }
  const precision = shared / got.length;
  const recall = shared / want.length;
  return { precision, recall, f1: f1Score(precision, recall) };
}
