/**
 * Mean ROUGE of the summariser and of Lead-3 over a CNN/DailyMail-style set (shared by the eval
 * script and the gate test, so both report the same numbers).
 */

import { DEFAULT_WEIGHTS, lead3, type SummaryWeights, summarizeWith } from './index.ts';
import { blocksFromPlainText } from './plain-text.ts';
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

export function evaluateSummaries(
  docs: EvalDocument[],
  options: { length?: 'short' | 'long'; weights?: SummaryWeights; lang?: string } = {},
): { summary: RougeTriple; lead3: RougeTriple } {
  const count = options.length === 'long' ? 5 : 3;
  const lang = options.lang ?? 'en';
  const ours: RougeTriple[] = [];
  const lead: RougeTriple[] = [];
  for (const doc of docs) {
    const article = { ...blocksFromPlainText(doc.article), lang };
    const join = (s: Array<{ text: string }>) => s.map((x) => x.text).join(' ');
    ours.push(
      rouge(join(summarizeWith(article, count, [], options.weights ?? DEFAULT_WEIGHTS)), doc.reference),
    );
    lead.push(rouge(join(lead3(article)), doc.reference));
  }
  return { summary: mean(ours), lead3: mean(lead) };
}
